package vn.cccd.kiosk.hospital;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of table 1 ("Bảng 1 – chỉ tiêu tổng hợp khám bệnh, chữa bệnh", XML1) of QĐ 130/QĐ-BYT (amended by
 * QĐ 4750/QĐ-BYT) that the check-in can give, each with where its value comes from; the rest are listed as to be
 * filled by the hospital information system (HIS). Codes the kiosk would have to map from text (nationality,
 * ethnicity, administrative units) are left to the HIS with the card's text beside them where the kiosk keeps it;
 * ethnicity is not kept at all.
 */
public final class Qd130Export {
    public static final String STANDARD = "QĐ 130/QĐ-BYT (sửa đổi bởi QĐ 4750/QĐ-BYT), Bảng 1 (XML1)";
    public static final String CARD = "CARD";
    public static final String PATIENT = "PATIENT";
    public static final String KIOSK = "KIOSK";
    public static final String HIS = "HIS";
    public static final String GATEWAY = "BHXH_GATEWAY";
    private static final DateTimeFormatter NGAY_VAO = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

    private Qd130Export() {
    }

    /** The export: {@code {standard, checkinId, department, queueNumber, fields: {NAME: {value, source, note?}}, toBeFilledByHis: [...]}}. */
    public static Map<String, Object> of(CheckIn c, ZoneId zone) {
        Patient p = c.patient();
        Map<String, Map<String, Object>> f = new LinkedHashMap<>();
        his(f, "MA_LK", "mã liên kết của đợt điều trị / treatment episode key");
        his(f, "STT", null);
        his(f, "MA_BN", "mã người bệnh của cơ sở / the facility's patient code");
        put(f, "HO_TEN", p.fullName(), CARD, null);
        boolean cccd = p.idNumber() != null && !p.idNumber().isBlank();
        put(f, "SO_CCCD", cccd ? p.idNumber() : p.documentNumber(), CARD, cccd ? null : "số hộ chiếu / passport number");
        put(f, "NGAY_SINH", ngaySinh(p.dateOfBirth()), CARD, "yyyyMMddHHmm, giờ phút 0000 / time unknown");
        put(f, "GIOI_TINH", gioiTinh(p.sex()), CARD, "1 Nam, 2 Nữ, 3 chưa xác định");
        Map<String, Object> qt = his(f, "MA_QUOCTICH", "mã theo TT 07/2016/TT-BCA phụ lục 2 / code to map");
        if (p.nationality() != null) {
            qt.put("cardText", p.nationality());
        }
        his(f, "MA_DANTOC", "kiosk không lưu dân tộc / the kiosk does not keep ethnicity");
        his(f, "MA_NGHE_NGHIEP", null);
        put(f, "DIA_CHI", p.placeOfResidence(), CARD, "nơi cư trú ghi trên thẻ; đối chiếu CSDL quốc gia về dân cư"
                + " / residence as on the card");
        // the new units' codes (QĐ 1551: no district), when the residence converts to one current commune
        Map<String, String> xml = Qd130Xml.values(c, zone);
        put(f, "MATINH_CU_TRU", xml.get("MATINH_CU_TRU"), CARD, "mã tỉnh mới từ địa chỉ trên thẻ / new province code");
        put(f, "MAXA_CU_TRU", xml.get("MAXA_CU_TRU"), CARD, "mã xã mới từ địa chỉ trên thẻ / new commune code");
        his(f, "DIEN_THOAI", null);
        BhytCheck g = c.bhytCheck();
        if (g != null && g.cardNumber() != null) {
            put(f, "MA_THE_BHYT", g.cardNumber(), GATEWAY, "mã thẻ cổng BHXH trả về (KQNhanLichSuKCB2024, mã kết quả "
                    + g.code() + ") / card number returned by the BHXH gateway");
            put(f, "MA_DKBD", g.facility(), GATEWAY, null);
            put(f, "GT_THE_TU", yyyyMMdd(g.validFrom()), GATEWAY, "yyyyMMdd");
            put(f, "GT_THE_DEN", yyyyMMdd(g.validTo()), GATEWAY, "yyyyMMdd");
        } else {
            if (c.bhyt() != null && c.bhyt().isFullCode()) {
                put(f, "MA_THE_BHYT", c.bhyt().value(), PATIENT, "người bệnh nhập, chưa tra cứu được trên cổng BHXH"
                        + " / given by the patient, not checked on the BHXH gateway");
            } else {
                Map<String, Object> the = his(f, "MA_THE_BHYT", "tra cứu trên cổng BHXH / from the BHXH gateway");
                if (c.bhyt() != null) {
                    the.put("maSoBhxh", c.bhyt().socialInsuranceNumber());
                }
            }
            his(f, "MA_DKBD", "cổng BHXH / BHXH gateway");
            his(f, "GT_THE_TU", "cổng BHXH / BHXH gateway");
            his(f, "GT_THE_DEN", "cổng BHXH / BHXH gateway");
        }
        his(f, "MA_DOITUONG_KCB", null);
        put(f, "NGAY_VAO", NGAY_VAO.format(c.createdAt().atZone(zone)), KIOSK, "giờ đăng ký tại kiosk / kiosk check-in");
        his(f, "LY_DO_VV", null);
        List<String> missing = new ArrayList<>();
        f.forEach((k, v) -> {
            if (HIS.equals(v.get("source"))) {
                missing.add(k);
            }
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("standard", STANDARD);
        out.put("checkinId", c.id());
        out.put("department", c.department());
        out.put("queueNumber", c.queueNumber());
        out.put("fields", f);
        out.put("toBeFilledByHis", missing);
        return out;
    }

    /** {@code yyyyMMddHHmm} with 0000 for the unknown time (and 00 for an unknown month or day). */
    static String ngaySinh(String iso) {
        if (iso == null || !FhirPatient.FHIR_DATE.matcher(iso).matches()) {
            return null;
        }
        String digits = iso.replace("-", "");
        return (digits + "00000000").substring(0, 8) + "0000";
    }

    /** The gateway's {@code dd/MM/yyyy} as XML1's {@code yyyyMMdd}; anything else is not passed on. */
    static String yyyyMMdd(String dmy) {
        if (dmy == null || !dmy.matches("[0-9]{2}/[0-9]{2}/[0-9]{4}")) {
            return null;
        }
        return dmy.substring(6) + dmy.substring(3, 5) + dmy.substring(0, 2);
    }

    static String gioiTinh(String sex) {
        return switch (FhirPatient.gender(sex)) {
            case "male" -> "1";
            case "female" -> "2";
            default -> "3";
        };
    }

    private static void put(Map<String, Map<String, Object>> f, String name, String value, String source,
            String note) {
        if (value == null || value.isBlank()) {
            his(f, name, note);
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", value);
        m.put("source", source);
        if (note != null) {
            m.put("note", note);
        }
        f.put(name, m);
    }

    private static Map<String, Object> his(Map<String, Map<String, Object>> f, String name, String note) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", null);
        m.put("source", HIS);
        m.put("note", note == null ? "HIS điền / to be filled by the HIS" : "HIS điền / to be filled by the HIS: "
                + note);
        f.put(name, m);
        return m;
    }
}
