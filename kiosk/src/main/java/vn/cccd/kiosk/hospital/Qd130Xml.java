package vn.cccd.kiosk.hospital;

import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import vn.cccd.kiosk.address.AddressConversion;
import vn.cccd.kiosk.address.AddressConverter;

/**
 * A check-in in the element names and formats of QĐ 130/QĐ-BYT as amended by QĐ 4750/QĐ-BYT and QĐ 3176/QĐ-BYT
 * (integrations-2026.md B2, source S23): the check-in table XML0 (its 26 elements in order) and the reception part
 * of table 1 (XML1). Formats: {@code NGAY_SINH} and {@code NGAY_VAO} 12 characters {@code yyyyMMddHHmm} (time 0000
 * when unknown), {@code GIOI_TINH} 1 Nam / 2 Nữ / 3 not determined, card dates {@code yyyyMMdd},
 * {@code MATINH_CU_TRU}/{@code MAXA_CU_TRU} the current (post-2025) units' codes from the address converter and no
 * district element (QĐ 1551). What the kiosk cannot know (MA_BN, MA_CSKCB, MA_LOAI_KCB, ...) is an empty element
 * for the HIS to fill. The wrapper elements {@code <XML0>}/{@code <XML1>} are the kiosk's own: how the HIS embeds
 * the tables in its submission envelope is its business.
 */
public final class Qd130Xml {
    /** XML0, in the order of the table. */
    public static final List<String> XML0 = List.of("MA_LK", "STT", "MA_BN", "HO_TEN", "SO_CCCD", "NGAY_SINH",
            "GIOI_TINH", "MA_THE_BHYT", "MA_DKBD", "GT_THE_TU", "GT_THE_DEN", "MA_DOITUONG_KCB", "NGAY_VAO",
            "NGAY_VAO_NOI_TRU", "LY_DO_VNT", "MA_LY_DO_VNT", "MA_LOAI_KCB", "MA_CSKCB", "MA_DICH_VU", "TEN_DICH_VU",
            "MA_THUOC", "TEN_THUOC", "MA_VAT_TU", "TEN_VAT_TU", "NGAY_YL", "DU_PHONG");
    /** The reception part of XML1, in the order of the table (NHOM_MAU after GIOI_TINH; no MAHUYEN_CU_TRU). */
    public static final List<String> XML1 = List.of("MA_LK", "STT", "MA_BN", "HO_TEN", "SO_CCCD", "NGAY_SINH",
            "GIOI_TINH", "NHOM_MAU", "MA_QUOCTICH", "MA_DANTOC", "MA_NGHE_NGHIEP", "DIA_CHI", "MATINH_CU_TRU",
            "MAXA_CU_TRU", "DIEN_THOAI", "MA_THE_BHYT", "MA_DKBD", "GT_THE_TU", "GT_THE_DEN", "NGAY_MIEN_CCT",
            "LY_DO_VV", "MA_DOITUONG_KCB", "NGAY_VAO", "MA_LOAI_KCB", "MA_CSKCB", "MA_KHUVUC", "NAM_NAM_LIEN_TUC");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

    private Qd130Xml() {
    }

    /** The values the kiosk knows, by element name; the others are empty. */
    public static Map<String, String> values(CheckIn c, ZoneId zone) {
        Patient p = c.patient();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("MA_LK", c.id());
        v.put("STT", "1");
        v.put("HO_TEN", p.fullName());
        boolean cccd = p.idNumber() != null && !p.idNumber().isBlank();
        v.put("SO_CCCD", cccd ? p.idNumber() : p.documentNumber());
        v.put("NGAY_SINH", Qd130Export.ngaySinh(p.dateOfBirth()));
        v.put("GIOI_TINH", Qd130Export.gioiTinh(p.sex()));
        v.put("DIA_CHI", p.placeOfResidence());
        AddressConversion a = AddressConverter.bundled().convert(p.placeOfResidence());
        if (a.commune() != null && (a.status() == AddressConversion.Status.CONVERTED
                || a.status() == AddressConversion.Status.ALREADY_CURRENT)) {
            v.put("MATINH_CU_TRU", a.commune().province().code());
            v.put("MAXA_CU_TRU", a.commune().code());
        }
        BhytCheck g = c.bhytCheck();
        if (g != null && g.cardNumber() != null) {
            v.put("MA_THE_BHYT", g.cardNumber());
            v.put("MA_DKBD", g.facility());
            v.put("GT_THE_TU", Qd130Export.yyyyMMdd(g.validFrom()));
            v.put("GT_THE_DEN", Qd130Export.yyyyMMdd(g.validTo()));
            v.put("MA_KHUVUC", g.area());
            v.put("NAM_NAM_LIEN_TUC", Qd130Export.yyyyMMdd(g.fiveYears()));
        } else if (c.bhyt() != null && c.bhyt().isFullCode()) {
            v.put("MA_THE_BHYT", c.bhyt().value());
        }
        v.put("NGAY_VAO", MINUTES.format(c.createdAt().atZone(zone)));
        return v;
    }

    public static byte[] xml0(CheckIn c, ZoneId zone) {
        return write("XML0", XML0, values(c, zone));
    }

    public static byte[] xml1(CheckIn c, ZoneId zone) {
        return write("XML1", XML1, values(c, zone));
    }

    private static byte[] write(String root, List<String> elements, Map<String, String> values) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement(root);
            for (String e : elements) {
                x.writeCharacters("\n  ");
                String value = values.get(e);
                if (value == null || value.isBlank()) {
                    x.writeEmptyElement(e);
                } else {
                    x.writeStartElement(e);
                    x.writeCharacters(value);
                    x.writeEndElement();
                }
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to memory", e);
        }
        return bytes.toByteArray();
    }
}
