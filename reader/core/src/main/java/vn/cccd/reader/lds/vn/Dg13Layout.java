package vn.cccd.reader.lds.vn;

import java.util.List;
import vn.cccd.reader.lds.LdsTlv;
import vn.cccd.reader.lds.Oids;
import vn.cccd.reader.tlv.Tlv;
import vn.cccd.reader.util.Hex;

/**
 * How a DG13 is written: the wrapping around the fields, the field order and the shapes of fields 13 and 14.
 * The values live in {@link Dg13File}; the same values can be written in every layout the public sources show
 * (docs/CARD-LAYOUTS.md), so that each layout is a round-trip test of the parser.
 *
 * @param outerContainer whether a SEQUENCE sits between {@code 6D} and the fields (false: fields directly
 *     under {@code 6D})
 * @param header the elements written first inside the outer container (version INTEGER and OID on real cards)
 * @param fieldsTag the tag of the container that holds the fields inside the outer container ({@code 31} SET on
 *     real cards, {@code 30} SEQUENCE also read), or 0 when the fields follow the header directly
 * @param order the order the fields are written in, by index; null for ascending index order. Indices not
 *     listed follow in ascending order.
 * @param parents the shape of field 13
 * @param spouse the shape of field 14
 * @param absentAsEmpty whether an absent field is written in the empty form {@code 30 03 02 01 idx} (as field
 *     14 in the published sample) or left out (as the Dart parser allows)
 */
public record Dg13Layout(boolean outerContainer, List<Tlv> header, int fieldsTag, List<Integer> order,
        ParentsShape parents, SpouseShape spouse, boolean absentAsEmpty) {

    /** Field 13 as published: two shapes, both read. */
    public enum ParentsShape {
        /** {@code SEQ{INT 13, SEQ{UTF8 father}, SEQ{UTF8 mother}}}: react-native-appota-id-chip-reader. */
        SEPARATE,
        /** {@code SEQ{INT 13, SEQ{UTF8 father, UTF8 mother}}}: NghiaLio/NFC_CCCD_Reader. */
        TOGETHER
    }

    /** Field 14 (spouse, by inference): nested like field 13, or a plain string. */
    public enum SpouseShape { NESTED, PLAIN }

    /** OID 1.0.10646.1.0.8 after the version INTEGER on real cards (meaning not confirmed by any source). */
    public static final String REAL_OID = "1.0.10646.1.0.8";

    /** {@code 02 01 01 06 06 28 D3 16 01 00 08}: version 1 and {@link #REAL_OID}. */
    public static final List<Tlv> REAL_HEADER = List.of(LdsTlv.integer(1), Oids.encode(REAL_OID));

    /**
     * The header this project wrote before the real layout was known: INTEGER 1 and a made-up OID under
     * Vietnam's arc (2.16.704). Kept only for the legacy layout.
     */
    public static final List<Tlv> SYNTHETIC_HEADER = List.of(LdsTlv.integer(1),
            Tlv.of(LdsTlv.OID, Hex.decode("60 85 40 01 63 01 0D 01 00 01")));

    /**
     * DG13 as real cards have it: {@code 6D → 30 → { 02 01 01, 06 OID, 31 SET { fields in index order } }}, absent
     * fields in the empty form, parents as two nested SEQUENCEs, the spouse nested.
     */
    public static final Dg13Layout REAL = new Dg13Layout(true, REAL_HEADER, LdsTlv.SET, null,
            ParentsShape.SEPARATE, SpouseShape.NESTED, true);

    /**
     * The layout this project's mock card wrote until December 2026 (no real card is known to use it): the fields
     * directly in the container SEQUENCE after {@link #SYNTHETIC_HEADER}, with no SET.
     */
    public static final Dg13Layout LEGACY_SYNTHETIC = new Dg13Layout(true, SYNTHETIC_HEADER, 0, null,
            ParentsShape.SEPARATE, SpouseShape.NESTED, true);

    /** Fields directly under {@code 6D}, no header (how the byte-prefix parsers picture it). */
    public static final Dg13Layout FLAT = new Dg13Layout(false, List.of(), 0, null,
            ParentsShape.SEPARATE, SpouseShape.NESTED, true);

    public Dg13Layout {
        header = List.copyOf(header);
        order = order == null ? null : List.copyOf(order);
        if (parents == null || spouse == null) {
            throw new IllegalArgumentException("the shapes of fields 13 and 14 are required");
        }
        if (fieldsTag != 0 && fieldsTag != LdsTlv.SET && fieldsTag != LdsTlv.SEQUENCE) {
            throw new IllegalArgumentException("fields sit in a SET or a SEQUENCE, not tag " + Tlv.tagHex(fieldsTag));
        }
        if (!outerContainer && (!header.isEmpty() || fieldsTag != 0)) {
            throw new IllegalArgumentException("a header or a fields container needs the outer container");
        }
    }

    /** The same layout with the fields in a SEQUENCE ({@code 30}) or SET ({@code 31}) container. */
    public Dg13Layout withFieldsIn(int tag) {
        return new Dg13Layout(outerContainer, header, tag, order, parents, spouse, absentAsEmpty);
    }

    /** The same layout with the fields in this order (by index). */
    public Dg13Layout withOrder(List<Integer> indices) {
        return new Dg13Layout(outerContainer, header, fieldsTag, indices, parents, spouse, absentAsEmpty);
    }

    public Dg13Layout withParents(ParentsShape shape) {
        return new Dg13Layout(outerContainer, header, fieldsTag, order, shape, spouse, absentAsEmpty);
    }

    public Dg13Layout withSpouse(SpouseShape shape) {
        return new Dg13Layout(outerContainer, header, fieldsTag, order, parents, shape, absentAsEmpty);
    }

    /** The same layout, absent fields written in the empty form (true) or left out (false). */
    public Dg13Layout withAbsentAsEmpty(boolean empty) {
        return new Dg13Layout(outerContainer, header, fieldsTag, order, parents, spouse, empty);
    }
}
