package vn.cccd.reader.qr;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import vn.cccd.reader.model.Person;
import vn.cccd.reader.util.Text;

/**
 * The {@code qrMatchesChip} cross-check: does the QR code printed on the card say what the chip says? A mismatch
 * means the card was tampered with (or the QR belongs to another card), and makes the verdict NOT_AUTHENTIC.
 *
 * <p>Compared: ID number, full name (NFC, case and spacing ignored), date of birth, sex, old ID number and issue
 * date; a value missing on either side is not compared (the chip's old-ID field is uncertain, cccd-card.md Q6).
 * A name that the scanner damaged ({@link QrWarning.Code#TEXT_UNCERTAIN}, {@link QrWarning.Code#DIACRITICS_MISSING})
 * is compared without diacritics, each lost letter matching any letter, and each QR word may miss letters of the
 * chip's word: scanner damage must not read as tampering, while another person's name still differs.
 */
public final class QrChipMatch {
    private QrChipMatch() {
    }

    /** True when they agree, false when a field differs, null when either side is missing. */
    public static Boolean qrMatchesChip(CccdQr qr, Person chip) {
        if (qr == null || chip == null) {
            return null;
        }
        return mismatches(qr, chip).isEmpty();
    }

    /** The names (QR JSON field names) of the fields that differ; empty when they agree. */
    public static List<String> mismatches(CccdQr qr, Person chip) {
        Objects.requireNonNull(qr, "qr");
        Objects.requireNonNull(chip, "chip");
        QrFields q = qr.fields();
        List<String> out = new ArrayList<>();
        if (!Objects.equals(q.idNumber(), strip(chip.idNumber()))) {
            out.add("idNumber");
        }
        if (!namesMatch(q.fullName(), chip.fullName(), qr.uncertain("fullName"))) {
            out.add("fullName");
        }
        if (!Objects.equals(q.dateOfBirth(), strip(chip.dateOfBirth()))) {
            out.add("dateOfBirth");
        }
        compareWhenBoth(out, "sex", q.sex(), chip.sex());
        compareWhenBoth(out, "oldIdNumber", q.oldIdNumber(), chip.oldIdNumber());
        compareWhenBoth(out, "issueDate", q.issueDate(), chip.issueDate());
        return List.copyOf(out);
    }

    private static void compareWhenBoth(List<String> out, String field, String qr, String chip) {
        String c = strip(chip);
        if (qr != null && c != null && !c.isEmpty() && !qr.equals(Text.nfc(c))) {
            out.add(field);
        }
    }

    static boolean namesMatch(String qr, String chip, boolean qrUncertain) {
        if (qr == null || chip == null) {
            return qr == null && chip == null;
        }
        String a = normal(qr);
        String b = normal(chip);
        if (!qrUncertain) {
            return a.equals(b);
        }
        String[] qw = fold(a).split(" ");
        String[] cw = fold(b).split(" ");
        if (qw.length != cw.length) {
            return false;
        }
        for (int i = 0; i < qw.length; i++) {
            if (!lettersWithin(qw[i], cw[i])) {
                return false;
            }
        }
        return true;
    }

    /** NFC, upper case, single spaces. */
    private static String normal(String s) {
        return Text.nfc(s).strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    /** Without diacritics: Đ is D, every combining mark is dropped. */
    static String fold(String s) {
        String d = Normalizer.normalize(s.replace('Đ', 'D').replace('đ', 'd'), Normalizer.Form.NFD);
        return d.replaceAll("\\p{M}+", "");
    }

    /**
     * True when the QR word's letters appear in the chip word in order, with U+FFFD matching any one letter: the
     * scanner may have dropped letters, never added or changed one.
     */
    private static boolean lettersWithin(String qrWord, String chipWord) {
        int j = 0;
        for (int i = 0; i < qrWord.length(); i++) {
            char c = qrWord.charAt(i);
            while (j < chipWord.length() && c != '\uFFFD' && chipWord.charAt(j) != c) {
                j++;
            }
            if (j >= chipWord.length()) {
                return false;
            }
            j++;
        }
        return true;
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }
}
