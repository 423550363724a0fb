package vn.cccd.reader.lds.vn;

import static vn.cccd.reader.lds.vn.Dg13File.MAX_INDEX;
import static vn.cccd.reader.lds.vn.Dg13File.PARENTS;
import static vn.cccd.reader.lds.vn.Dg13File.SPOUSE;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.lds.LdsFile;
import vn.cccd.reader.lds.LdsText;
import vn.cccd.reader.lds.LdsTlv;
import vn.cccd.reader.tlv.Tlv;
import vn.cccd.reader.util.Text;

/**
 * Reads DG13 in every layout the public sources show (docs/CARD-LAYOUTS.md), with a BER walk, never by byte
 * prefixes.
 *
 * <p>A <b>field</b> is a SEQUENCE whose first element is an INTEGER (the index), not followed by an OBJECT
 * IDENTIFIER: {@code SEQUENCE { INTEGER 1, OID, ... }} is the version-and-OID shape of real cards' container, never a
 * field. A <b>container</b> is a SEQUENCE or SET that is not a field and holds a field, directly or in a container
 * of its own; the walk descends into containers at most {@link #MAX_CONTAINER_DEPTH} levels below {@code 6D}, so
 * the real layout ({@code 6D → 30 → 31 → field}), the legacy one ({@code 6D → 30 → field}) and fields directly under
 * {@code 6D} all read, in any order (a BER SET is not sorted). Elements before the first field that are neither
 * fields nor containers are the header; elements after it are kept as unrecognized.
 *
 * <p>Values: fields 1-12, 15 and 16 hold one string (UTF8String, PrintableString, IA5String, VisibleString,
 * NumericString, BMPString) or nothing. Field 13 holds the parents as {@code SEQ{father}, SEQ{mother}} or as one
 * {@code SEQ{father, mother}} (plain strings too); field 14 one name, nested or plain. A documented field (1-13)
 * holding anything else is malformed data, since reading it anyway could show a wrong value; a field 14-16 of
 * another shape, and any index outside 1..16, is kept raw ({@link Dg13File#otherFields()}) and never fails the read.
 * Bounds: the TLV parser limits depth and lengths; the walk limits container nesting; the number of elements is
 * bounded by the file's size.
 */
final class Dg13Parser {
    /** Containers below 6D the walk enters: the sources show two (30, then 31); two more are allowed. */
    static final int MAX_CONTAINER_DEPTH = 4;

    private final Map<Integer, String> text = new TreeMap<>();
    private final Set<Integer> seen = new TreeSet<>();
    private final Map<Integer, List<Tlv>> others = new TreeMap<>();
    private final List<Tlv> header = new ArrayList<>();
    private final List<Tlv> unrecognized = new ArrayList<>();
    private final List<Integer> order = new ArrayList<>();
    private String father;
    private String mother;
    private String spouse;
    private int fieldsDepth = -1;
    private int fieldsTag;
    private boolean anyEmpty;
    private Dg13Layout.ParentsShape parentsShape = Dg13Layout.ParentsShape.SEPARATE;
    private Dg13Layout.SpouseShape spouseShape = Dg13Layout.SpouseShape.NESTED;

    private Dg13Parser() {
    }

    static Dg13File parse(byte[] encoded) {
        Tlv root = LdsTlv.root(encoded, LdsFile.DG13);
        Dg13Parser p = new Dg13Parser();
        p.level(root.children(), 0, root.tag());
        if (p.order.isEmpty()) {
            throw new MalformedDataException("DG13 holds no indexed fields");
        }
        // the layout found, so that the file re-encodes as it came (for the layouts the builder writes)
        boolean outer = p.fieldsDepth >= 1;
        int fieldsTag = p.fieldsDepth >= 2 ? p.fieldsTag : 0;
        Dg13Layout layout = new Dg13Layout(outer, outer ? p.header : List.of(), fieldsTag, p.order, p.parentsShape,
                p.spouseShape, p.anyEmpty);
        return new Dg13File(p.text, p.father, p.mother, p.spouse, p.others, p.header, p.unrecognized, layout);
    }

    private void level(List<Tlv> items, int depth, int containerTag) {
        for (Tlv item : items) {
            if (depth < MAX_CONTAINER_DEPTH && isContainer(item, MAX_CONTAINER_DEPTH - depth)) {
                level(item.children(), depth + 1, item.tag());
            } else if (isField(item)) {
                if (fieldsDepth < 0) {
                    fieldsDepth = depth;
                    fieldsTag = containerTag;
                }
                field(item);
            } else if (order.isEmpty()) {
                header.add(item);
            } else {
                unrecognized.add(item);
            }
        }
    }

    /** A SEQUENCE starting with an INTEGER that an OID does not follow. */
    static boolean isField(Tlv t) {
        if (t.tag() != LdsTlv.SEQUENCE) {
            return false;
        }
        List<Tlv> kids = t.children();
        return !kids.isEmpty() && kids.get(0).tag() == LdsTlv.INTEGER
                && (kids.size() < 2 || kids.get(1).tag() != LdsTlv.OID);
    }

    /** A SEQUENCE or SET that is not a field and holds a field within {@code levels} levels. */
    static boolean isContainer(Tlv t, int levels) {
        if (levels <= 0 || t.tag() != LdsTlv.SEQUENCE && t.tag() != LdsTlv.SET || isField(t)) {
            return false;
        }
        for (Tlv k : t.children()) {
            if (isField(k) || isContainer(k, levels - 1)) {
                return true;
            }
        }
        return false;
    }

    /** The field's index, or -1 for an INTEGER that is no index (negative or over four bytes). */
    private static int index(Tlv field) {
        byte[] v = field.children().get(0).value();
        if (v.length == 0 || v.length > 4) {
            return -1;
        }
        BigInteger b = new BigInteger(v);
        return b.signum() < 0 ? -1 : b.intValue();
    }

    private void field(Tlv item) {
        int index = index(item);
        List<Tlv> values = item.children().subList(1, item.children().size());
        boolean known = index >= 1 && index <= MAX_INDEX;
        if (index < 0 || !known && seen.contains(index)) {
            unrecognized.add(item); // not an index, or an unknown index given twice: kept, never read
            return;
        }
        if (!seen.add(index)) {
            throw new MalformedDataException("DG13 field " + index + " appears twice");
        }
        order.add(index);
        if (!known) {
            others.put(index, values); // a field no source describes: kept raw, never read
        } else if (values.isEmpty()) {
            anyEmpty = true;
        } else if (index == PARENTS) {
            parents(values);
        } else if (index == SPOUSE) {
            spouse(values);
        } else if (values.size() == 1 && isString(values.get(0))) {
            String v = string(values.get(0), index);
            if (v != null) {
                text.put(index, v);
            }
        } else if (index > PARENTS) {
            others.put(index, values); // 15, 16: meaning uncertain, so an odd shape is kept, not fatal
        } else {
            throw new MalformedDataException("DG13 field " + index + " does not hold a single text value");
        }
    }

    private void parents(List<Tlv> values) {
        if (values.size() == 1 && isConstructedOfStrings(values.get(0), 2)) {
            // SEQ{INT 13, SEQ{father, mother}}: NghiaLio/NFC_CCCD_Reader
            List<Tlv> names = values.get(0).children();
            father = names.isEmpty() ? null : string(names.get(0), PARENTS);
            mother = names.size() < 2 ? null : string(names.get(1), PARENTS);
            parentsShape = Dg13Layout.ParentsShape.TOGETHER;
        } else if (values.size() <= 2 && values.stream().allMatch(v -> isString(v) || isConstructedOfStrings(v, 1))) {
            // SEQ{INT 13, SEQ{father}, SEQ{mother}}: react-native-appota-id-chip-reader (plain strings read too)
            father = single(values.get(0));
            mother = values.size() < 2 ? null : single(values.get(1));
        } else {
            throw new MalformedDataException("DG13 field 13 does not hold the parents' names");
        }
    }

    private void spouse(List<Tlv> values) {
        if (values.size() == 1 && isString(values.get(0))) {
            spouse = string(values.get(0), SPOUSE);
            spouseShape = Dg13Layout.SpouseShape.PLAIN;
        } else if (values.size() == 1 && isConstructedOfStrings(values.get(0), 1)) {
            spouse = single(values.get(0));
        } else {
            others.put(SPOUSE, values); // meaning inferred, so an odd shape is kept, not fatal
        }
    }

    private static String single(Tlv t) {
        if (isString(t)) {
            return string(t, PARENTS);
        }
        return t.children().isEmpty() ? null : string(t.children().get(0), PARENTS);
    }

    private static boolean isConstructedOfStrings(Tlv t, int max) {
        return (t.tag() == LdsTlv.SEQUENCE || t.tag() == LdsTlv.SET) && t.children().size() <= max
                && t.children().stream().allMatch(Dg13Parser::isString);
    }

    static boolean isString(Tlv t) {
        return switch (t.tag()) {
            case LdsTlv.UTF8_STRING, LdsTlv.NUMERIC_STRING, LdsTlv.PRINTABLE_STRING, LdsTlv.IA5_STRING,
                    LdsTlv.VISIBLE_STRING, LdsTlv.BMP_STRING -> true;
            default -> false;
        };
    }

    private static String string(Tlv t, int index) {
        String what = "DG13 field " + index;
        String s = t.tag() == LdsTlv.BMP_STRING ? LdsText.bmp(t.value(), what) : LdsText.utf8(t.value(), what);
        return Text.nfcOrNull(s);
    }
}
