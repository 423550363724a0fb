package vn.cccd.reader.diagnose;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.cccd.mock.persona.DocumentFactory;
import vn.cccd.mock.persona.Persona;
import vn.cccd.reader.lds.Dg1File;
import vn.cccd.reader.lds.Dg2File;
import vn.cccd.reader.lds.LdsFile;
import vn.cccd.reader.model.Person;

/**
 * Every value of a persona in every encoding a report could carry it in: UTF-8 text (NFC and NFD), without
 * accents, upper case, the dates as dd/MM/yyyy, ddMMyyyy, yyMMdd and yyyy-MM-dd, the hex of the UTF-8 bytes (upper
 * and lower case, with and without spaces), the words of four letters or more, the document number, the MRZ lines
 * and the first bytes of the portrait in hex.
 */
final class PersonaValues {
    private PersonaValues() {
    }

    static Set<String> forbidden(Persona p) {
        Person who = p.person();
        List<String> texts = new ArrayList<>();
        for (String v : List.of(nz(who.idNumber()), nz(who.fullName()), nz(who.sex()), nz(who.nationality()),
                nz(who.ethnicity()), nz(who.religion()), nz(who.placeOfOrigin()), nz(who.placeOfResidence()),
                nz(who.identifyingMarks()), nz(who.fatherName()), nz(who.motherName()), nz(who.spouseName()),
                nz(who.oldIdNumber()), p.documentNumber())) {
            if (!v.isBlank()) {
                texts.add(v);
                for (String word : v.split("[\\s,.]+")) {
                    if (word.codePointCount(0, word.length()) >= 4) {
                        texts.add(word);
                    }
                }
            }
        }
        List<String> dates = new ArrayList<>();
        for (String iso : new String[] {who.dateOfBirth(), who.issueDate(), who.expiryDate(), p.document().expiryDate()}) {
            if (iso != null) {
                LocalDate d = LocalDate.parse(iso);
                for (String pattern : List.of("dd/MM/yyyy", "ddMMyyyy", "yyMMdd", "yyyy-MM-dd", "yyyyMMdd")) {
                    dates.add(d.format(DateTimeFormatter.ofPattern(pattern)));
                }
            }
        }
        var files = DocumentFactory.files(p);
        List<String> mrz = Dg1File.parse(files.get(LdsFile.DG1)).mrz().lines();
        byte[] image = Dg2File.parse(files.get(LdsFile.DG2)).face().image();
        Set<String> out = new LinkedHashSet<>();
        for (String t : texts) {
            out.add(t);
            out.add(Normalizer.normalize(t, Normalizer.Form.NFD));
            out.add(t.toUpperCase(Locale.ROOT));
            out.addAll(hex(t.getBytes(StandardCharsets.UTF_8)));
            // folded forms of two letters ("Nữ" as NU) are in every English text (NULL): only longer ones are searched
            if (unaccented(t).length() >= 3) {
                out.add(unaccented(t));
                out.add(unaccented(t).toUpperCase(Locale.ROOT));
            }
        }
        for (String d : dates) {
            out.add(d);
            out.addAll(hex(d.getBytes(StandardCharsets.US_ASCII)));
        }
        for (String line : mrz) {
            out.add(line);
            // the parts of a line between fillers (the document number with its check digit, the optional data)
            for (String part : line.split("<+")) {
                if (part.length() >= 6) {
                    out.add(part);
                }
            }
            out.addAll(hex(line.getBytes(StandardCharsets.US_ASCII)));
        }
        byte[] prefix = java.util.Arrays.copyOf(image, Math.min(image.length, 12));
        out.addAll(hex(prefix));
        // and a stretch from the middle of the image, where no file header repeats
        int mid = image.length / 2;
        out.addAll(hex(java.util.Arrays.copyOfRange(image, mid, Math.min(image.length, mid + 8))));
        return out;
    }

    static String unaccented(String s) {
        String d = Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        return d.replaceAll("\\p{M}+", "");
    }

    /** Hex upper and lower case, plain and with spaces between bytes. */
    static List<String> hex(byte[] b) {
        StringBuilder plain = new StringBuilder();
        StringBuilder spaced = new StringBuilder();
        for (byte x : b) {
            String h = String.format("%02X", x & 0xFF);
            plain.append(h);
            spaced.append(spaced.length() == 0 ? "" : " ").append(h);
        }
        return List.of(plain.toString(), plain.toString().toLowerCase(Locale.ROOT), spaced.toString(),
                spaced.toString().toLowerCase(Locale.ROOT));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
