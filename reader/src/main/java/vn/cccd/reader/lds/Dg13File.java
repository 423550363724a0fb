package vn.cccd.reader.lds;

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
import vn.cccd.reader.model.Text;
import vn.cccd.reader.tlv.Tlv;

/**
 * DG13 of the Vietnamese CCCD: the holder's personal data, as {@code SEQUENCE { INTEGER index, value }} fields
 * numbered 1..16 inside tag {@code 6D} (cccd-card.md §2). Parses and builds; see the package documentation for
 * how the open questions (header bytes, indices 14-16, no-expiry text) are handled.
 *
 * <p>All text is NFC; an absent or empty value is null. Dates are kept as the card's text and offered as
 * {@link LocalDate} when they are {@code dd/MM/yyyy}.
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
    /** How deep the walk looks for fields under 6D (the container SEQUENCE and one more level). */
    private static final int MAX_CONTAINER_DEPTH = 3;

    private final Map<Integer, String> text; // index -> value for the single-valued fields (1..12, 15, 16)
    private final String fatherName;
    private final String motherName;
    private final String spouseName;
    private final List<Tlv> header;
    private final List<Tlv> unrecognized;
    private final boolean container;

    private Dg13File(Map<Integer, String> text, String fatherName, String motherName, String spouseName,
            List<Tlv> header, List<Tlv> unrecognized, boolean container) {
        this.text = Collections.unmodifiableMap(new TreeMap<>(text));
        this.fatherName = fatherName;
        this.motherName = motherName;
        this.spouseName = spouseName;
        this.header = List.copyOf(header);
        this.unrecognized = List.copyOf(unrecognized);
        this.container = container;
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

    /** The elements before field 1 that are not fields (undocumented header, open question Q5). */
    public List<Tlv> header() {
        return header;
    }

    /**
     * Elements after the first field that are not understood and were skipped: fields with an index outside 1..16,
     * fields 14-16 with an unexpected shape (their meaning is an open question, so they do not fail the read), and
     * elements that are not fields at all.
     */
    public List<Tlv> unrecognized() {
        return unrecognized;
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

    // ---- parsing ----

    public static Dg13File parse(byte[] encoded) {
        Tlv root = LdsTlv.root(encoded, LdsFile.DG13);
        Walk walk = new Walk();
        walk.level(root.children(), 0);
        if (walk.seen.isEmpty()) {
            throw new MalformedDataException("DG13 holds no indexed fields");
        }
        return new Dg13File(walk.text, walk.father, walk.mother, walk.spouse, walk.header, walk.unrecognized,
                walk.container);
    }

    /** One pass over the tree under 6D; fields may sit directly under 6D or under a container SEQUENCE. */
    private static final class Walk {
        final Map<Integer, String> text = new TreeMap<>();
        final java.util.Set<Integer> seen = new java.util.TreeSet<>();
        final List<Tlv> header = new ArrayList<>();
        final List<Tlv> unrecognized = new ArrayList<>();
        String father;
        String mother;
        String spouse;
        boolean container;

        void level(List<Tlv> items, int depth) {
            for (Tlv item : items) {
                Integer index = indexOf(item);
                // a container is told apart by holding fields: its first child may well be a version INTEGER
                if (depth < MAX_CONTAINER_DEPTH && seen.isEmpty() && holdsField(item)) {
                    container = true;
                    level(item.children(), depth + 1);
                } else if (index != null && index >= 1 && index <= MAX_INDEX) {
                    field(index, item);
                } else if (seen.isEmpty()) {
                    header.add(item);
                } else {
                    // an index outside 1..16 (a future field) or another element after the fields: kept, not read
                    unrecognized.add(item);
                }
            }
        }

        void field(int index, Tlv item) {
            List<Tlv> values = item.children().subList(1, item.children().size());
            Shape shape = shape(index, values);
            if (shape == Shape.BAD) {
                if (seen.isEmpty() && index <= PARENTS) {
                    header.add(item); // looks like a field but is not one: part of the undocumented header
                    return;
                }
                if (index > PARENTS) {
                    unrecognized.add(item);
                    return;
                }
                throw new MalformedDataException("DG13 field " + index + " does not hold "
                        + (index == PARENTS ? "names" : "a single text value"));
            }
            if (!seen.add(index)) {
                throw new MalformedDataException("DG13 field " + index + " appears twice");
            }
            if (index == PARENTS) {
                father = values.size() > 0 ? nested(values.get(0), index) : null;
                mother = values.size() > 1 ? nested(values.get(1), index) : null;
            } else if (index == SPOUSE) {
                spouse = values.isEmpty() ? null : nested(values.get(0), index);
            } else if (!values.isEmpty()) {
                String v = string(values.get(0), index);
                if (v != null) {
                    text.put(index, v);
                }
            }
        }
    }

    private enum Shape { OK, BAD }

    private static Shape shape(int index, List<Tlv> values) {
        if (index == PARENTS || index == SPOUSE) {
            if (values.size() > (index == PARENTS ? 2 : 1)) {
                return Shape.BAD;
            }
            for (Tlv v : values) {
                boolean nestedOk = v.tag() == LdsTlv.SEQUENCE && v.children().size() <= 1
                        && v.children().stream().allMatch(Dg13File::isString);
                if (!isString(v) && !nestedOk) {
                    return Shape.BAD;
                }
            }
            return Shape.OK;
        }
        return values.size() <= 1 && values.stream().allMatch(Dg13File::isString) ? Shape.OK : Shape.BAD;
    }

    /** The index of a field-shaped element: a SEQUENCE whose first child is a small INTEGER; else null. */
    private static Integer indexOf(Tlv t) {
        if (t.tag() != LdsTlv.SEQUENCE) {
            return null;
        }
        List<Tlv> kids = t.children();
        if (kids.isEmpty() || kids.get(0).tag() != LdsTlv.INTEGER) {
            return null;
        }
        byte[] v = kids.get(0).value();
        // a one-byte positive INTEGER is a field index; anything else is an index no field has
        return v.length == 1 && v[0] >= 0 ? (int) v[0] : -1;
    }

    /** True for a SEQUENCE that has a field among its children (the container). */
    private static boolean holdsField(Tlv t) {
        if (t.tag() != LdsTlv.SEQUENCE) {
            return false;
        }
        for (Tlv k : t.children()) {
            Integer i = indexOf(k);
            if (i != null && i >= 1 && i <= MAX_INDEX && shape(i, k.children().subList(1, k.children().size())) == Shape.OK) {
                return true;
            }
            if (holdsField(k)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isString(Tlv t) {
        return switch (t.tag()) {
            case LdsTlv.UTF8_STRING, LdsTlv.PRINTABLE_STRING, LdsTlv.IA5_STRING, LdsTlv.VISIBLE_STRING,
                    LdsTlv.BMP_STRING -> true;
            default -> false;
        };
    }

    private static String string(Tlv t, int index) {
        String what = "DG13 field " + index;
        String s = t.tag() == LdsTlv.BMP_STRING ? LdsText.bmp(t.value(), what) : LdsText.utf8(t.value(), what);
        return Text.nfcOrNull(s);
    }

    private static String nested(Tlv t, int index) {
        if (isString(t)) {
            return string(t, index);
        }
        List<Tlv> kids = t.children();
        return kids.isEmpty() ? null : string(kids.get(0), index);
    }

    // ---- building ----

    public byte[] encode() {
        List<Tlv> items = new ArrayList<>(header);
        for (int i = 1; i <= MAX_INDEX; i++) {
            items.add(encodeField(i));
        }
        items.addAll(unrecognized);
        Tlv body = container ? Tlv.of(LdsTlv.SEQUENCE, items) : null;
        return (body != null ? Tlv.of(LdsFile.DG13.tag(), body) : Tlv.of(LdsFile.DG13.tag(), items)).encode();
    }

    private Tlv encodeField(int index) {
        List<Tlv> kids = new ArrayList<>();
        kids.add(LdsTlv.integer(index));
        switch (index) {
            case PARENTS -> {
                if (fatherName != null || motherName != null) {
                    kids.add(nestedValue(fatherName));
                    kids.add(nestedValue(motherName));
                }
            }
            case SPOUSE -> {
                if (spouseName != null) {
                    kids.add(nestedValue(spouseName));
                }
            }
            default -> {
                String v = text.get(index);
                if (v != null) {
                    kids.add(printableField(index) && isPrintable(v)
                            ? Tlv.of(LdsTlv.PRINTABLE_STRING, LdsText.asciiBytes(v))
                            : Tlv.of(LdsTlv.UTF8_STRING, LdsText.utf8Bytes(v)));
                }
            }
        }
        return Tlv.of(LdsTlv.SEQUENCE, kids);
    }

    private static Tlv nestedValue(String name) {
        return name == null ? Tlv.of(LdsTlv.SEQUENCE, List.of())
                : Tlv.of(LdsTlv.SEQUENCE, Tlv.of(LdsTlv.UTF8_STRING, LdsText.utf8Bytes(name)));
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
        b.header = new ArrayList<>(header);
        b.unrecognized = new ArrayList<>(unrecognized);
        b.container = container;
        return b;
    }

    /**
     * Builds DG13 in the published layout (cccd-card.md §2.1). By default the fields sit in a container SEQUENCE
     * after a synthetic 15-byte header ({@link #SYNTHETIC_HEADER}: an INTEGER version and an OID), so that
     * readers are exercised on skipping it as they must on real cards.
     */
    public static final class Builder {
        private final Map<Integer, String> text = new TreeMap<>();
        private String father;
        private String mother;
        private String spouse;
        private List<Tlv> header = new ArrayList<>(SYNTHETIC_HEADER);
        private List<Tlv> unrecognized = new ArrayList<>();
        private boolean container = true;

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

        /** The elements written before field 1 (the synthetic header by default). */
        public Builder header(List<Tlv> elements) {
            header = new ArrayList<>(elements);
            return this;
        }

        /** Fields directly under 6D (true, the default: inside a container SEQUENCE as in the 2024 profile). */
        public Builder containerSequence(boolean inContainer) {
            container = inContainer;
            return this;
        }

        public Dg13File build() {
            return new Dg13File(text, father, mother, spouse, header, unrecognized, container);
        }
    }

    /**
     * The header the builder writes before field 1: INTEGER 1 and an OID under Vietnam's arc (2.16.704), 15 bytes
     * as in the one sample's offsets. Made up: the real bytes are unknown (open question Q5).
     */
    public static final List<Tlv> SYNTHETIC_HEADER = List.of(
            LdsTlv.integer(1),
            Tlv.of(LdsTlv.OID, vn.cccd.reader.util.Hex.decode("60 85 40 01 63 01 0D 01 00 01")));

    @Override
    public boolean equals(Object o) {
        return o instanceof Dg13File d && d.text.equals(text) && Objects.equals(d.fatherName, fatherName)
                && Objects.equals(d.motherName, motherName) && Objects.equals(d.spouseName, spouseName)
                && d.header.equals(header) && d.unrecognized.equals(unrecognized) && d.container == container;
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, fatherName, motherName, spouseName, header, unrecognized, container);
    }

    /** Field indices present, no values: DG13 is personal data. */
    @Override
    public String toString() {
        return "Dg13File[fields " + text.keySet() + (fatherName != null || motherName != null ? " +parents" : "")
                + (spouseName != null ? " +spouse" : "") + ", redacted]";
    }
}
