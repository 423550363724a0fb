package vn.cccd.reader.lds;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.cccd.reader.error.MalformedDataException;

/**
 * A machine readable zone (ICAO 9303-4/5/6): TD1 (3 × 30, ID cards, including the Vietnamese CCCD layout),
 * TD2 (2 × 36) and TD3 (2 × 44, passports). Parses and builds.
 *
 * <p>A bad check digit does not stop parsing: the chip's MRZ must still be shown. {@link #failedChecks()} names
 * every check digit that does not match, and {@link #checkDigitsValid()} summarises them. Characters outside the
 * MRZ alphabet and wrong line lengths are malformed data.
 *
 * <p>Vietnamese TD1 (cccd-card.md §3.2): line 1 is "ID" + "VNM" + the last 9 digits of the 12-digit ID number +
 * check digit + the full 12-digit ID number + "&lt;&lt;" + the check digit of the 12-digit number. That last check
 * is reported as {@link Check#VIETNAMESE_ID_NUMBER}.
 *
 * <p>Instances are immutable; equality is on the MRZ text.
 */
public final class Mrz {

    /** The three MRZ sizes. */
    public enum Format {
        TD1(3, 30), TD2(2, 36), TD3(2, 44);

        private final int lines;
        private final int width;

        Format(int lines, int width) {
            this.lines = lines;
            this.width = width;
        }

        public int lineCount() {
            return lines;
        }

        public int lineLength() {
            return width;
        }

        /** Characters of the whole MRZ (as stored in DG1, without line breaks). */
        public int length() {
            return lines * width;
        }
    }

    /** A check digit of the MRZ. */
    public enum Check {
        DOCUMENT_NUMBER, DATE_OF_BIRTH, DATE_OF_EXPIRY,
        /** TD3 only: the check digit over the personal number (optional data). */
        PERSONAL_NUMBER,
        COMPOSITE,
        /** Vietnamese TD1 only: the check digit after the 12-digit ID number in the optional data. */
        VIETNAMESE_ID_NUMBER
    }

    /** The MRZ date of a CCCD without expiry (cccd-card.md §3.4, a single example: 991231). */
    public static final String VIETNAM_NO_EXPIRY = "991231";
    private static final Pattern VN_OPTIONAL = Pattern.compile("[0-9]{12}<<.");
    private static final Pattern YYMMDD = Pattern.compile("[0-9]{6}");

    private final Format format;
    private final List<String> lines;
    private final String documentCode;
    private final String issuingState;
    private final String documentNumber;
    private final String optionalData1;
    private final String dateOfBirth;
    private final char sex;
    private final String dateOfExpiry;
    private final String nationality;
    private final String optionalData2;
    private final String primaryIdentifier;
    private final String secondaryIdentifier;
    private final Set<Check> failedChecks;

    private Mrz(Format format, List<String> lines) {
        this.format = format;
        this.lines = List.copyOf(lines);
        Fields f = format == Format.TD1 ? td1(lines) : td23(format, lines);
        this.documentCode = f.documentCode;
        this.issuingState = f.issuingState;
        this.documentNumber = f.documentNumber;
        this.optionalData1 = f.optionalData1;
        this.dateOfBirth = f.dateOfBirth;
        this.sex = f.sex;
        this.dateOfExpiry = f.dateOfExpiry;
        this.nationality = f.nationality;
        this.optionalData2 = f.optionalData2;
        this.primaryIdentifier = f.primary;
        this.secondaryIdentifier = f.secondary;
        this.failedChecks = f.failed.isEmpty() ? Set.of() : Set.copyOf(f.failed);
    }

    // ---- parsing ----

    /**
     * Parses an MRZ: either the lines joined by line breaks, or the characters without breaks as stored in DG1
     * (90, 72 or 88 characters).
     *
     * @throws MalformedDataException for a wrong length or characters outside A-Z, 0-9 and '&lt;'
     */
    public static Mrz parse(String text) {
        if (text == null) {
            throw new MalformedDataException("MRZ is missing");
        }
        String compact = text.replace("\r", "").replace("\n", "");
        Format format = null;
        for (Format f : Format.values()) {
            if (compact.length() == f.length()) {
                format = f;
            }
        }
        if (format == null) {
            throw new MalformedDataException("MRZ has " + compact.length()
                    + " characters; expected 90 (TD1), 72 (TD2) or 88 (TD3)");
        }
        if (text.contains("\n")) {
            String[] given = text.replace("\r", "").strip().split("\n");
            if (given.length != format.lines) {
                throw new MalformedDataException("MRZ lines do not match format " + format);
            }
            for (String l : given) {
                if (l.length() != format.width) {
                    throw new MalformedDataException("MRZ line of " + l.length() + " characters in a " + format);
                }
            }
        }
        for (int i = 0; i < compact.length(); i++) {
            if (!CheckDigit.isMrzChar(compact.charAt(i))) {
                throw new MalformedDataException("MRZ character " + (i + 1) + " is not A-Z, 0-9 or '<'");
            }
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < format.lines; i++) {
            lines.add(compact.substring(i * format.width, (i + 1) * format.width));
        }
        return new Mrz(format, lines);
    }

    private static final class Fields {
        String documentCode;
        String issuingState;
        String documentNumber;
        String optionalData1 = "";
        String dateOfBirth;
        char sex;
        String dateOfExpiry;
        String nationality;
        String optionalData2 = "";
        String primary;
        String secondary;
        final EnumSet<Check> failed = EnumSet.noneOf(Check.class);

        void check(Check which, String field, char digit) {
            if (CheckDigit.of(field) != digit) {
                failed.add(which);
            }
        }
    }

    private static Fields td1(List<String> l) {
        String l1 = l.get(0);
        String l2 = l.get(1);
        Fields f = new Fields();
        f.documentCode = trimFiller(l1.substring(0, 2));
        f.issuingState = trimFiller(l1.substring(2, 5));
        String docNo = l1.substring(5, 14);
        char docCheck = l1.charAt(14);
        String optional = l1.substring(15, 30);
        String extension = optional.indexOf('<') < 0 ? optional : optional.substring(0, optional.indexOf('<'));
        if (docCheck == '<' && extension.length() >= 2) {
            // ICAO 9303-5 long document number: the rest and its check digit open the optional data
            docCheck = extension.charAt(extension.length() - 1);
            docNo = docNo + extension.substring(0, extension.length() - 1);
            f.optionalData1 = trimFiller(optional.substring(Math.min(optional.length(), extension.length() + 1)));
        } else {
            f.optionalData1 = trimFiller(optional);
        }
        f.documentNumber = trimFiller(docNo);
        f.check(Check.DOCUMENT_NUMBER, docNo, docCheck);
        f.dateOfBirth = l2.substring(0, 6);
        f.check(Check.DATE_OF_BIRTH, f.dateOfBirth, l2.charAt(6));
        f.sex = l2.charAt(7);
        f.dateOfExpiry = l2.substring(8, 14);
        f.check(Check.DATE_OF_EXPIRY, f.dateOfExpiry, l2.charAt(14));
        f.nationality = trimFiller(l2.substring(15, 18));
        f.optionalData2 = trimFiller(l2.substring(18, 29));
        f.check(Check.COMPOSITE, l1.substring(5, 30) + l2.substring(0, 7) + l2.substring(8, 15)
                + l2.substring(18, 29), l2.charAt(29));
        if ("VNM".equals(f.issuingState) && VN_OPTIONAL.matcher(optional).matches()) {
            f.check(Check.VIETNAMESE_ID_NUMBER, optional.substring(0, 12), optional.charAt(14));
        }
        String[] name = splitName(l.get(2));
        f.primary = name[0];
        f.secondary = name[1];
        return f;
    }

    private static Fields td23(Format format, List<String> l) {
        String l1 = l.get(0);
        String l2 = l.get(1);
        int w = format.width;
        Fields f = new Fields();
        f.documentCode = trimFiller(l1.substring(0, 2));
        f.issuingState = trimFiller(l1.substring(2, 5));
        String[] name = splitName(l1.substring(5));
        f.primary = name[0];
        f.secondary = name[1];
        f.documentNumber = trimFiller(l2.substring(0, 9));
        f.check(Check.DOCUMENT_NUMBER, l2.substring(0, 9), l2.charAt(9));
        f.nationality = trimFiller(l2.substring(10, 13));
        f.dateOfBirth = l2.substring(13, 19);
        f.check(Check.DATE_OF_BIRTH, f.dateOfBirth, l2.charAt(19));
        f.sex = l2.charAt(20);
        f.dateOfExpiry = l2.substring(21, 27);
        f.check(Check.DATE_OF_EXPIRY, f.dateOfExpiry, l2.charAt(27));
        if (format == Format.TD3) {
            String personal = l2.substring(28, 42);
            char pcd = l2.charAt(42);
            f.optionalData2 = trimFiller(personal);
            // 9303-4 lets an unused personal number carry '<' instead of its check digit 0; some issuers (and
            // JMRTD) write '<' for any check digit 0, so '<' is read as 0 here
            f.check(Check.PERSONAL_NUMBER, personal, pcd == '<' ? '0' : pcd);
        } else {
            f.optionalData2 = trimFiller(l2.substring(28, 35));
        }
        f.check(Check.COMPOSITE, l2.substring(0, 10) + l2.substring(13, 20) + l2.substring(21, w - 1),
                l2.charAt(w - 1));
        return f;
    }

    private static String[] splitName(String field) {
        String trimmed = trimFiller(field);
        int sep = trimmed.indexOf("<<");
        String primary = sep < 0 ? trimmed : trimmed.substring(0, sep);
        String secondary = sep < 0 ? "" : trimmed.substring(sep + 2);
        return new String[] {fillerToSpace(primary), fillerToSpace(secondary)};
    }

    private static String fillerToSpace(String s) {
        return s.replaceAll("<+", " ").strip();
    }

    private static String trimFiller(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '<') {
            end--;
        }
        return s.substring(0, end);
    }

    // ---- accessors ----

    public Format format() {
        return format;
    }

    /** The lines, each of {@link Format#lineLength()} characters. */
    public List<String> lines() {
        return lines;
    }

    /** The lines joined by "\n" (the contract's {@code document.mrz}). */
    public String text() {
        return String.join("\n", lines);
    }

    /** The characters without line breaks, as stored in DG1. */
    public String compact() {
        return String.join("", lines);
    }

    /** Document code without fillers: "ID", "I", "P", "PO", ... */
    public String documentCode() {
        return documentCode;
    }

    /** Issuing state or organisation, fillers removed ("VNM", "D", "UTO"). */
    public String issuingState() {
        return issuingState;
    }

    /** The document number without fillers (for a CCCD: the last 9 digits of the ID number). */
    public String documentNumber() {
        return documentNumber;
    }

    /** TD1 line-1 optional data (after a long document number's extension), fillers trimmed at the end. */
    public String optionalData1() {
        return optionalData1;
    }

    /** TD1 line-2 optional data, TD2 optional data, or the TD3 personal number; fillers trimmed at the end. */
    public String optionalData2() {
        return optionalData2;
    }

    /** YYMMDD as printed (may contain '&lt;' for unknown parts). */
    public String dateOfBirth() {
        return dateOfBirth;
    }

    /** YYMMDD as printed. */
    public String dateOfExpiry() {
        return dateOfExpiry;
    }

    /** 'M', 'F', '&lt;' or 'X' as printed (other letters are kept as they are). */
    public char sex() {
        return sex;
    }

    /** Nationality code, fillers removed. */
    public String nationality() {
        return nationality;
    }

    /** The primary identifier (surname), '&lt;' converted to spaces. */
    public String primaryIdentifier() {
        return primaryIdentifier;
    }

    /** The secondary identifier (given names), '&lt;' converted to spaces; empty when absent. */
    public String secondaryIdentifier() {
        return secondaryIdentifier;
    }

    /** Surname then given names, separated by a space ("NGUYEN VAN A"). */
    public String fullName() {
        return secondaryIdentifier.isEmpty() ? primaryIdentifier : primaryIdentifier + " " + secondaryIdentifier;
    }

    /** The check digits that do not match; empty when all are valid. */
    public Set<Check> failedChecks() {
        return failedChecks;
    }

    public boolean checkDigitsValid() {
        return failedChecks.isEmpty();
    }

    /**
     * The 12-digit ID number of a Vietnamese TD1 (the optional data of line 1), when the MRZ has the Vietnamese
     * layout.
     */
    public Optional<String> vietnameseIdNumber() {
        if (format == Format.TD1 && "VNM".equals(issuingState)) {
            String optional = lines.get(0).substring(15, 30);
            if (VN_OPTIONAL.matcher(optional).matches()) {
                return Optional.of(optional.substring(0, 12));
            }
        }
        return Optional.empty();
    }

    /**
     * The date of birth, with the century chosen so that the date is not after {@code today}; empty when the
     * field is not a complete valid date.
     */
    public Optional<LocalDate> birthDate(LocalDate today) {
        return toDate(dateOfBirth, yy -> 2000 + yy > today.getYear() ? 1900 + yy : 2000 + yy)
                .filter(d -> !d.isAfter(today));
    }

    /**
     * The expiry date in 2000-2099 unless that is more than 50 years after {@code today} (then 1900s); empty
     * when the field is not a complete valid date, and empty for a Vietnamese ID card's no-expiry marker
     * {@value #VIETNAM_NO_EXPIRY}.
     */
    public Optional<LocalDate> expiryDate(LocalDate today) {
        if (isVietnameseNoExpiry()) {
            return Optional.empty();
        }
        return toDate(dateOfExpiry, yy -> 2000 + yy > today.getYear() + 50 ? 1900 + yy : 2000 + yy);
    }

    /** True for a Vietnamese TD1 whose expiry is the no-expiry marker {@value #VIETNAM_NO_EXPIRY}. */
    public boolean isVietnameseNoExpiry() {
        return format == Format.TD1 && "VNM".equals(issuingState) && VIETNAM_NO_EXPIRY.equals(dateOfExpiry);
    }

    private static Optional<LocalDate> toDate(String yymmdd, java.util.function.IntUnaryOperator century) {
        if (!YYMMDD.matcher(yymmdd).matches()) {
            return Optional.empty();
        }
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        try {
            return Optional.of(LocalDate.of(century.applyAsInt(yy), Integer.parseInt(yymmdd.substring(2, 4)),
                    Integer.parseInt(yymmdd.substring(4, 6))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mrz m && m.lines.equals(lines);
    }

    @Override
    public int hashCode() {
        return lines.hashCode();
    }

    /** Redacted: the MRZ is personal data. */
    @Override
    public String toString() {
        return "Mrz[" + format + ", " + (checkDigitsValid() ? "check digits valid" : "failed " + failedChecks)
                + ", redacted]";
    }

    // ---- building ----

    /** A builder for the given format; check digits are computed on {@link Builder#build()}. */
    public static Builder builder(Format format) {
        return new Builder(format);
    }

    /**
     * The TD1 MRZ of a Vietnamese CCCD (cccd-card.md §3.2): document number = last 9 digits of the ID number,
     * optional data = the ID number, "&lt;&lt;" and its check digit; the name split as surname = first word.
     *
     * @param expiry null for a card without expiry ({@value #VIETNAM_NO_EXPIRY})
     * @param sex 'M', 'F' or '&lt;'
     */
    public static Mrz vietnameseId(String idNumber, String fullName, LocalDate dateOfBirth, char sex,
            LocalDate expiry) {
        if (idNumber == null || !idNumber.matches("[0-9]{12}")) {
            throw new IllegalArgumentException("a CCCD ID number has 12 digits");
        }
        String name = Objects.requireNonNull(fullName, "fullName").strip();
        int space = name.indexOf(' ');
        String surname = space < 0 ? name : name.substring(0, space);
        String given = space < 0 ? "" : name.substring(space + 1);
        Builder b = builder(Format.TD1)
                .documentCode("ID").issuingState("VNM")
                .documentNumber(idNumber.substring(3))
                .optionalData1(idNumber + "<<" + CheckDigit.of(idNumber))
                .dateOfBirth(dateOfBirth).sex(sex)
                .nationality("VNM").name(surname, given);
        return (expiry == null ? b.dateOfExpiry(VIETNAM_NO_EXPIRY) : b.dateOfExpiry(expiry)).build();
    }

    /**
     * Converts a name to the MRZ alphabet: diacritics removed (Vietnamese "Đ" becomes "D"), upper case,
     * apostrophes dropped, spaces, hyphens and other characters become '&lt;'.
     */
    public static String transliterate(String name) {
        String s = Normalizer.normalize(name.strip(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replace('Đ', 'D').replace('đ', 'd')
                .replace("'", "").replace("’", "")
                .toUpperCase(java.util.Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ? c : '<');
        }
        return out.toString();
    }

    /** Builds an MRZ from field values; fields are padded with '&lt;' and validated against the alphabet. */
    public static final class Builder {
        private final Format format;
        private String documentCode = "";
        private String issuingState = "";
        private String documentNumber = "";
        private String optionalData1 = "";
        private String dateOfBirth = "<<<<<<";
        private char sex = '<';
        private String dateOfExpiry = "<<<<<<";
        private String nationality = "";
        private String optionalData2 = "";
        private String nameField = "";

        private Builder(Format format) {
            this.format = Objects.requireNonNull(format, "format");
        }

        public Builder documentCode(String code) {
            this.documentCode = field(code, 2, "document code");
            return this;
        }

        public Builder issuingState(String state) {
            this.issuingState = field(state, 3, "issuing state");
            return this;
        }

        /** Up to 9 characters; a TD1 also takes longer numbers (ICAO long-document-number layout). */
        public Builder documentNumber(String number) {
            int max = format == Format.TD1 ? 22 : 9;
            this.documentNumber = field(number, max, "document number");
            return this;
        }

        /** TD1 only: the optional data of line 1. */
        public Builder optionalData1(String data) {
            if (format != Format.TD1) {
                throw new IllegalArgumentException("only a TD1 has optional data on line 1");
            }
            this.optionalData1 = field(data, 15, "optional data 1");
            return this;
        }

        /** TD1 line-2 optional data (11), TD2 optional data (7) or TD3 personal number (14). */
        public Builder optionalData2(String data) {
            int max = switch (format) {
                case TD1 -> 11;
                case TD2 -> 7;
                case TD3 -> 14;
            };
            this.optionalData2 = field(data, max, "optional data 2");
            return this;
        }

        /** YYMMDD, with '&lt;' allowed for unknown parts. */
        public Builder dateOfBirth(String yymmdd) {
            this.dateOfBirth = date(yymmdd, "date of birth");
            return this;
        }

        public Builder dateOfBirth(LocalDate date) {
            return dateOfBirth(yymmdd(date));
        }

        public Builder dateOfExpiry(String yymmdd) {
            this.dateOfExpiry = date(yymmdd, "date of expiry");
            return this;
        }

        public Builder dateOfExpiry(LocalDate date) {
            return dateOfExpiry(yymmdd(date));
        }

        /** 'M', 'F', 'X' or '&lt;'. */
        public Builder sex(char sex) {
            if ("MFX<".indexOf(sex) < 0) {
                throw new IllegalArgumentException("sex must be M, F, X or <");
            }
            this.sex = sex;
            return this;
        }

        public Builder nationality(String code) {
            this.nationality = field(code, 3, "nationality");
            return this;
        }

        /** Surname and given names in any script; transliterated (see {@link Mrz#transliterate}) and truncated. */
        public Builder name(String primary, String secondary) {
            String p = transliterate(Objects.requireNonNull(primary, "primary identifier"));
            String s = secondary == null ? "" : transliterate(secondary);
            this.nameField = s.isEmpty() ? p : p + "<<" + s;
            return this;
        }

        public Mrz build() {
            List<String> lines = new ArrayList<>();
            switch (format) {
                case TD1 -> {
                    String docNo;
                    String docCheck;
                    String optional;
                    if (documentNumber.length() > 9) {
                        docNo = documentNumber.substring(0, 9);
                        docCheck = "<";
                        optional = documentNumber.substring(9) + CheckDigit.of(documentNumber) + "<"
                                + optionalData1;
                        if (optional.length() > 15) {
                            throw new IllegalArgumentException("long document number and optional data 1 exceed 15 characters");
                        }
                    } else {
                        docNo = pad(documentNumber, 9);
                        docCheck = String.valueOf(CheckDigit.of(docNo));
                        optional = optionalData1;
                    }
                    String l1 = pad(documentCode, 2) + pad(issuingState, 3) + docNo + docCheck + pad(optional, 15);
                    String l2a = dateOfBirth + CheckDigit.of(dateOfBirth) + sex + dateOfExpiry
                            + CheckDigit.of(dateOfExpiry) + pad(nationality, 3) + pad(optionalData2, 11);
                    String composite = l1.substring(5, 30) + l2a.substring(0, 7) + l2a.substring(8, 15)
                            + l2a.substring(18, 29);
                    lines.add(l1);
                    lines.add(l2a + CheckDigit.of(composite));
                    lines.add(pad(truncate(nameField, 30), 30));
                }
                case TD2, TD3 -> {
                    int w = format.width;
                    String l1 = pad(documentCode, 2) + pad(issuingState, 3) + pad(truncate(nameField, w - 5), w - 5);
                    String docNo = pad(documentNumber, 9);
                    StringBuilder l2 = new StringBuilder()
                            .append(docNo).append(CheckDigit.of(docNo))
                            .append(pad(nationality, 3))
                            .append(dateOfBirth).append(CheckDigit.of(dateOfBirth))
                            .append(sex)
                            .append(dateOfExpiry).append(CheckDigit.of(dateOfExpiry));
                    if (format == Format.TD3) {
                        String personal = pad(optionalData2, 14);
                        l2.append(personal).append(optionalData2.isEmpty() ? '<' : CheckDigit.of(personal));
                    } else {
                        l2.append(pad(optionalData2, 7));
                    }
                    String s = l2.toString();
                    l2.append(CheckDigit.of(s.substring(0, 10) + s.substring(13, 20) + s.substring(21)));
                    lines.add(l1);
                    lines.add(l2.toString());
                }
                default -> throw new IllegalStateException();
            }
            return new Mrz(format, lines);
        }

        private static String yymmdd(LocalDate d) {
            return String.format("%02d%02d%02d", d.getYear() % 100, d.getMonthValue(), d.getDayOfMonth());
        }

        private static String date(String yymmdd, String what) {
            if (yymmdd == null || !yymmdd.matches("[0-9<]{6}")) {
                throw new IllegalArgumentException(what + " must be YYMMDD");
            }
            return yymmdd;
        }

        private static String field(String value, int max, String what) {
            String v = value == null ? "" : value;
            if (v.length() > max) {
                throw new IllegalArgumentException(what + " is longer than " + max + " characters");
            }
            for (char c : v.toCharArray()) {
                if (!CheckDigit.isMrzChar(c)) {
                    throw new IllegalArgumentException(what + " must use A-Z, 0-9 and <");
                }
            }
            return v;
        }

        private static String truncate(String s, int max) {
            return s.length() <= max ? s : s.substring(0, max);
        }

        private static String pad(String s, int width) {
            return s + "<".repeat(width - s.length());
        }
    }
}
