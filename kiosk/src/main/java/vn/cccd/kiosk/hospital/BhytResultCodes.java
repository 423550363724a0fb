package vn.cccd.kiosk.hospital;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gateway's {@code maKetQua} codes of {@code KQNhanLichSuKCB2024} (Phụ lục 03 attached to CV 1923/BHXH-CNTT,
 * integrations-2026.md B1.4) in plain Vietnamese and English. Which codes make a patient eligible is the
 * hospital's rule, not the kiosk's: the words say what the gateway found, nothing more.
 */
public final class BhytResultCodes {
    /** Plain words in both languages. */
    public record Words(String vi, String en) {
    }

    private static final Map<String, Words> CODES = new LinkedHashMap<>();

    static {
        put("000", "Thẻ BHYT còn giá trị, thông tin chính xác", "BHYT card valid; the details match");
        put("001", "Thẻ do BHXH Bộ Quốc phòng quản lý", "Card managed by the Ministry of Defence's social insurance");
        put("002", "Thẻ do BHXH Bộ Công an quản lý", "Card managed by the Ministry of Public Security's social insurance");
        put("003", "Thẻ cũ đã hết giá trị, người bệnh đã được cấp thẻ mới", "The old card has expired; a new card was issued");
        put("004", "Thẻ cũ còn giá trị, người bệnh đã được cấp thẻ mới", "The old card is still valid; a new card was issued");
        put("010", "Thẻ BHYT đã hết giá trị sử dụng", "The BHYT card has expired");
        put("050", "Không có thông tin thẻ BHYT", "No BHYT card was found");
        put("051", "Mã thẻ BHYT không đúng", "Wrong BHYT card number");
        put("052", "Mã tỉnh cấp thẻ (ký tự 4-5) không đúng", "Wrong issuing-province code (characters 4-5)");
        put("053", "Mã quyền lợi (ký tự 3) không đúng", "Wrong benefit code (character 3)");
        put("054", "CCCD của cán bộ tra cứu chưa được đăng ký với cổng BHXH", "The officer's ID number is not registered with the gateway");
        put("055", "Họ tên cán bộ tra cứu không khớp với CCCD", "The officer's name does not match the officer's ID number");
        put("060", "Họ tên người bệnh không khớp với thông tin thẻ", "The patient's name does not match the card record");
        put("061", "Họ tên không khớp (đúng ký tự đầu)", "The name does not match (first character correct)");
        put("070", "Ngày sinh không khớp với thông tin thẻ", "The date of birth does not match the card record");
        put("100", "Lỗi khi lấy dữ liệu thẻ", "Error reading the card data");
        put("101", "Lỗi máy chủ cổng BHXH", "The gateway's server failed");
        put("110", "Thẻ BHYT đã bị thu hồi", "The BHYT card was revoked");
        put("120", "Thẻ BHYT đã báo giảm", "The BHYT card was reported as ended");
        put("121", "Thẻ đã báo giảm: chuyển ngoại tỉnh", "Card ended: moved to another province");
        put("122", "Thẻ đã báo giảm: chuyển nội tỉnh", "Card ended: moved within the province");
        put("123", "Thẻ đã báo giảm: tăng lại cùng đơn vị", "Card ended: re-enrolled with the same employer");
        put("124", "Thẻ đã báo giảm: ngừng tham gia", "Card ended: stopped participating");
        put("130", "Trẻ em không xuất trình thẻ BHYT", "Child without a BHYT card");
        put("205", "Lỗi định dạng tham số gửi cổng BHXH", "Parameter format error in the request to the gateway");
        put("401", "Lỗi xác thực tài khoản cổng BHXH", "The gateway refused the login");
    }

    private BhytResultCodes() {
    }

    private static void put(String code, String vi, String en) {
        CODES.put(code, new Words(vi, en));
    }

    /** Every documented code in order, 000 to 401. */
    public static Map<String, Words> all() {
        return java.util.Collections.unmodifiableMap(CODES);
    }

    public static Words words(String code) {
        Words w = CODES.get(code);
        return w != null ? w : new Words("Cổng BHXH trả mã kết quả không rõ: " + code,
                "The gateway answered an unknown result code: " + code);
    }
}
