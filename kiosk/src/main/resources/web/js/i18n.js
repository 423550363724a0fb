// UI texts, Vietnamese first. Keys are used in index.html (data-i18n, data-i18n-label, data-i18n-title) and the
// screens' modules. Error texts are not here: one table in errors.js maps each error code to its text.

const TEXTS = {
  vi: {
    skip: 'Bỏ qua đến nội dung chính',
    appName: 'Kiosk thẻ căn cước',
    textSize: 'Cỡ chữ', textSmaller: 'Chữ nhỏ hơn', textLarger: 'Chữ lớn hơn',
    attractTitle: 'Đọc thẻ căn cước, điền sẵn tờ khai',
    attractLead: 'Không cần viết tay thông tin đã có trên chip. Bạn luôn xem lại trước khi in.',
    start: 'Bắt đầu',
    stepsLabel: 'Các bước',
    step1: 'Đồng ý cho đọc thẻ', step2: 'Nhập số định danh và ngày sinh', step3: 'Đặt thẻ lên đầu đọc',
    step4: 'Chọn thủ tục, xem lại, in tờ khai',
    consentTitle: 'Đồng ý cho đọc thông tin trên thẻ',
    consentWhatTitle: 'Kiosk sẽ đọc từ chip của thẻ',
    consentWhat: 'Họ, chữ đệm và tên; ngày sinh; giới tính; số định danh cá nhân; quốc tịch; dân tộc; tôn giáo; quê quán; nơi cư trú; đặc điểm nhận dạng; ngày cấp và ngày hết hạn; họ tên cha, mẹ, vợ/chồng; số CMND cũ; ảnh chân dung (chỉ để hiển thị cho bạn và cán bộ).',
    consentWhyTitle: 'Để làm gì',
    consentWhy: 'Để điền sẵn tờ khai của thủ tục bạn chọn, kiểm tra thẻ là thẻ thật, và in tờ khai. Mỗi tờ khai chỉ dùng những thông tin nó cần:',
    consentKeepTitle: 'Lưu giữ và quyền của bạn',
    consentKeep: 'Dữ liệu chỉ nằm trong bộ nhớ của kiosk khi bạn đang dùng và bị xoá ngay khi bạn rút thẻ, bấm "Hoàn tất" hoặc không thao tác một lúc. Kiosk không lưu ảnh, không gửi dữ liệu đi nơi khác; nhật ký chỉ ghi việc đọc thẻ, không ghi thông tin cá nhân. Bạn có thể không đồng ý hoặc dừng lại bất cứ lúc nào.',
    consentLaw: 'Theo Luật Bảo vệ dữ liệu cá nhân (Luật số 91/2025/QH15) và Nghị định 356/2025/NĐ-CP.',
    consentCheck: 'Tôi đã đọc và đồng ý cho kiosk đọc thông tin trên thẻ của tôi cho mục đích trên.',
    consentUses: 'dùng',
    decline: 'Không đồng ý', acceptContinue: 'Đồng ý và tiếp tục',
    keyTitle: 'Nhập thông tin để mở chip',
    keyTitleSecond: 'Thẻ thứ hai: nhập thông tin để mở chip',
    keyLead: 'Chip chỉ mở khi có số định danh và ngày sinh in trên thẻ. Thông tin này không được lưu.',
    secondConsentText: 'Người thứ hai (cha hoặc mẹ còn lại) cũng cần đồng ý cho kiosk đọc thẻ của mình cho tờ khai này.',
    secondConsentCheck: 'Người có thẻ thứ hai đã đọc và đồng ý.',
    secondConsentNeeded: 'Người có thẻ thứ hai cần đánh dấu đồng ý trước.',
    keyId: 'Số định danh cá nhân (12 chữ số)',
    keyDob: 'Ngày sinh (ngày/tháng/năm)',
    keyIssue: 'Ngày cấp thẻ (nếu biết, giúp đọc nhanh hơn)',
    keyQr: 'Hoặc quét mã QR trên thẻ bằng máy quét',
    qrUnavailable: 'Kiosk này chưa đọc được mã QR. Hãy nhập số định danh và ngày sinh.',
    qrReady: 'Đưa mã QR trên thẻ vào máy quét; ô này sẽ tự điền.',
    qrCamera: 'Quét mã QR bằng camera',
    qrCameraStop: 'Tắt camera',
    qrCameraVideo: 'Hình từ camera',
    qrCameraLooking: 'Đưa mã QR trên thẻ vào giữa khung hình, giữ yên…',
    qrCameraFound: 'Đã đọc mã QR.',
    qrCameraNoCamera: 'Không mở được camera. Hãy dùng máy quét hoặc nhập số định danh.',
    qrCameraTimeout: 'Chưa đọc được mã QR. Hãy thử lại, dùng máy quét hoặc nhập số định danh.',
    qrChecking: 'Đang kiểm tra mã QR…',
    qrUncertain: 'Máy quét làm sai dấu tiếng Việt; họ tên sẽ lấy đúng từ chip.',
    errIdNumber: 'Số định danh gồm đúng 12 chữ số.',
    errDate: 'Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/09/1990.',
    errRequired: 'Bắt buộc nhập.',
    back: 'Quay lại', continue: 'Tiếp tục', cancel: 'Hủy',
    demoFillKey: 'Điền số của thẻ demo',
    cardTitle: 'Đặt thẻ lên đầu đọc',
    cardTitleSecond: 'Lấy thẻ thứ nhất ra, đặt thẻ thứ hai lên đầu đọc',
    cardWaiting: 'Đặt thẻ nằm yên trên đầu đọc và giữ nguyên cho đến khi đọc xong.',
    cardReading: 'Đang đọc chip, xin giữ nguyên thẻ…',
    cardReadingFile: 'Đang đọc: {file}',
    cardDone: 'Đã đọc xong.',
    cardInsertedEarly: 'Đã nhận thẻ. Bấm "Bắt đầu" để tiếp tục.',
    reenterKey: 'Nhập lại số định danh', retry: 'Đọc lại',
    files: { COM: 'danh mục tệp', SOD: 'chữ ký số của thẻ', DG1: 'vùng MRZ', DG2: 'ảnh chân dung', DG13: 'thông tin công dân',
      DG14: 'khoá xác thực chip', DG15: 'khoá chống sao chép', CardAccess: 'thông tin truy cập' },
    identityTitle: 'Thông tin trên thẻ',
    idNumberMasked: 'Số định danh', dateOfBirth: 'Ngày sinh', sex: 'Giới tính',
    badgeAuthentic: 'Thẻ thật — chip đã được xác thực',
    badgeUnverified: 'Chưa xác thực được thẻ',
    badgeNotAuthentic: 'Không xác thực được — dữ liệu chip không hợp lệ',
    badgeCopy: 'Thẻ này có thể là bản sao',
    unverifiedHelp: 'Kiosk không kiểm tra được chữ ký số của thẻ. Cán bộ sẽ kiểm tra thẻ gốc.',
    paNoteDsExpired: 'Ghi chú: chứng thư số của đơn vị ký dữ liệu thẻ (Document Signer) đã hết hạn ngày {date}; khi ký thẻ này chứng thư còn hiệu lực và thẻ vẫn còn giá trị, nên chữ ký số của thẻ vẫn có giá trị.',
    paNote: 'Ghi chú của bước kiểm tra chữ ký số (không phải lỗi):',
    finish: 'Hoàn tất', chooseProcedure: 'Chọn thủ tục',
    pickerTitle: 'Bạn cần làm thủ tục gì?',
    formLead: 'Thông tin đánh dấu "từ chip" được đọc từ thẻ và không sửa được. Hãy điền các ô còn trống.',
    chipPartial: 'Kiosk chưa đọc được hết thông tin trên chip. Bạn sẽ tự điền phần còn thiếu.',
    chipPartialForm: 'Chip không cho đọc đủ thông tin: hãy tự điền các ô còn trống có dấu *.',
    fromChip: 'từ chip',
    required: 'bắt buộc',
    addRow: 'Thêm dòng', removeRow: 'Xoá dòng', row: 'Dòng',
    review: 'Xem lại', reviewTitle: 'Xem lại tờ khai', reviewLead: 'Kiểm tra từng dòng. Bấm "Sửa" nếu cần thay đổi.',
    edit: 'Sửa', makeForm: 'Tạo tờ khai',
    formErrors: 'Có {n} ô cần sửa. Ô đầu tiên đã được chọn.',
    cardsTitle: 'Thẻ đã đọc cho tờ khai này',
    cardN: 'Thẻ {n}', useAs: 'Dùng thẻ này cho',
    roleNone: 'Chỉ là người yêu cầu',
    readSecond: 'Đọc thẻ của người thứ hai',
    doneTitle: 'Tờ khai đã sẵn sàng', reference: 'Mã tham chiếu', previewTitle: 'Xem trước tờ khai',
    pageOf: 'Trang {n} trên {total} của tờ khai',
    print: 'In tờ khai', printed: 'Đã gửi lệnh in.',
    downloadPdf: 'Tải PDF', downloadJson: 'Tải dữ liệu (JSON)', anotherForm: 'Làm tờ khai khác',
    finishWipe: 'Hoàn tất và xoá dữ liệu',
    doneNote: 'Khi xong, hãy lấy lại thẻ. Dữ liệu của bạn sẽ được xoá khỏi kiosk.',
    idleTitle: 'Bạn cần thêm thời gian?',
    idleText: 'Nếu không có thao tác, dữ liệu sẽ được xoá sau {s} giây.',
    idleContinue: 'Tiếp tục',
    cleared: {
      'card-removed': 'Thẻ đã được rút ra. Toàn bộ dữ liệu đã được xoá.',
      idle: 'Phiên làm việc đã kết thúc vì không có thao tác. Dữ liệu đã được xoá.',
      done: 'Cảm ơn bạn. Dữ liệu đã được xoá.',
      declined: 'Bạn đã không đồng ý. Kiosk không đọc thông tin nào.',
    },
    reconnecting: 'Đang kết nối lại…',
    readers: 'Đầu đọc: {n}', noReader: 'Chưa có đầu đọc thẻ', readerCard: 'có thẻ',
    demoTitle: 'Chế độ trình diễn', demoPin: 'Mã PIN nhân viên: 0000',
    demoHelp: 'Thẻ giả lập (người không có thật). Đặt một thẻ lên đầu đọc demo, hoặc lấy thẻ ra.',
    demoRemove: 'Lấy thẻ ra', demoPlace: 'Đặt thẻ',
    footer: 'Dữ liệu chỉ được xử lý trên kiosk này và bị xoá khi bạn rời đi.',
    // lodging mode
    footerLodging: 'Sổ lưu trú được lưu mã hoá trên kiosk này và tự động xoá sau thời hạn lưu giữ; ảnh chân dung không được lưu.',
    lodgingTitle: 'Sổ lưu trú', staffLoginTitle: 'Đăng nhập nhân viên', staffPin: 'Mã PIN nhân viên',
    staffLogin: 'Đăng nhập', staffLogout: 'Đăng xuất',
    lodgingNew: 'Đăng ký khách mới (đọc thẻ)', lodgingNight: 'Đêm', exportCsv: 'Xuất CSV', exportXlsx: 'Xuất Excel (XLSX)',
    exportKbtt: 'Mẫu nhập của Cổng khai báo lưu trú (XLSX)', exportKbttForeign: 'Khách nước ngoài cho Cổng (XML)',
    markNotified: 'Đã khai báo trên VNeID',
    lodgingCount: '{n} khách lưu trú đêm {d}', lodgingNone: 'Chưa có khách nào lưu trú đêm {d}.',
    lodgingLaw: 'Luật Cư trú (Điều 30, sửa đổi bởi Luật 118/2025/QH15, từ 01/07/2026): thông báo lưu trú gồm họ tên, ngày sinh, số định danh cá nhân hoặc số hộ chiếu, lý do, thời gian và địa chỉ lưu trú (không còn số CMND); hạn trước 23 giờ ngày đến, khách đến sau 23 giờ thì trước 8 giờ sáng hôm sau. Không thông báo: phạt theo Nghị định 282/2025/NĐ-CP, Điều 10 — 2–4 triệu đồng (1–3 khách), 4–8 triệu (4–8 khách), 8–12 triệu (từ 9 khách); tổ chức bị phạt gấp đôi. Khách nước ngoài khai báo tạm trú riêng trong 12 giờ.',
    lodgingReminder: 'Còn {n} khách của đêm {d} chưa khai báo lưu trú với công an (hạn: {deadline}). Hãy xuất danh sách và khai báo trên VNeID hoặc Cổng dịch vụ công.',
    lodgingOverdue: 'QUÁ HẠN: còn {n} khách của đêm {d} chưa khai báo lưu trú (hạn: {deadline}).',
    lodgingForeign: '{n} khách nước ngoài cần khai báo tạm trú riêng theo mẫu NA17 (trong 12 giờ).',
    colName: 'Họ và tên', colDoc: 'Giấy tờ', colNationality: 'Quốc tịch', colRoom: 'Phòng', colStay: 'Thời gian lưu trú',
    colReason: 'Lý do', colStatus: 'Khai báo', colActions: 'Thao tác',
    notified: 'Đã khai báo', notNotified: 'Chưa khai báo', na17: 'NA17',
    checkout: 'Trả phòng', checkedOut: 'Đã trả phòng', deleteGuest: 'Xoá', deleteConfirm: 'Bấm lần nữa để xoá',
    stayTitle: 'Thông tin lưu trú của khách', stayRoom: 'Phòng', stayReason: 'Lý do lưu trú',
    stayArrival: 'Thời gian đến', stayDeparture: 'Ngày dự kiến đi', staySave: 'Lưu vào sổ lưu trú',
    stayFaceNote: 'Ảnh chỉ hiển thị để nhân viên đối chiếu, không được lưu.',
    stayNa17: 'Khách nước ngoài: ngoài thông báo lưu trú, cần khai báo tạm trú theo mẫu NA17 trong 12 giờ.',
    staySaved: 'Đã lưu khách vào sổ lưu trú.',
    stayErrRoom: 'Nhập số phòng.', stayErrReason: 'Nhập lý do lưu trú.', stayErrArrival: 'Nhập thời gian đến.',
    stayErrDeparture: 'Ngày đi phải sau đêm đầu tiên.',
    registerStay: 'Đăng ký lưu trú',
    reasons: { tourism: 'Du lịch', business: 'Công tác', family: 'Thăm thân', medical: 'Khám chữa bệnh', study: 'Học tập' },
    keyPassport: 'Khách nước ngoài dùng hộ chiếu', keyDocNo: 'Số hộ chiếu', keyExpiry: 'Ngày hết hạn hộ chiếu (ngày/tháng/năm)',
    errDocNo: 'Nhập số hộ chiếu (chữ và số).',
    consentWhyLodging: 'Để ghi khách vào sổ lưu trú của cơ sở và thông báo lưu trú cho công an, và kiểm tra thẻ là thẻ thật.',
    consentKeepLodging: 'Cơ sở lưu trú phải lưu và thông báo cho công an: họ tên, ngày sinh, số định danh hoặc số hộ chiếu, quốc tịch, lý do, thời gian và địa chỉ lưu trú (Luật Cư trú, Điều 30). Chỉ những thông tin này được lưu (mã hoá) trong sổ lưu trú và tự động xoá sau thời hạn lưu giữ. Không lưu ảnh, dân tộc, tôn giáo. Bạn có quyền hỏi xem và yêu cầu xoá dữ liệu của mình.',
  },
  en: {
    skip: 'Skip to main content',
    appName: 'ID card kiosk',
    textSize: 'Text size', textSmaller: 'Smaller text', textLarger: 'Larger text',
    attractTitle: 'Read your ID card, get your form pre-filled',
    attractLead: 'No need to write by hand what the chip already holds. You always review before printing.',
    start: 'Start',
    stepsLabel: 'Steps',
    step1: 'Agree to the card being read', step2: 'Enter the ID number and date of birth', step3: 'Place the card on the reader',
    step4: 'Choose the procedure, review, print',
    consentTitle: 'Consent to reading your card',
    consentWhatTitle: 'The kiosk reads from the card\'s chip',
    consentWhat: 'Full name; date of birth; sex; personal ID number; nationality; ethnicity; religion; home town; residence; identifying marks; issue and expiry dates; names of father, mother and spouse; old ID number; portrait (only shown to you and the officer).',
    consentWhyTitle: 'What for',
    consentWhy: 'To pre-fill the form of the procedure you choose, check that the card is genuine, and print the form. Each form uses only what it needs:',
    consentKeepTitle: 'Keeping and your rights',
    consentKeep: 'Your data stays only in the kiosk\'s memory while you use it and is deleted as soon as you remove the card, press "Finish", or stop using the kiosk for a while. No images are kept and nothing is sent elsewhere; the log records that a card was read, never who. You may refuse or stop at any time.',
    consentLaw: 'Under the Personal Data Protection Law (No. 91/2025/QH15) and Decree 356/2025/NĐ-CP.',
    consentCheck: 'I have read this and agree that the kiosk reads my card for the purpose above.',
    consentUses: 'uses',
    decline: 'I do not agree', acceptContinue: 'Agree and continue',
    keyTitle: 'Enter the details that open the chip',
    keyTitleSecond: 'Second card: enter the details that open the chip',
    keyLead: 'The chip opens only with the ID number and date of birth printed on the card. They are not kept.',
    secondConsentText: 'The second person (the other parent) must also agree to their card being read for this form.',
    secondConsentCheck: 'The holder of the second card has read this and agrees.',
    secondConsentNeeded: 'The holder of the second card must tick their consent first.',
    keyId: 'Personal ID number (12 digits)',
    keyDob: 'Date of birth (day/month/year)',
    keyIssue: 'Card issue date (optional, makes reading faster)',
    keyQr: 'Or scan the QR code on the card with the scanner',
    qrUnavailable: 'This kiosk cannot read QR codes yet. Please type the ID number and date of birth.',
    qrReady: 'Hold the card\'s QR code to the scanner; this box fills itself.',
    qrCamera: 'Scan the QR code with the camera',
    qrCameraStop: 'Turn the camera off',
    qrCameraVideo: 'Camera picture',
    qrCameraLooking: 'Hold the card\'s QR code in the middle of the picture and keep it still…',
    qrCameraFound: 'QR code read.',
    qrCameraNoCamera: 'The camera cannot be opened. Please use the scanner or type the ID number.',
    qrCameraTimeout: 'No QR code read yet. Try again, use the scanner or type the ID number.',
    qrChecking: 'Checking the QR code…',
    qrUncertain: 'The scanner garbled the Vietnamese letters; the name will be taken from the chip.',
    errIdNumber: 'The ID number has exactly 12 digits.',
    errDate: 'Enter the date as day/month/year, e.g. 05/09/1990.',
    errRequired: 'Required.',
    back: 'Back', continue: 'Continue', cancel: 'Cancel',
    demoFillKey: 'Fill in the demo card\'s numbers',
    cardTitle: 'Place the card on the reader',
    cardTitleSecond: 'Remove the first card, place the second card on the reader',
    cardWaiting: 'Lay the card still on the reader and keep it there until reading is done.',
    cardReading: 'Reading the chip, please keep the card still…',
    cardReadingFile: 'Reading: {file}',
    cardDone: 'Done.',
    cardInsertedEarly: 'Card detected. Press "Start" to continue.',
    reenterKey: 'Enter the ID number again', retry: 'Read again',
    files: { COM: 'file index', SOD: 'card signature', DG1: 'MRZ', DG2: 'portrait', DG13: 'citizen data',
      DG14: 'chip authentication key', DG15: 'anti-cloning key', CardAccess: 'access information' },
    identityTitle: 'The card says',
    idNumberMasked: 'ID number', dateOfBirth: 'Date of birth', sex: 'Sex',
    badgeAuthentic: 'Genuine card — chip verified',
    badgeUnverified: 'Card not verified',
    badgeNotAuthentic: 'Not authentic — the chip data is not valid',
    badgeCopy: 'This card may be a copy',
    unverifiedHelp: 'The kiosk could not check the card\'s digital signature. The officer will check the original card.',
    finish: 'Finish', chooseProcedure: 'Choose a procedure',
    pickerTitle: 'Which procedure do you need?',
    formLead: 'Fields marked "from chip" come from the card and cannot be changed. Please fill in the empty fields.',
    chipPartial: 'The kiosk could not read everything on the chip. You will type what is missing.',
    chipPartialForm: 'Not everything could be read from the chip: please fill in the empty fields marked *.',
    fromChip: 'from chip',
    required: 'required',
    addRow: 'Add a row', removeRow: 'Remove row', row: 'Row',
    review: 'Review', reviewTitle: 'Review the form', reviewLead: 'Check every line. Press "Edit" to change something.',
    edit: 'Edit', makeForm: 'Make the form',
    formErrors: '{n} field(s) need correcting. The first one is selected.',
    cardsTitle: 'Cards read for this form',
    cardN: 'Card {n}', useAs: 'Use this card for',
    roleNone: 'Requester only',
    readSecond: 'Read the second person\'s card',
    doneTitle: 'Your form is ready', reference: 'Reference', previewTitle: 'Preview of the form',
    pageOf: 'Page {n} of {total} of the form',
    print: 'Print the form', printed: 'Sent to the printer.',
    downloadPdf: 'Download PDF', downloadJson: 'Download the data (JSON)', anotherForm: 'Another form',
    finishWipe: 'Finish and delete my data',
    doneNote: 'When you are done, take your card. Your data will be deleted from the kiosk.',
    idleTitle: 'Do you need more time?',
    idleText: 'Without any action your data will be deleted in {s} seconds.',
    idleContinue: 'Continue',
    cleared: {
      'card-removed': 'The card was removed. All data has been deleted.',
      idle: 'The session ended because nothing happened for a while. The data has been deleted.',
      done: 'Thank you. Your data has been deleted.',
      declined: 'You did not agree. Nothing was read.',
    },
    reconnecting: 'Reconnecting…',
    readers: 'Readers: {n}', noReader: 'No card reader', readerCard: 'card present',
    demoTitle: 'Demo mode', demoPin: 'Staff PIN: 0000',
    demoHelp: 'Simulated cards (invented people). Place a card on the demo reader, or take it away.',
    demoRemove: 'Take the card away', demoPlace: 'Place card',
    footer: 'Data is processed on this kiosk only and deleted when you leave.',
    // lodging mode
    footerLodging: 'The guest register is kept encrypted on this kiosk and deleted automatically after the retention period; portraits are never kept.',
    lodgingTitle: 'Guest register', staffLoginTitle: 'Staff login', staffPin: 'Staff PIN',
    staffLogin: 'Log in', staffLogout: 'Log out',
    lodgingNew: 'Register a new guest (read the card)', lodgingNight: 'Night', exportCsv: 'Export CSV', exportXlsx: 'Export Excel (XLSX)',
    exportKbtt: 'Police portal import template (XLSX)', exportKbttForeign: 'Foreign guests for the portal (XML)',
    markNotified: 'Notified on VNeID',
    lodgingCount: '{n} guest(s) staying the night of {d}', lodgingNone: 'No guest is staying the night of {d}.',
    lodgingLaw: 'Residence Law (Article 30 as amended by Law 118/2025/QH15, from 1 July 2026): the notice carries the full name, date of birth, personal ID or passport number, reason, period and address of stay (no longer the old CMND number); it is due before 23:00 on the day of arrival, or before 08:00 the next morning for guests arriving after 23:00. Not notifying is fined under Decree 282/2025/ND-CP, Article 10: 2–4 million đồng (1–3 guests), 4–8 million (4–8 guests), 8–12 million (9 or more); organisations pay double. Foreign guests are declared separately within 12 hours.',
    lodgingReminder: '{n} guest(s) of the night of {d} are not yet notified to the police (deadline: {deadline}). Export the list and notify on VNeID or the public-service portal.',
    lodgingOverdue: 'OVERDUE: {n} guest(s) of the night of {d} are not notified (deadline: {deadline}).',
    lodgingForeign: '{n} foreign guest(s) must also be declared on form NA17 (within 12 hours).',
    colName: 'Full name', colDoc: 'Document', colNationality: 'Nationality', colRoom: 'Room', colStay: 'Stay',
    colReason: 'Reason', colStatus: 'Notified', colActions: 'Actions',
    notified: 'Notified', notNotified: 'Not notified', na17: 'NA17',
    checkout: 'Check out', checkedOut: 'Checked out', deleteGuest: 'Delete', deleteConfirm: 'Press again to delete',
    stayTitle: 'The guest\'s stay', stayRoom: 'Room', stayReason: 'Reason for the stay',
    stayArrival: 'Arrival', stayDeparture: 'Expected departure', staySave: 'Save to the register',
    stayFaceNote: 'The photo is shown for the staff to compare only; it is not stored.',
    stayNa17: 'Foreign guest: besides the lodging notification, declare the stay on form NA17 within 12 hours.',
    staySaved: 'The guest is saved in the register.',
    stayErrRoom: 'Enter the room.', stayErrReason: 'Enter the reason for the stay.', stayErrArrival: 'Enter the arrival time.',
    stayErrDeparture: 'The departure must be after the first night.',
    registerStay: 'Register the stay',
    reasons: { tourism: 'Tourism', business: 'Business', family: 'Visiting family', medical: 'Medical care', study: 'Study' },
    keyPassport: 'Foreign guest with a passport', keyDocNo: 'Passport number', keyExpiry: 'Passport expiry date (dd/mm/yyyy)',
    errDocNo: 'Enter the passport number (letters and digits).',
    consentWhyLodging: 'To enter you in the establishment\'s guest register, notify your stay to the police, and check that the card is genuine.',
    consentKeepLodging: 'A lodging establishment must keep and notify to the police: full name, date of birth, ID or passport number, nationality, reason, period and address of stay (Law on Residence, Article 30). Only these are kept (encrypted) in the guest register and deleted automatically after the retention period. No photo, ethnicity or religion is kept. You may ask to see and to delete your data.',
  },
};

let lang = 'vi';

export function setLang(l) {
  lang = TEXTS[l] ? l : 'vi';
  document.documentElement.lang = lang;
  apply(document);
}

export function currentLang() {
  return lang;
}

/** The text for a key (dotted for nested: "cleared.idle"), with {name} placeholders filled. */
export function t(key, vars = {}) {
  return tIn(lang, key, vars);
}

/** The text for a key in a given language (for texts shown in both languages at once). */
export function tIn(l, key, vars = {}) {
  let v = key.split('.').reduce((o, k) => (o == null ? undefined : o[k]), TEXTS[l] || TEXTS.vi);
  if (v === undefined) {
    v = key.split('.').reduce((o, k) => (o == null ? undefined : o[k]), TEXTS.vi);
  }
  if (typeof v !== 'string') {
    return key;
  }
  return v.replace(/\{(\w+)\}/g, (_, name) => (vars[name] === undefined ? '' : String(vars[name])));
}

/** Whether a key exists (for optional nested keys such as files.DG2). */
export function has(key) {
  return key.split('.').reduce((o, k) => (o == null ? undefined : o[k]), TEXTS[lang]) !== undefined;
}

/** A {vi, en} text from a form definition in the current language. */
export function pick(text) {
  if (!text) {
    return '';
  }
  return (lang === 'en' && text.en) ? text.en : text.vi;
}

/** Adds texts (nested objects allowed) for a language; a mode's module registers its own. */
export function extend(l, texts) {
  TEXTS[l] = { ...TEXTS[l], ...texts };
}

/** Fills the static texts marked in the page. */
export function apply(root) {
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-label]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.i18nLabel)); });
  root.querySelectorAll('[data-i18n-title]').forEach((el) => { el.setAttribute('title', t(el.dataset.i18nTitle)); });
}
