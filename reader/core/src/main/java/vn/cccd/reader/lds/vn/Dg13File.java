package vn.cccd.reader.lds.vn;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.lds.LdsFile;
import vn.cccd.reader.lds.LdsText;
import vn.cccd.reader.lds.LdsTlv;
import vn.cccd.reader.tlv.Tlv;
import vn.cccd.reader.util.Text;

/**
 * DG13 of the Vietnamese CCCD: the holder's personal data, as {@code SEQUENCE { INTEGER index, value }} fields
 * numbered 1..16, on real cards inside {@code 6D → 30 → { INTEGER 1, OID 1.0.10646.1.0.8, SET { fields } }}
 * (docs/CARD-LAYOUTS.md). Parses every layout the sources show ({@link Dg13Parser}) and builds each of them
 * ({@link Dg13Layout}); see the package documentation for how the open questions (indices 14-16, no-expiry text)
 * are handled.
 *
 * <p>All text is NFC; an absent or empty value is null. Dates are kept as the card's text and offered as
 * {@link LocalDate} when they are {@code dd/MM/yyyy}. Two files are equal when they hold the same data (values,
 * raw fields, unrecognized elements), whatever their layout.
 */
public final class Dg13File {
    public static final int ID_NUMBER = 1;
    public static final int FULL_NAME = 2;
    public static final int DATE_OF_BIRTH = 3;
    public static final int SEX = 4;
    public static final int NATIONALITY = 5;
    public static final int ETHNICITY = 6;
    public static final int RELIGION = 7;
    public static final int PLACE_OF_ORIGIN = 8;
    public static final int PLACE_OF_RESIDENCE = 9;
    public static final int IDENTIFYING_MARKS = 10;
    public static final int ISSUE_DATE = 11;
    public static final int EXPIRY_DATE = 12;
    public static final int PARENTS = 13;
    public static final int SPOUSE = 14;
    public static final int OTHER_ID_15 = 15;
    public static final int OTHER_ID_16 = 16;
    static final int MAX_INDEX = 16;

    /** The text the builder writes for a card without expiry (the real encoding is open question Q7). */
    public static final String NO_EXPIRY_TEXT = "Không thời hạn";

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern OLD_CMND = Pattern.compile("[0-9]{9}");
    private static final Pattern ID12 = Pattern.compile("[0-9]{12}");

    private final Map<Integer, String> text; // index -> value for the single-valued fields (1..12, 15, 16)
    private final String fatherName;
    private final String motherName;
    private final String spouseName;
    private final Map<Integer, List<Tlv>> otherFields;
    private final List<Tlv> header;
    private final List<Tlv> unrecognized;
    private final Dg13Layout layout;

    Dg13File(Map<Integer, String> text, String fatherName, String motherName, String spouseName,
            Map<Integer, List<Tlv>> otherFields, List<Tlv> header, List<Tlv> unrecognized, Dg13Layout layout) {
        this.text = Collections.unmodifiableMap(new TreeMap<>(text));
        this.fatherName = fatherName;
        this.motherName = motherName;
        this.spouseName = spouseName;
        Map<Integer, List<Tlv>> others = new TreeMap<>();
        otherFields.forEach((i, v) -> others.put(i, List.copyOf(v)));
        this.otherFields = Collections.unmodifiableMap(others);
        this.header = List.copyOf(header);
        this.unrecognized = List.copyOf(unrecognized);
        this.layout = layout;
    }

    // ---- accessors ----

    /** Field 1: the 12-digit personal ID number (số định danh cá nhân). */
    public String idNumber() {
        return text.get(ID_NUMBER);
    }

    /** Field 2: full name with diacritics. */
    public String fullName() {
        return text.get(FULL_NAME);
    }

    /** Field 3 as written on the card (normally dd/MM/yyyy). */
    public String dateOfBirthText() {
        return text.get(DATE_OF_BIRTH);
    }

    /** Field 3 as a date, or null when the text is absent or not a full dd/MM/yyyy date. */
    public LocalDate dateOfBirth() {
        return date(dateOfBirthText());
    }

    /** Field 4: "Nam" or "Nữ" on real cards. */
    public String sex() {
        return text.get(SEX);
    }

    /** Field 5, e.g. "Việt Nam". */
    public String nationality() {
        return text.get(NATIONALITY);
    }

    /** Field 6 (dân tộc), e.g. "Kinh". */
    public String ethnicity() {
        return text.get(ETHNICITY);
    }

    /** Field 7 (tôn giáo), e.g. "Không". */
    public String religion() {
        return text.get(RELIGION);
    }

    /** Field 8 (quê quán). */
    public String placeOfOrigin() {
        return text.get(PLACE_OF_ORIGIN);
    }

    /** Field 9 (nơi thường trú). */
    public String placeOfResidence() {
        return text.get(PLACE_OF_RESIDENCE);
    }

    /** Field 10 (đặc điểm nhận dạng). */
    public String identifyingMarks() {
        return text.get(IDENTIFYING_MARKS);
    }

    /** Field 11 as written. */
    public String issueDateText() {
        return text.get(ISSUE_DATE);
    }

    /** Field 11 as a date, or null. */
    public LocalDate issueDate() {
        return date(issueDateText());
    }

    /** Field 12 as written: a date, or a text such as "Không thời hạn". */
    public String expiryText() {
        return text.get(EXPIRY_DATE);
    }

    /** Field 12 as a date; null when absent, when the card has no expiry, or when the text is not a date. */
    public LocalDate expiryDate() {
        return date(expiryText());
    }

    /** True when field 12 says in words that the card does not expire ("Không thời hạn", "Vô thời hạn"). */
    public boolean hasNoExpiry() {
        String t = expiryText();
        if (t == null || expiryDate() != null) {
            return false;
        }
        String lower = t.toLowerCase(Locale.ROOT);
        return lower.contains("thời hạn") || lower.contains("thoi han");
    }

    /** Field 13, first element. */
    public String fatherName() {
        return fatherName;
    }

    /** Field 13, second element. */
    public String motherName() {
        return motherName;
    }

    /** Field 14 (probably the spouse; open question Q6). */
    public String spouseName() {
        return spouseName;
    }

    /** Field 15 as written (the old 9-digit CMND on pre-2024 cards). */
    public String field15() {
        return text.get(OTHER_ID_15);
    }

    /** Field 16 as written (the old ID number on 2024 cards; an unexplained 16-character value on others). */
    public String field16() {
        return text.get(OTHER_ID_16);
    }

    /** The old 9-digit CMND number, from field 15 or else 16, classified by content; null when neither has one. */
    public String oldIdNumber() {
        return classified(OLD_CMND);
    }

    /** A previous (cancelled) 12-digit ID number from field 15 or else 16; null when neither has one. */
    public String previousIdNumber() {
        return classified(ID12);
    }

    /** Fields 15/16 whose value is neither 9 nor 12 digits, kept raw by index (unknown meaning). */
    public Map<Integer, String> unclassifiedIdFields() {
        Map<Integer, String> out = new LinkedHashMap<>();
        for (int i : new int[] {OTHER_ID_15, OTHER_ID_16}) {
            String v = text.get(i);
            if (v != null && !OLD_CMND.matcher(v).matches() && !ID12.matcher(v).matches()) {
                out.put(i, v);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The elements before the first field that are not fields: on real cards the version INTEGER and the OID
     * 1.0.10646.1.0.8 ({@link Dg13Layout#REAL_HEADER}).
     */
    public List<Tlv> header() {
        return header;
    }

    /** The version INTEGER of the header, or null when there is none. */
    public Integer version() {
        for (Tlv t : header) {
            if (t.tag() == LdsTlv.INTEGER && t.value().length >= 1 && t.value().length <= 4) {
                return new java.math.BigInteger(t.value()).intValue();
            }
        }
        return null;
    }

    /**
     * Fields kept raw, by index, with their value elements (what follows the index INTEGER): indices outside
     * 1..16 (fields no source describes yet), and fields 14-16 whose shape is not a known one (their meaning is
     * an open question, so they never fail the read). Never interpreted.
     */
    public Map<Integer, List<Tlv>> otherFields() {
        return otherFields;
    }

    /** Elements after the first field that are not fields at all: kept, not read (the SOD hash covers them). */
    public List<Tlv> unrecognized() {
        return unrecognized;
    }

    /** How this file is (or was found to be) laid out: what {@link #encode()} writes. */
    public Dg13Layout layout() {
        return layout;
    }

    private String classified(Pattern p) {
        for (int i : new int[] {OTHER_ID_15, OTHER_ID_16}) {
            String v = text.get(i);
            if (v != null && p.matcher(v).matches()) {
                return v;
            }
        }
        return null;
    }

    private static LocalDate date(String s) {
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip(), DMY);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // ---- parsing and writing ----

    /**
     * Reads DG13 in any layout the public sources show (see {@link Dg13Parser}).
     *
     * @throws vn.cccd.reader.error.MalformedDataException naming what is wrong, when the file holds no field or a
     *     documented field (1-13) holds something other than its documented value
     */
    public static Dg13File parse(byte[] encoded) {
        return Dg13Parser.parse(encoded);
    }

    /** The file in its {@link #layout()}. */
    public byte[] encode() {
        List<Tlv> fields = new ArrayList<>();
        java.util.LinkedHashSet<Integer> order = new java.util.LinkedHashSet<>();
        if (layout.order() != null) {
            order.addAll(layout.order());
        }
        for (int i = 1; i <= MAX_INDEX; i++) {
            order.add(i);
        }
        order.addAll(otherFields.keySet());
        for (int index : order) {
            Tlv f = encodeField(index);
            if (f != null) {
                fields.add(f);
            }
        }
        fields.addAll(unrecognized);
        if (!layout.outerContainer()) {
            return Tlv.of(LdsFile.DG13.tag(), fields).encode();
        }
        List<Tlv> body = new ArrayList<>(layout.header());
        if (layout.fieldsTag() == 0) {
            body.addAll(fields);
        } else {
            body.add(Tlv.of(layout.fieldsTag(), fields));
        }
        return Tlv.of(LdsFile.DG13.tag(), Tlv.of(LdsTlv.SEQUENCE, body)).encode();
    }

    /** One field, or null when it is absent and the layout leaves absent fields out. */
    private Tlv encodeField(int index) {
        List<Tlv> kids = new ArrayList<>();
        kids.add(LdsTlv.integer(index));
        if (otherFields.containsKey(index)) {
            kids.addAll(otherFields.get(index));
        } else if (index == PARENTS) {
            if (fatherName != null || motherName != null) {
                if (layout.parents() == Dg13Layout.ParentsShape.TOGETHER) {
                    List<Tlv> names = new ArrayList<>();
                    names.add(utf8(fatherName == null ? "" : fatherName));
                    if (motherName != null) {
                        names.add(utf8(motherName));
                    }
                    kids.add(Tlv.of(LdsTlv.SEQUENCE, names));
                } else {
                    kids.add(nestedValue(fatherName));
                    kids.add(nestedValue(motherName));
                }
            }
        } else if (index == SPOUSE) {
            if (spouseName != null) {
                kids.add(layout.spouse() == Dg13Layout.SpouseShape.PLAIN ? utf8(spouseName) : nestedValue(spouseName));
            }
        } else if (text.containsKey(index)) {
            String v = text.get(index);
            kids.add(printableField(index) && isPrintable(v)
                    ? Tlv.of(LdsTlv.PRINTABLE_STRING, LdsText.asciiBytes(v)) : utf8(v));
        }
        return kids.size() == 1 && !layout.absentAsEmpty() ? null : Tlv.of(LdsTlv.SEQUENCE, kids);
    }

    private static Tlv utf8(String s) {
        return Tlv.of(LdsTlv.UTF8_STRING, LdsText.utf8Bytes(s));
    }

    private static Tlv nestedValue(String name) {
        return name == null ? Tlv.of(LdsTlv.SEQUENCE, List.of()) : Tlv.of(LdsTlv.SEQUENCE, utf8(name));
    }

    /** The published layout: ID number, dates of birth and issue, and fields 15/16 are PrintableString. */
    private static boolean printableField(int index) {
        return index == ID_NUMBER || index == DATE_OF_BIRTH || index == ISSUE_DATE || index == OTHER_ID_15
                || index == OTHER_ID_16;
    }

    private static boolean isPrintable(String s) {
        for (char c : s.toCharArray()) {
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || " '()+,-./:=?".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder preset with the parsed values, for tests that change one field. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.text.putAll(text);
        b.father = fatherName;
        b.mother = motherName;
        b.spouse = spouseName;
        otherFields.forEach((i, v) -> b.otherFields.put(i, new ArrayList<>(v)));
        b.unrecognized = new ArrayList<>(unrecognized);
        b.layout = layout;
        return b;
    }

    /**
     * Builds DG13 in the layout real cards have ({@link Dg13Layout#REAL}) unless told otherwise; the other layouts
     * the sources show, and this project's old synthetic one, are options ({@link #layout(Dg13Layout)}).
     */
    public static final class Builder {
        private final Map<Integer, String> text = new TreeMap<>();
        private String father;
        private String mother;
        private String spouse;
        private final Map<Integer, List<Tlv>> otherFields = new TreeMap<>();
        private List<Tlv> unrecognized = new ArrayList<>();
        private Dg13Layout layout = Dg13Layout.REAL;

        private Builder() {
        }

        private Builder put(int index, String value) {
            String v = Text.nfcOrNull(value);
            if (v == null) {
                text.remove(index);
            } else {
                text.put(index, v);
            }
            return this;
        }

        public Builder idNumber(String v) {
            return put(ID_NUMBER, v);
        }

        public Builder fullName(String v) {
            return put(FULL_NAME, v);
        }

        public Builder dateOfBirth(LocalDate d) {
            return put(DATE_OF_BIRTH, d == null ? null : DMY.format(d));
        }

        /** Field 3 written as given (for partial or odd dates). */
        public Builder dateOfBirthText(String v) {
            return put(DATE_OF_BIRTH, v);
        }

        public Builder sex(String v) {
            return put(SEX, v);
        }

        public Builder nationality(String v) {
            return put(NATIONALITY, v);
        }

        public Builder ethnicity(String v) {
            return put(ETHNICITY, v);
        }

        public Builder religion(String v) {
            return put(RELIGION, v);
        }

        public Builder placeOfOrigin(String v) {
            return put(PLACE_OF_ORIGIN, v);
        }

        public Builder placeOfResidence(String v) {
            return put(PLACE_OF_RESIDENCE, v);
        }

        public Builder identifyingMarks(String v) {
            return put(IDENTIFYING_MARKS, v);
        }

        public Builder issueDate(LocalDate d) {
            return put(ISSUE_DATE, d == null ? null : DMY.format(d));
        }

        /** A date, or null for a card without expiry (written as {@link #NO_EXPIRY_TEXT}). */
        public Builder expiryDate(LocalDate d) {
            return put(EXPIRY_DATE, d == null ? NO_EXPIRY_TEXT : DMY.format(d));
        }

        /** Field 12 written as given, or left out when null. */
        public Builder expiryText(String v) {
            return put(EXPIRY_DATE, v);
        }

        public Builder fatherName(String v) {
            father = Text.nfcOrNull(v);
            return this;
        }

        public Builder motherName(String v) {
            mother = Text.nfcOrNull(v);
            return this;
        }

        public Builder spouseName(String v) {
            spouse = Text.nfcOrNull(v);
            return this;
        }

        /** The old 9-digit CMND, written at index 15 as pre-2024 cards do. */
        public Builder oldIdNumber(String v) {
            return put(OTHER_ID_15, v);
        }

        public Builder field15(String v) {
            return put(OTHER_ID_15, v);
        }

        /** Index 16: the old ID number on 2024 cards, or another value. */
        public Builder field16(String v) {
            return put(OTHER_ID_16, v);
        }

        /** How the file is written ({@link Dg13Layout#REAL} unless told otherwise). */
        public Builder layout(Dg13Layout l) {
            layout = Objects.requireNonNull(l, "layout");
            return this;
        }

        /**
         * A field kept raw: {@code SEQUENCE { INTEGER index, values... }} for an index outside 1..16 (a field no
         * source describes), written after the known fields unless the layout's order places it.
         */
        public Builder otherField(int index, List<Tlv> values) {
            if (index >= 1 && index <= MAX_INDEX) {
                throw new IllegalArgumentException("field " + index + " has a builder method of its own");
            }
            if (index < 0) {
                throw new IllegalArgumentException("a field index is not negative");
            }
            otherFields.put(index, new ArrayList<>(values));
            return this;
        }

        public Dg13File build() {
            return new Dg13File(text, father, mother, spouse, otherFields, layout.header(), unrecognized, layout);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dg13File d && d.text.equals(text) && Objects.equals(d.fatherName, fatherName)
                && Objects.equals(d.motherName, motherName) && Objects.equals(d.spouseName, spouseName)
                && d.otherFields.equals(otherFields) && d.unrecognized.equals(unrecognized);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, fatherName, motherName, spouseName, otherFields, unrecognized);
    }

    /** Field indices present, no values: DG13 is personal data. */
    @Override
    public String toString() {
        return "Dg13File[fields " + text.keySet() + (fatherName != null || motherName != null ? " +parents" : "")
                + (spouseName != null ? " +spouse" : "") + (otherFields.isEmpty() ? "" : " other " + otherFields.keySet())
                + ", redacted]";
    }
}
