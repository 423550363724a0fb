package vn.cccd.kiosk.lodging.police;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.cccd.kiosk.lodging.Guest;
import vn.cccd.kiosk.lodging.kbtt.KbttCodes;

/**
 * The JSON records the police API takes (integrations-2026.md A3.4, the guide v1.4 [V(T): S15]): API5 for Vietnamese
 * guests ({@code /client-service/kbtt-vn/kbtt-3th}), API4 for foreign guests ({@code /client-service/kbtt/kbtt-3th}),
 * API12 for an early checkout. What the kiosk does not know is left out rather than guessed: no card images, no
 * phone, no province/commune codes (the API's sample uses 201 for Hà Nội where the template has 101 [U]). A guest
 * whose record would break a documented rule is refused here with the reason, and not sent.
 */
public final class PolicePayload {
    /** The guide's stay times are {@code YYYY-MM-DD HH:mm:ss}. */
    private static final String DEPARTURE_TIME = " 12:00:00";

    private PolicePayload() {
    }

    /** One array to send: its records, the guests they are (same order), and the guests refused before sending. */
    public record Batch(List<Map<String, Object>> records, List<Guest> guests, Map<Guest, String> refused) {
    }

    /** The records of these guests for API5 (Vietnamese) or API4 ({@code foreign}). */
    public static Batch of(List<Guest> guests, boolean foreign) {
        List<Map<String, Object>> records = new ArrayList<>();
        List<Guest> sent = new ArrayList<>();
        Map<Guest, String> refused = new LinkedHashMap<>();
        for (Guest g : guests) {
            try {
                records.add(foreign ? foreign(g) : vietnamese(g));
                sent.add(g);
            } catch (IllegalArgumentException e) {
                refused.put(g, e.getMessage());
            }
        }
        return new Batch(records, sent, refused);
    }

    /** API5: a Vietnamese guest. */
    static Map<String, Object> vietnamese(Guest g) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("hoTen", required(g.fullName(), "họ tên / the name"));
        r.put("gioiTinh", sex(g));
        r.put("ngayThangNamSinhStr", birth(g));
        if (g.residence() != null) {
            // the residence on the card is the permanent one (noiCuTru 1 "Thường trú" of the API's list)
            r.put("noiCuTru", 1);
            r.put("diaChi", g.residence());
        }
        stay(r, g);
        String reason = KbttCodes.reasonCode(g.reason()).orElse(KbttCodes.OTHER_REASON);
        r.put("lyDoCuTru", Integer.parseInt(reason));
        if (KbttCodes.OTHER_REASON.equals(reason)) {
            r.put("lyDoChiTiet", g.reason());
        }
        r.put("loaiGiayTo", documentType(g));
        r.put("soGiayTo", number(g));
        return r;
    }

    /** API4: a foreign guest; {@code thoiHanTamTruStr} (required) is the expected departure [U]. */
    static Map<String, Object> foreign(Guest g) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("hoTen", required(g.fullName(), "họ tên / the name"));
        String nationality = g.nationality() == null ? "" : g.nationality().strip().toUpperCase(Locale.ROOT);
        if (!nationality.matches("[A-Z]{1,3}")) {
            throw new IllegalArgumentException("quốc tịch không phải mã trên hộ chiếu / the nationality is not a passport's code");
        }
        r.put("quocTich", nationality);
        String passport = g.documentNumber() == null ? "" : g.documentNumber().strip();
        if (!passport.matches("[A-Za-z0-9]{1,10}")) {
            throw new IllegalArgumentException("số hộ chiếu 1–10 chữ hoặc số / a passport number is 1 to 10 letters or digits"
                    + " (the API's rule)");
        }
        r.put("soHoChieu", passport);
        r.put("gioiTinh", sex(g));
        r.put("loaiNgayThangNamSinh", "D");
        r.put("ngayThangNamSinhStr", birth(g));
        stay(r, g);
        r.put("thoiHanTamTruStr", g.departure() + " 23:59:59");
        return r;
    }

    /** API12 "TS" (trả sớm): the guest left before the expected departure. */
    static Map<String, Object> earlyCheckout(Guest g) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("loai", "TS");
        r.put("soGiayTo", number(g));
        r.put("loaiGiayTo", documentType(g));
        return r;
    }

    private static void stay(Map<String, Object> r, Guest g) {
        r.put("ngayDenCsltStr", g.arrival().replace('T', ' ') + ":00");
        r.put("ngayDiDuKienStr", g.departure() + DEPARTURE_TIME);
        r.put("soPhong", g.room());
    }

    private static String required(String v, String what) {
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("thiếu " + what + " / missing");
        }
        return v.strip();
    }

    private static String sex(Guest g) {
        if (!"M".equals(g.sex()) && !"F".equals(g.sex())) {
            throw new IllegalArgumentException("thẻ không ghi giới tính Nam/Nữ / the sex is not M or F on this guest's"
                    + " card (the API requires it)");
        }
        return g.sex();
    }

    private static String birth(Guest g) {
        String d = g.dateOfBirth();
        try {
            return (d.length() > 10 ? LocalDateTime.parse(d).toLocalDate() : LocalDate.parse(d)).toString();
        } catch (NullPointerException | DateTimeParseException e) {
            throw new IllegalArgumentException("ngày sinh không đầy đủ / the date of birth is not a full date (the API"
                    + " takes YYYY-MM-DD)");
        }
    }

    /** 1 Thẻ CCCD, 8 Thẻ Căn Cước, 4 Hộ chiếu (the guide's list, API12). */
    private static int documentType(Guest g) {
        if ("CCCD".equals(g.documentType())) {
            return "CAN_CUOC".equals(g.cardKind()) ? 8 : 1;
        }
        if ("PASSPORT".equals(g.documentType())) {
            return 4;
        }
        throw new IllegalArgumentException("loại giấy tờ " + g.documentType() + " không có trong danh mục / a "
                + g.documentType() + " is not a document type of the API's list");
    }

    private static String number(Guest g) {
        String n = required(g.documentNumber(), "số giấy tờ / the document number");
        if ("CCCD".equals(g.documentType()) && !n.matches("[0-9]{12}")) {
            throw new IllegalArgumentException("số CCCD phải có 12 chữ số / a CCCD number is 12 digits (the API's rule)");
        }
        return n;
    }
}
