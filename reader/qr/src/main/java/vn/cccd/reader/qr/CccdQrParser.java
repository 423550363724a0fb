package vn.cccd.reader.qr;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.cccd.reader.qr.QrException.Reason;
import vn.cccd.reader.qr.QrWarning.Code;

/**
 * Parses the text of a CCCD (2021) or thẻ Căn cước (2024) QR code:
 * {@code ID12|oldCMND9|full name|DOB ddMMyyyy|sex|residence|issue ddMMyyyy[|extra...]}, empty fields kept as empty
 * positions (cccd-card.md §4).
 *
 * <p>Validation: a 12-digit ID number whose century/sex digit and birth-year digits agree with the date of birth
 * and the sex; real dates (no 31 February, no future birth, not issued before birth or after today); an old CMND
 * of 9 digits (or 12, the later CMND form); sex "Nam" or "Nữ". Text is NFC; keyboard-wedge damage is repaired when
 * certain and flagged otherwise ({@link WedgeText}, {@link QrWarning}). Anything that is not a CCCD QR code, or
 * cannot be one, is a {@link QrException} whose message names the problem but never the data.
 *
 * <p>Tolerance for the 2024 card, whose extra fields' layout is unpublished (integrations-2026.md §C2, §C3): fields
 * after the seventh are kept raw and classified by content; a value in field 2 or 7 that is of another kind (a name,
 * an ID number where the issue date belongs) and an extra of no known kind are kept too, with an
 * {@link QrWarning.Code#UNEXPECTED_FIELD} warning naming the position. The identity fields (1, 3, 4, 5) stay
 * strict, and damaged values (a cut number, an impossible date) still refuse the code.
 */
public final class CccdQrParser {
    /** A QR code holds at most 2953 bytes; anything longer did not come from one. */
    static final int MAX_PAYLOAD_CHARS = 3000;
    /** Seven fields, and room for several cancelled ID numbers and both parents. */
    static final int MAX_FIELDS = 32;
    static final int KNOWN_FIELDS = 7;
    /** The Căn cước law (and its card) took effect on this day. */
    static final LocalDate CAN_CUOC_FROM = LocalDate.of(2024, 7, 1);
    private static final Pattern DIGITS_12 = Pattern.compile("[0-9]{12}");
    private static final Pattern DIGITS_9 = Pattern.compile("[0-9]{9}");
    private static final Pattern SOME_DIGITS = Pattern.compile("[0-9]{6,15}");
    private static final Pattern DATE = Pattern.compile("[0-9]{8}");
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}\uFFFD][\\p{L}\\p{M}\uFFFD .'-]*");

    private CccdQrParser() {
    }

    /**
     * @param today the day the QR code is read (future dates are impossible)
     * @throws QrException NOT_CCCD when the text is not a CCCD QR code at all, INVALID_CCCD_QR when it has the
     *         shape of one but cannot be one
     */
    public static CccdQr parse(String text, LocalDate today) {
        if (text == null) {
            throw new QrException(Reason.NOT_CCCD, "the QR code is empty");
        }
        if (text.length() > MAX_PAYLOAD_CHARS) {
            throw new QrException(Reason.INVALID_CCCD_QR, "the text is longer than any QR code can hold");
        }
        String payload = stripEnds(text);
        if (payload.isEmpty()) {
            throw new QrException(Reason.NOT_CCCD, "the QR code is empty");
        }
        if (payload.indexOf('|') < 0) {
            throw new QrException(Reason.NOT_CCCD, looksLikeLink(payload)
                    ? "the QR code is a link (URL), not the QR code of a CCCD / Căn cước"
                    : "the QR code is not the QR code of a CCCD / Căn cước (no '|'-separated fields)");
        }
        String[] f = payload.split("\\|", -1);
        String id = f[0].strip();
        if (!DIGITS_12.matcher(id).matches()) {
            if (SOME_DIGITS.matcher(id).matches()) {
                throw new QrException(Reason.INVALID_CCCD_QR, "the ID number has " + id.length()
                        + " digits; a CCCD number has 12 (a truncated or misread code?)");
            }
            throw new QrException(Reason.NOT_CCCD,
                    "the QR code is not the QR code of a CCCD / Căn cước (it does not start with a 12-digit ID number)");
        }
        if (f.length < KNOWN_FIELDS) {
            throw new QrException(Reason.INVALID_CCCD_QR, "the QR code has " + f.length
                    + " fields; a CCCD QR code has 7 (ID|old ID|name|birth|sex|residence|issue): truncated?");
        }
        if (f.length > MAX_FIELDS) {
            throw new QrException(Reason.INVALID_CCCD_QR, "the QR code has " + f.length + " fields; at most "
                    + MAX_FIELDS + " are expected");
        }
        for (String field : f) {
            if (hasControl(field)) {
                throw new QrException(Reason.INVALID_CCCD_QR,
                        "the QR text holds control characters: garbled or not a CCCD QR code");
            }
        }
        List<QrWarning> warnings = new ArrayList<>();
        List<QrExtra> extra = new ArrayList<>();
        String oldId = oldId(f[1], extra, warnings);
        String name = text(f[2], "fullName", "họ và tên", warnings);
        if (name == null) {
            throw new QrException(Reason.INVALID_CCCD_QR, "the full name is empty");
        }
        if (!NAME.matcher(name).matches()) {
            throw new QrException(Reason.INVALID_CCCD_QR, "the full name holds characters a name cannot have");
        }
        LocalDate dob = date(f[3].strip(), "date of birth");
        if (dob.isAfter(today)) {
            throw new QrException(Reason.INVALID_CCCD_QR, "the date of birth is in the future");
        }
        if (dob.getYear() < 1900) {
            throw new QrException(Reason.INVALID_CCCD_QR, "the date of birth is before 1900");
        }
        String sex = sex(f[4], warnings);
        String residence = text(f[5], "placeOfResidence", "nơi cư trú", warnings);
        LocalDate issue = issueDate(f[6], extra, warnings);
        if (issue != null && issue.isBefore(dob)) {
            throw new QrException(Reason.INVALID_CCCD_QR, "the issue date is before the date of birth");
        }
        if (issue != null && issue.isAfter(today)) {
            throw new QrException(Reason.INVALID_CCCD_QR, "the issue date is in the future");
        }
        checkIdAgainst(id, dob, sex);
        for (int i = KNOWN_FIELDS; i < f.length; i++) {
            classify(i + 1, f[i], extra, warnings);
        }
        diacriticsMissing(name, residence, extra, warnings);
        boolean canCuoc = f.length > KNOWN_FIELDS || (issue != null && !issue.isBefore(CAN_CUOC_FROM));
        QrFields fields = new QrFields(id, oldId, name, dob.toString(), sex, residence,
                issue == null ? null : issue.toString(), extra);
        return new CccdQr(canCuoc ? QrFormat.CAN_CUOC2024 : QrFormat.CCCD2021, payload, fields, warnings);
    }

    /** Strips white space, a byte-order mark and the Enter/Tab a scanner sends at the end. */
    private static String stripEnds(String s) {
        String t = s.strip();
        while (t.startsWith("\uFEFF")) {
            t = t.substring(1).strip();
        }
        return t;
    }

    private static boolean looksLikeLink(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return l.startsWith("http://") || l.startsWith("https://") || l.startsWith("www.");
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // C1 controls (0x80-0x9F) are allowed here: they are bytes of wedge-mangled UTF-8, repaired below
            if (c < 0x20 || c == 0x7F) {
                return true;
            }
        }
        return false;
    }

    /**
     * Field 2: empty, or a 9-digit CMND (12 digits: the later CMND form). A name or a date there is a field in an
     * unexpected place: it is kept as an extra field and named in a warning, since the 2024 card's layout is not
     * published (integrations-2026.md §C2). Anything else (digits of another length: a damaged number) refuses the
     * code.
     */
    private static String oldId(String raw, List<QrExtra> extra, List<QrWarning> warnings) {
        String s = raw.strip();
        if (s.isEmpty()) {
            return null;
        }
        if (DIGITS_9.matcher(s).matches() || DIGITS_12.matcher(s).matches()) {
            return s;
        }
        if (!DATE.matcher(s).matches() && !looksLikeName(s)) {
            throw new QrException(Reason.INVALID_CCCD_QR, "the old ID number (CMND) is not 9 digits");
        }
        misplaced(2, "oldIdNumber", "the old ID number (CMND)", raw, extra, warnings);
        return null;
    }

    /**
     * Field 7: empty, or an issue date ddMMyyyy that must be a real date. An ID number or a name there is a field in
     * an unexpected place (kept, warned); anything else (a cut or malformed date) refuses the code.
     */
    private static LocalDate issueDate(String raw, List<QrExtra> extra, List<QrWarning> warnings) {
        String s = raw.strip();
        if (s.isEmpty()) {
            return null;
        }
        if (DIGITS_9.matcher(s).matches() || DIGITS_12.matcher(s).matches() || looksLikeName(s)) {
            misplaced(7, "issueDate", "the issue date", raw, extra, warnings);
            return null;
        }
        return date(s, "issue date");
    }

    private static boolean looksLikeName(String s) {
        return NAME.matcher(s).matches() && s.chars().anyMatch(Character::isLetter);
    }

    /** Keeps a value found where another kind of field belongs, and says so naming the position (never the value). */
    private static void misplaced(int position, String field, String label, String raw, List<QrExtra> extra,
            List<QrWarning> warnings) {
        int before = extra.size();
        classify(position, raw, extra, warnings);
        String kind = extra.size() > before ? describe(extra.get(before)) : "a value";
        warnings.add(new QrWarning(Code.UNEXPECTED_FIELD, field, "field " + position + ", where " + label
                + " belongs, holds " + kind + "; it is kept as it is (extra field " + position + ")"));
    }

    /** What a kept value looks like, without the value. */
    private static String describe(QrExtra e) {
        return switch (e.kind()) {
            case CANCELLED_ID_NUMBER -> "12 digits (an ID number)";
            case OLD_ID_NUMBER -> "9 digits (a CMND number)";
            case PARENT_NAME -> "a name";
            case UNKNOWN -> e.value() != null && DATE.matcher(e.value()).matches() ? "8 digits (a date?)"
                    : "a value of no known kind";
        };
    }

    /** A text field: wedge damage repaired or flagged, white space collapsed, NFC; null when empty. */
    private static String text(String raw, String field, String label, List<QrWarning> warnings) {
        WedgeText.Result r = WedgeText.repair(raw);
        String t = r.text().strip().replaceAll("\\s+", " ");
        if (r.outcome() == WedgeText.Outcome.REPAIRED) {
            warnings.add(new QrWarning(Code.TEXT_REPAIRED, field, "the " + label + " arrived as UTF-8 read as"
                    + " Windows-1252 (a keyboard-wedge scanner) and was decoded back exactly"));
        } else if (r.outcome() == WedgeText.Outcome.UNCERTAIN) {
            warnings.add(new QrWarning(Code.TEXT_UNCERTAIN, field, "some letters of the " + label
                    + " were lost by the scanner (shown as \uFFFD); check it against the card"));
        }
        return t.isEmpty() ? null : t;
    }

    private static String sex(String raw, List<QrWarning> warnings) {
        WedgeText.Result r = WedgeText.repair(raw.strip());
        String s = r.text().strip();
        String folded = s.toUpperCase(Locale.ROOT);
        if (folded.equals("NAM")) {
            if (r.outcome() == WedgeText.Outcome.REPAIRED) {
                warnings.add(new QrWarning(Code.TEXT_REPAIRED, "sex", "the sex was decoded back from a scanner's text"));
            }
            return "Nam";
        }
        if (folded.equals("NỮ")) {
            if (r.outcome() == WedgeText.Outcome.REPAIRED) {
                warnings.add(new QrWarning(Code.TEXT_REPAIRED, "sex", "the sex was decoded back from a scanner's text"));
            }
            return "Nữ";
        }
        // "Nữ" with its letter lost or stripped of marks: the only other value is "Nam", so this is certain
        if (folded.equals("NU") || folded.equals("N\uFFFD") || folded.equals("N")) {
            warnings.add(new QrWarning(Code.TEXT_REPAIRED, "sex", "the sex arrived without its diacritics ('"
                    + s + "') and was read as Nữ"));
            return "Nữ";
        }
        if (s.isEmpty()) {
            throw new QrException(Reason.INVALID_CCCD_QR, "the sex field is empty");
        }
        throw new QrException(Reason.INVALID_CCCD_QR, "the sex field is neither Nam nor Nữ");
    }

    private static LocalDate date(String s, String what) {
        if (!DATE.matcher(s).matches()) {
            throw new QrException(Reason.INVALID_CCCD_QR, "the " + what + " is not a date ddMMyyyy");
        }
        try {
            return LocalDate.of(Integer.parseInt(s.substring(4)), Integer.parseInt(s.substring(2, 4)),
                    Integer.parseInt(s.substring(0, 2)));
        } catch (DateTimeException e) {
            throw new QrException(Reason.INVALID_CCCD_QR, "the " + what + " is not a real date");
        }
    }

    /**
     * The 4th digit gives the century and sex (0/1 = 1900s man/woman, 2/3 = 2000s, ...), the 5th and 6th the year of
     * birth (cccd-card.md §3.3).
     */
    private static void checkIdAgainst(String id, LocalDate dob, String sex) {
        int code = id.charAt(3) - '0';
        int year = 1900 + (code / 2) * 100 + Integer.parseInt(id.substring(4, 6));
        if (year != dob.getYear()) {
            throw new QrException(Reason.INVALID_CCCD_QR,
                    "the year of birth in the ID number (digits 4-6) does not match the date of birth");
        }
        String idSex = code % 2 == 0 ? "Nam" : "Nữ";
        if (!idSex.equals(sex)) {
            throw new QrException(Reason.INVALID_CCCD_QR, "the sex digit of the ID number (4th) does not match the sex");
        }
    }

    /** A field after the 7th: empty ones are skipped, lists of ID numbers split, the rest classified by content. */
    private static void classify(int position, String raw, List<QrExtra> out, List<QrWarning> warnings) {
        String s = raw.strip();
        if (s.isEmpty()) {
            return;
        }
        String[] parts = s.split("[,;]", -1);
        boolean allIds = parts.length > 1;
        for (String p : parts) {
            allIds &= DIGITS_12.matcher(p.strip()).matches();
        }
        if (allIds) {
            for (String p : parts) {
                out.add(new QrExtra(position, QrExtra.Kind.CANCELLED_ID_NUMBER, p.strip()));
            }
            return;
        }
        if (DIGITS_12.matcher(s).matches()) {
            out.add(new QrExtra(position, QrExtra.Kind.CANCELLED_ID_NUMBER, s));
        } else if (DIGITS_9.matcher(s).matches()) {
            out.add(new QrExtra(position, QrExtra.Kind.OLD_ID_NUMBER, s));
        } else {
            String t = text(raw, "extra", "field " + position, warnings);
            boolean name = t != null && looksLikeName(t);
            QrExtra e = new QrExtra(position, name ? QrExtra.Kind.PARENT_NAME : QrExtra.Kind.UNKNOWN, t);
            out.add(e);
            if (!name && position > KNOWN_FIELDS) {
                warnings.add(new QrWarning(Code.UNEXPECTED_FIELD, "extra", "field " + position + " holds "
                        + describe(e) + " where cancelled ID numbers or parents' names were expected; it is kept"
                        + " as it is"));
            }
        }
    }

    /**
     * A real CCCD QR code always has letters with marks somewhere (the name or the place of residence); when no text
     * field has a single non-ASCII letter, a scanner dropped them.
     */
    private static void diacriticsMissing(String name, String residence, List<QrExtra> extra,
            List<QrWarning> warnings) {
        StringBuilder all = new StringBuilder(name);
        if (residence != null) {
            all.append(residence);
        }
        for (QrExtra e : extra) {
            if (e.kind() == QrExtra.Kind.PARENT_NAME) {
                all.append(e.value());
            }
        }
        if (all.chars().allMatch(c -> c < 0x80)) {
            warnings.add(new QrWarning(Code.DIACRITICS_MISSING, "fullName",
                    "the name arrived without diacritics (a scanner dropped them); check it against the card"));
            if (residence != null) {
                warnings.add(new QrWarning(Code.DIACRITICS_MISSING, "placeOfResidence",
                        "the place of residence arrived without diacritics; check it against the card"));
            }
        }
    }
}
