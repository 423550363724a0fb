package vn.cccd.kiosk.lodging.kbtt;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The code lists of the police portal's import template {@code tblt_vn_import.xlsx} (sheet DANH_MUC and
 * TINH_THANH, as extracted on 26/07/2026; integrations-2026.md A2.4, source S12, verified by a third party who
 * uploaded real files). A cell of an enumerated column holds the exact string {@code "code - label"}.
 *
 * <p>Not reproduced: the 205 nationalities (only Vietnam's entry is needed, the template is for Vietnamese guests)
 * and the 3,323 communes of PHUONG_XA (a commune code comes only from a {@link KbttPlaces} that has that list).
 * The API's own catalogue differs on reasons 2 and 20 and on Hà Nội's code (201): unconfirmed, the template's
 * lists are used for the template.
 */
public final class KbttCodes {
    /** Column F "LOẠI GIẤY TỜ (*)". */
    public static final Map<String, String> DOCUMENT_TYPES = list(
            "1", "Thẻ CCCD", "2", "Thẻ CMND", "3", "Giấy phép lái xe", "4", "Hộ chiếu", "5", "Giấy khai sinh",
            "6", "Thẻ BHYT", "7", "Thông báo số định danh cá nhân", "8", "Thẻ Căn Cước", "9", "Giấy Tờ Khác");
    /** Column D "GIỚI TÍNH (*)": two values, no "unknown". */
    public static final Map<String, String> SEXES = list("F", "Nữ", "M", "Nam");
    /** Column E "QUỐC TỊCH (*)": the entry for Vietnamese guests. */
    public static final Map<String, String> NATIONALITIES = list("VNM", "Viet Nam");
    /** Column J "NƠI CƯ TRÚ HIỆN NAY". */
    public static final Map<String, String> RESIDENCE_TYPES = list("1", "Thường trú", "2", "Tạm trú", "3", "Khác");
    /** Column Q " LÝ DO CƯ TRÚ (*)". */
    public static final Map<String, String> REASONS = list(
            "1", "Du lịch", "2", "Công tác", "3", "Học tập", "4", "Thăm viếng", "5", "Hội nghị", "6", "Thăm thân",
            "7", "Từ thiện", "8", "Tổ chức quốc tế", "9", "Kết hôn", "10", "Lãnh sự quán", "11", "Viện trợ",
            "12", "Đại sứ quán", "13", "Định cư", "14", "Tiếp thị", "15", "Báo chí, phóng viên", "16", "Thương mại",
            "17", "Gia hạn thị thực", "18", "Chữa bệnh", "19", "Lao động", "20", "Mục đích khác");
    /** The reason whose detail goes into column R "NHẬP LÝ DO". */
    public static final String OTHER_REASON = "20";
    /** The document type whose name goes into column G "TÊN GIẤY TỜ". */
    public static final String OTHER_DOCUMENT = "9";
    /**
     * Column K "TỈNH/ THÀNH PHỐ ": the 34 provinces after the 2025 merger with the Ministry of Public Security's
     * 3-digit codes (not the GSO codes of the health XML).
     */
    public static final Map<String, String> PROVINCES = list(
            "101", "TP. Hà Nội", "103", "TP. Hải Phòng", "109", "Hưng Yên", "117", "Ninh Bình", "203", "Cao Bằng",
            "205", "Lào Cai", "209", "Lạng Sơn", "211", "Tuyên Quang", "215", "Thái Nguyên", "217", "Phú Thọ",
            "223", "Bắc Ninh", "225", "Quảng Ninh", "301", "Lai Châu", "302", "Điện Biên", "303", "Sơn La",
            "401", "Thanh Hóa", "403", "Nghệ An", "405", "Hà Tĩnh", "409", "Quảng Trị", "411", "TP. Huế",
            "501", "TP. Đà Nẵng", "505", "Quảng Ngãi", "511", "Khánh Hòa", "603", "Gia Lai", "605", "Đắk Lắk",
            "701", "TP. Hồ Chí Minh", "703", "Lâm Đồng", "709", "Tây Ninh", "713", "Đồng Nai", "803", "Đồng Tháp",
            "805", "An Giang", "809", "Vĩnh Long", "815", "TP. Cần Thơ", "823", "Cà Mau");

    private KbttCodes() {
    }

    /** The cell text of an entry: {@code "8 - Thẻ Căn Cước"}. */
    public static String cell(Map<String, String> list, String code) {
        String label = list.get(code);
        if (label == null) {
            throw new IllegalArgumentException("no code " + code);
        }
        return code + " - " + label;
    }

    /** Whether {@code cell} is exactly one entry's {@code "code - label"}. */
    public static boolean listed(Map<String, String> list, String cell) {
        if (cell == null) {
            return false;
        }
        int dash = cell.indexOf(" - ");
        return dash > 0 && cell.substring(dash + 3).equals(list.get(cell.substring(0, dash)));
    }

    /**
     * The reason's code for what the staff typed: a label of the list (any case, any Unicode form, with or
     * without its code), or nothing.
     */
    public static Optional<String> reasonCode(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String t = fold(typed);
        for (Map.Entry<String, String> e : REASONS.entrySet()) {
            if (t.equals(fold(e.getValue())) || t.equals(fold(e.getKey() + " - " + e.getValue()))) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    static String fold(String s) {
        return Normalizer.normalize(s.strip().replaceAll("\\s+", " "), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> list(String... codeLabel) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < codeLabel.length; i += 2) {
            m.put(codeLabel[i], codeLabel[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
