// The one table from an error code to the text a person reads, Vietnamese first, English second. The codes are those
// the kiosk's API answers with ({ "code": ... } of ApiException, SessionException, LodgingException, StorageException
// as STORAGE_*), those of the read-failed event (the reader's ReaderException codes) and the page's own NETWORK.
// Every screen shows these texts instead of the server's English message. ErrorTextsTest fails when a code the
// server can send has no entry here; it reads one entry per line, so keep the one-line layout.

import { currentLang } from './i18n.js';

export const ERRORS = {
  // reading the card (read-failed event, the reader's codes)
  ACCESS_DENIED: { vi: 'Không mở được chip: số định danh, ngày sinh hoặc ngày cấp chưa đúng với thẻ. Hãy kiểm tra và nhập lại.', en: 'The chip did not open: the ID number, date of birth or issue date does not match the card. Please check and enter them again.' },
  CARD_REMOVED: { vi: 'Thẻ bị nhấc ra khi đang đọc. Hãy đặt lại thẻ và giữ nguyên.', en: 'The card was lifted during reading. Put it back and keep it still.' },
  MALFORMED_DATA: { vi: 'Dữ liệu trên chip bị lỗi, không đọc được. Hãy thử đọc lại hoặc liên hệ cán bộ.', en: 'The data on the chip is damaged and cannot be read. Try again or ask an officer.' },
  NO_READER_OR_CARD: { vi: 'Đầu đọc không phản hồi. Hãy thử lại hoặc liên hệ cán bộ.', en: 'The reader does not respond. Try again or ask an officer.' },
  NO_READER: { vi: 'Không tìm thấy đầu đọc thẻ. Hãy liên hệ cán bộ.', en: 'No card reader was found. Please ask an officer.' },
  NO_CARD: { vi: 'Chưa có thẻ nào được đọc. Hãy đặt thẻ lên đầu đọc.', en: 'No card has been read. Please place the card on the reader.' },
  CANCELLED: { vi: 'Việc đọc thẻ đã dừng vì phiên làm việc kết thúc.', en: 'The read stopped because the session ended.' },
  READ_ERROR: { vi: 'Không đọc được thẻ. Hãy thử lại hoặc liên hệ cán bộ.', en: 'The card could not be read. Try again or ask an officer.' },
  STATUS_WORD: { vi: 'Chip từ chối một lệnh ({code}). Hãy thử đọc lại hoặc liên hệ cán bộ.', en: 'The chip refused a command ({code}). Try again or ask an officer.' },
  // the session
  NO_SESSION: { vi: 'Phiên làm việc đã kết thúc.', en: 'The session has ended.' },
  NO_CONSENT: { vi: 'Cần có sự đồng ý trước khi đọc thẻ.', en: 'Consent is needed before the card is read.' },
  WRONG_STEP: { vi: 'Bước này không thực hiện được lúc này. Hãy bắt đầu lại.', en: 'This step cannot be done now. Please start again.' },
  READING: { vi: 'Đang đọc thẻ, xin chờ.', en: 'A card is being read, please wait.' },
  TOO_MANY_CARDS: { vi: 'Một tờ khai chỉ dùng tối đa hai thẻ.', en: 'A form takes at most two cards.' },
  NO_CARD_PRESENT: { vi: 'Không có thẻ trên đầu đọc. Hãy đặt thẻ lên rồi thử lại.', en: 'No card is on the reader. Place the card and try again.' },
  CARD_PRESENT: { vi: 'Đang có thẻ trên đầu đọc. Hãy lấy thẻ ra trước.', en: 'A card is already on the reader. Take it away first.' },
  INVALID_KEY: { vi: 'Số định danh, ngày sinh hoặc ngày cấp chưa đúng dạng. Hãy kiểm tra và nhập lại.', en: 'The ID number, date of birth or issue date is not in the right form. Please check and enter them again.' },
  NO_ADDRESS: { vi: 'Thẻ không có nơi cư trú.', en: 'The card holds no residence.' },
  NO_FACE: { vi: 'Không đọc được ảnh chân dung trên thẻ.', en: 'The portrait was not read from the card.' },
  FACE_FORMAT: { vi: 'Không hiển thị được ảnh chân dung của thẻ.', en: 'The card\'s portrait cannot be shown.' },
  // forms and documents
  NO_FORM: { vi: 'Không có tờ khai này.', en: 'There is no such form.' },
  INVALID_FORM: { vi: 'Có ô cần sửa trong tờ khai.', en: 'Some fields of the form need correcting.' },
  NO_DOCUMENT: { vi: 'Tờ khai không còn. Hãy tạo lại.', en: 'The form is no longer there. Please make it again.' },
  NO_PAGE: { vi: 'Tờ khai không có trang này.', en: 'The form has no such page.' },
  NO_PRINTER: { vi: 'Kiosk này chưa có máy in. Hãy tải PDF hoặc liên hệ cán bộ.', en: 'This kiosk has no printer. Download the PDF or ask an officer.' },
  PRINT_FAILED: { vi: 'Không in được. Hãy tải PDF hoặc liên hệ cán bộ.', en: 'Printing failed. Download the PDF or ask an officer.' },
  PRINT_TIMEOUT: { vi: 'Máy in không trả lời kịp. Hãy tải PDF hoặc liên hệ cán bộ.', en: 'The printer did not answer in time. Download the PDF or ask an officer.' },
  // QR code
  QR_UNAVAILABLE: { vi: 'Kiosk này chưa đọc được mã QR. Hãy nhập số định danh và ngày sinh.', en: 'This kiosk cannot read QR codes yet. Please type the ID number and date of birth.' },
  NO_QR: { vi: 'Không thấy mã QR. Hãy đưa mã QR trên thẻ vào giữa khung hình.', en: 'No QR code found. Hold the card\'s QR code in the middle of the picture.' },
  NOT_CCCD: { vi: 'Mã QR này không phải mã QR của CCCD / thẻ Căn cước.', en: 'This QR code is not the QR code of a CCCD / Căn cước card.' },
  INVALID_CCCD_QR: { vi: 'Mã QR đọc được nhưng không đầy đủ hoặc sai. Hãy quét lại.', en: 'The QR code was read but is incomplete or wrong. Please scan it again.' },
  SEVERAL_QR: { vi: 'Thấy nhiều thẻ cùng lúc. Hãy đưa từng thẻ một.', en: 'Several cards are in view. Please show one card at a time.' },
  IMAGE_TOO_LARGE: { vi: 'Ảnh quá lớn để đọc mã QR.', en: 'The image is too large to read a QR code from.' },
  NOT_AN_IMAGE: { vi: 'Không đọc được ảnh (cần ảnh PNG hoặc JPEG).', en: 'The image cannot be read (a PNG or JPEG is needed).' },
  // staff
  WRONG_PIN: { vi: 'Sai mã PIN.', en: 'Wrong PIN.' },
  LOCKED: { vi: 'Nhập sai quá nhiều lần. Hãy thử lại sau.', en: 'Too many wrong PINs. Try again later.' },
  OPERATOR_DISABLED: { vi: 'Chưa cấu hình mã PIN nhân viên (operator.pinHash).', en: 'No staff PIN is configured (operator.pinHash).' },
  UNAUTHORIZED: { vi: 'Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại.', en: 'The login has expired. Please log in again.' },
  SESSION_ACTIVE: { vi: 'Đang có người dùng kiosk. Hãy kết thúc phiên đó trước.', en: 'A session is running. End it first.' },
  NO_CARD_REPORT: { vi: 'Bản kiosk này không tạo được báo cáo cấu trúc thẻ.', en: 'This kiosk build cannot write a card report.' },
  INVALID_ID_NUMBER: { vi: 'Nhập số định danh hoặc số hộ chiếu.', en: 'Enter the ID or passport number.' },
  // lodging
  MODE_OFF: { vi: 'Chức năng này không bật trên kiosk này.', en: 'This function is not switched on at this kiosk.' },
  POLICE_OFF: { vi: 'Chưa cấu hình gửi thông báo lưu trú trực tiếp tới công an (lodging.police).', en: 'Direct submission to the police API is not configured (lodging.police).' },
  NOT_OVERNIGHT: { vi: 'Ngày đi phải sau đêm đầu tiên.', en: 'The departure must be after the first night.' },
  ALREADY_REGISTERED: { vi: 'Khách này đã có trong sổ cho thời gian này.', en: 'This guest is already registered for this period.' },
  ALREADY_CHECKED_OUT: { vi: 'Khách này đã trả phòng.', en: 'This guest has already checked out.' },
  INVALID_ROOM: { vi: 'Nhập số phòng.', en: 'Enter the room.' },
  INVALID_REASON: { vi: 'Nhập lý do lưu trú.', en: 'Enter the reason for the stay.' },
  INVALID_ARRIVAL: { vi: 'Nhập thời gian đến (ngày và giờ).', en: 'Enter the arrival time (date and time).' },
  INVALID_DEPARTURE: { vi: 'Nhập ngày dự kiến đi.', en: 'Enter the expected departure date.' },
  INVALID_DATE: { vi: 'Ngày không đúng dạng.', en: 'The date is not valid.' },
  NO_GUEST: { vi: 'Không còn bản ghi khách này.', en: 'This guest record no longer exists.' },
  NO_NAME: { vi: 'Thẻ không cho đọc họ tên: hãy ghi khách bằng tay.', en: 'The card gives no name: register the guest by hand.' },
  NO_NUMBER: { vi: 'Thẻ không cho đọc số giấy tờ: hãy ghi khách bằng tay.', en: 'The card gives no document number: register the guest by hand.' },
  KBTT_INVALID: { vi: 'Danh sách chưa đúng mẫu của Cổng khai báo lưu trú: {m}', en: 'The list does not fit the police portal\'s template: {m}' },
  // hospital
  INVALID_BHYT_CODE: { vi: 'Mã thẻ BHYT không đúng dạng.', en: 'The BHYT card code is not valid.' },
  UNKNOWN_DEPARTMENT: { vi: 'Hãy chọn một khoa khám.', en: 'Please choose a department.' },
  TOO_MANY_CHECKINS: { vi: 'Đã đăng ký đủ số khoa cho một lần. Hãy liên hệ quầy tiếp đón.', en: 'The most departments for one visit are booked. Please ask at reception.' },
  NO_CHECKIN: { vi: 'Không còn lượt đăng ký khám này.', en: 'This check-in no longer exists.' },
  // demo mode
  DEMO_OFF: { vi: 'Chế độ trình diễn đang tắt.', en: 'Demo mode is off.' },
  DEMO_UNAVAILABLE: { vi: 'Thẻ demo chưa dùng được trong bản này: {m}', en: 'Demo cards are not available in this build: {m}' },
  UNKNOWN_PERSONA: { vi: 'Không có thẻ demo này.', en: 'There is no such demo card.' },
  UNKNOWN_FAULT: { vi: 'Không có lỗi giả lập này.', en: 'There is no such simulated fault.' },
  // storage of the registers
  STORAGE_NO_KEY: { vi: 'Sổ đăng ký chưa có khoá mã hoá. Hãy báo người quản lý.', en: 'The register has no encryption key. Please tell the administrator.' },
  STORAGE_BAD_KEY: { vi: 'Khoá mã hoá của sổ đăng ký không đúng dạng. Hãy báo người quản lý.', en: 'The register\'s encryption key is malformed. Please tell the administrator.' },
  STORAGE_WRONG_KEY: { vi: 'Khoá mã hoá không mở được sổ đăng ký. Hãy báo người quản lý.', en: 'The encryption key does not open the register. Please tell the administrator.' },
  STORAGE_CORRUPT: { vi: 'Sổ đăng ký bị hỏng. Hãy báo người quản lý.', en: 'The register is damaged. Please tell the administrator.' },
  STORAGE_UNAVAILABLE: { vi: 'Không mở được sổ đăng ký. Hãy thử lại sau.', en: 'The register cannot be opened. Please try again later.' },
  STORAGE_MIGRATION_FAILED: { vi: 'Không cập nhật được sổ đăng ký. Hãy báo người quản lý.', en: 'The register could not be updated. Please tell the administrator.' },
  STORAGE_BUSY: { vi: 'Sổ đăng ký đang bận. Hãy thử lại.', en: 'The register is busy. Please try again.' },
  STORAGE_FAILED: { vi: 'Không lưu được vào sổ đăng ký. Hãy thử lại.', en: 'The register could not be written. Please try again.' },
  // the page and the HTTP layer
  NETWORK: { vi: 'Kiosk không phản hồi. Hãy thử lại.', en: 'The kiosk does not respond. Please try again.' },
  UI_LOCKED: { vi: 'Trình duyệt này không được đọc dữ liệu của ki-ốt. Hãy mở ki-ốt bằng trình khởi chạy của ki-ốt (hoặc báo cho người quản lý).', en: 'This browser may not read the kiosk\'s data. Open the kiosk with the kiosk launcher (or tell the administrator).' },
  BAD_REQUEST: { vi: 'Yêu cầu không hợp lệ. Hãy thử lại.', en: 'The request is not valid. Please try again.' },
  BAD_QUERY: { vi: 'Yêu cầu không hợp lệ. Hãy thử lại.', en: 'The request is not valid. Please try again.' },
  NOT_FOUND: { vi: 'Không tìm thấy.', en: 'Not found.' },
  METHOD_NOT_ALLOWED: { vi: 'Yêu cầu không được phép.', en: 'This request is not allowed.' },
  UNSUPPORTED_MEDIA_TYPE: { vi: 'Dữ liệu gửi lên không đúng loại.', en: 'The data sent is of the wrong kind.' },
  TOO_LARGE: { vi: 'Dữ liệu gửi lên quá lớn.', en: 'The data sent is too large.' },
  TIMEOUT: { vi: 'Dữ liệu gửi lên không đến kịp. Hãy thử lại.', en: 'The data did not arrive in time. Please try again.' },
  BUSY: { vi: 'Kiosk đang bận. Hãy thử lại.', en: 'The kiosk is busy. Please try again.' },
  CROSS_ORIGIN: { vi: 'Yêu cầu từ trang khác bị từ chối.', en: 'Requests from another page are refused.' },
  CROSS_SITE: { vi: 'Yêu cầu từ trang khác bị từ chối.', en: 'Requests from another page are refused.' },
  INTERNAL: { vi: 'Kiosk gặp lỗi. Hãy thử lại hoặc liên hệ cán bộ.', en: 'The kiosk ran into a problem. Try again or ask an officer.' },
  // any other code
  OTHER: { vi: 'Không thực hiện được ({code}). Hãy thử lại hoặc liên hệ cán bộ.', en: 'This could not be done ({code}). Try again or ask an officer.' },
};

/** Codes built from a prefix and a value (STATUS_WORD_6A82): the prefix's entry. */
const PREFIXES = ['STATUS_WORD'];

function entry(code) {
  if (ERRORS[code]) return ERRORS[code];
  const prefix = PREFIXES.find((p) => String(code).startsWith(p + '_'));
  return prefix ? ERRORS[prefix] : null;
}

function fill(text, vars) {
  return text.replace(/\{(\w+)\}/g, (_, name) => (vars[name] === undefined || vars[name] === null ? '' : String(vars[name])));
}

/**
 * The code of an error, a read-failed event or a plain code string; a fetch that never got an answer is NETWORK, an
 * error of the page itself (no code) INTERNAL.
 */
function codeOf(e) {
  if (typeof e === 'string') return e;
  if (e && e.status === 0) return 'NETWORK';
  return (e && e.code) || 'INTERNAL';
}

/**
 * The text for an error (an ApiError, a read-failed event {code, message}, or a code) in a language (default: the
 * page's). {code} in a text is the code, {m} the server's message (only where it names a detail worth showing).
 */
export function errorText(e, lang = currentLang()) {
  const code = codeOf(e);
  const text = entry(code) || ERRORS.OTHER;
  return fill(text[lang] || text.vi, { code, m: e && e.message });
}

/** Vietnamese, then English (for messages shown before the language is known, and on the staff pages). */
export function errorBoth(e) {
  const vi = errorText(e, 'vi');
  const en = errorText(e, 'en');
  return en && en !== vi ? vi + ' / ' + en : vi;
}
