package vn.cccd.kiosk.lodging.kbtt;

import java.io.ByteArrayOutputStream;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import vn.cccd.kiosk.lodging.Guest;

/**
 * The foreign guests of a night in the XML layout the same portal (KBTT) takes for its upload
 * (integrations-2026.md A2.5, from two third-party writers): {@code <KHAI_BAO_TAM_TRU>} with one
 * {@code <THONG_TIN_KHACH>} per guest; names upper case without diacritics as in the MRZ; dates {@code dd/MM/yyyy};
 * {@code ngay_sinh_dung_den} {@code D} (full date); sex {@code M}/{@code F}; the bare nationality code of the
 * passport's MRZ; {@code ngay_tra_phong} only once the guest has checked out. {@code thoi_han_tam_tru} (the permitted
 * stay) is not known to the kiosk and is left out, as one of the two writers does (whether the portal requires it:
 * unconfirmed). Each guest is checked first; a value the layout cannot take refuses the export with a
 * {@link KbttException} naming the record and the element.
 */
public final class KbttForeignXml {
    public static final String ROOT = "KHAI_BAO_TAM_TRU";
    public static final String RECORD = "THONG_TIN_KHACH";
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private KbttForeignXml() {
    }

    /** The guests this file is for: those with a foreign document or nationality. */
    public static List<Guest> foreign(List<Guest> night) {
        return night.stream().filter(Guest::foreign).toList();
    }

    public static byte[] write(List<Guest> guests) {
        List<Map<String, String>> records = new java.util.ArrayList<>();
        for (int i = 0; i < guests.size(); i++) {
            records.add(record(i + 1, guests.get(i)));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement(ROOT);
            for (Map<String, String> r : records) {
                x.writeCharacters("\n  ");
                x.writeStartElement(RECORD);
                for (Map.Entry<String, String> e : r.entrySet()) {
                    x.writeCharacters("\n    ");
                    x.writeStartElement(e.getKey());
                    x.writeCharacters(e.getValue());
                    x.writeEndElement();
                }
                x.writeCharacters("\n  ");
                x.writeEndElement();
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

    /** The elements of one guest in the writers' order. */
    static Map<String, String> record(int n, Guest g) {
        Map<String, String> r = new LinkedHashMap<>();
        if (!g.foreign()) {
            throw refuse(n, g, "ma_quoc_tich", "a Vietnamese guest goes into the XLSX template (format=kbtt)");
        }
        r.put("so_thu_tu", Integer.toString(n));
        String name = mrzName(g.fullName());
        if (name.isEmpty()) {
            throw refuse(n, g, "ho_ten", "the name is missing");
        }
        r.put("ho_ten", name);
        r.put("ngay_sinh", day(n, g, "ngay_sinh", g.dateOfBirth()));
        r.put("ngay_sinh_dung_den", "D");
        if (!"M".equals(g.sex()) && !"F".equals(g.sex())) {
            throw refuse(n, g, "gioi_tinh", "the sex is not M or F on this guest's document");
        }
        r.put("gioi_tinh", g.sex());
        String nationality = g.nationality() == null ? "" : g.nationality().strip().toUpperCase(Locale.ROOT);
        if (!nationality.matches("[A-Z]{1,3}")) {
            throw refuse(n, g, "ma_quoc_tich", "not a nationality code of a passport (one to three letters)");
        }
        r.put("ma_quoc_tich", nationality);
        String passport = g.documentNumber() == null ? "" : g.documentNumber().strip();
        if (!passport.matches("[A-Z0-9]{1,10}")) {
            throw refuse(n, g, "so_ho_chieu", "a passport number is 1 to 10 letters or digits");
        }
        r.put("so_ho_chieu", passport);
        r.put("so_phong", g.room());
        r.put("ngay_den", day(n, g, "ngay_den", g.arrival().substring(0, 10)));
        r.put("ngay_di_du_kien", day(n, g, "ngay_di_du_kien", g.departure()));
        if (g.checkedOutAt() != null) {
            r.put("ngay_tra_phong", day(n, g, "ngay_tra_phong", g.checkedOutAt().substring(0, 10)));
        }
        return r;
    }

    /** MRZ style: upper case ASCII letters, the Vietnamese Đ as D, other diacritics dropped, one space between. */
    static String mrzName(String name) {
        if (name == null) {
            return "";
        }
        String d = Normalizer.normalize(name.replace('Đ', 'D').replace('đ', 'd'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return d.toUpperCase(Locale.ROOT).replaceAll("[^A-Z' -]", " ").replaceAll("\\s+", " ").strip();
    }

    private static String day(int n, Guest g, String element, String iso) {
        try {
            return (iso.length() > 10 ? LocalDateTime.parse(iso).toLocalDate() : LocalDate.parse(iso)).format(DMY);
        } catch (DateTimeParseException | NullPointerException e) {
            throw refuse(n, g, element, "not a full date");
        }
    }

    private static KbttException refuse(int n, Guest g, String element, String problem) {
        return new KbttException(n, element, "<" + element + ">", g.id(), problem);
    }
}
