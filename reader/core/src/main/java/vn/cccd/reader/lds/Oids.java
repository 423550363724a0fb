package vn.cccd.reader.lds;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.tlv.Tlv;

/** OBJECT IDENTIFIER contents to and from dotted text, strictly (minimal base-128 arcs, bounded length). */
public final class Oids {
    /** Longer OIDs than this are not protocol identifiers. */
    private static final int MAX_CONTENT = 64;

    private Oids() {
    }

    public static String decode(Tlv t, String what) {
        if (t.tag() != LdsTlv.OID) {
            throw new MalformedDataException(what + " is not an OBJECT IDENTIFIER");
        }
        byte[] v = t.value();
        if (v.length == 0 || v.length > MAX_CONTENT) {
            throw new MalformedDataException(what + " has an OBJECT IDENTIFIER of " + v.length + " bytes");
        }
        StringBuilder out = new StringBuilder();
        BigInteger arc = BigInteger.ZERO;
        boolean first = true;
        boolean startOfArc = true;
        for (int i = 0; i < v.length; i++) {
            int b = v[i] & 0xFF;
            if (startOfArc && b == 0x80) {
                throw new MalformedDataException(what + " has a non-minimal OBJECT IDENTIFIER arc");
            }
            arc = arc.shiftLeft(7).or(BigInteger.valueOf(b & 0x7F));
            startOfArc = (b & 0x80) == 0;
            if (startOfArc) {
                if (first) {
                    int top = arc.compareTo(BigInteger.valueOf(80)) >= 0 ? 2 : arc.intValue() / 40;
                    out.append(top).append('.').append(arc.subtract(BigInteger.valueOf(40L * top)));
                    first = false;
                } else {
                    out.append('.').append(arc);
                }
                arc = BigInteger.ZERO;
            }
        }
        if (!startOfArc) {
            throw new MalformedDataException(what + " has a truncated OBJECT IDENTIFIER");
        }
        return out.toString();
    }

    public static Tlv encode(String dotted) {
        String[] parts = dotted.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("an OID has at least two arcs: " + dotted);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BigInteger first = new BigInteger(parts[0]).multiply(BigInteger.valueOf(40)).add(new BigInteger(parts[1]));
        arc(out, first);
        for (int i = 2; i < parts.length; i++) {
            arc(out, new BigInteger(parts[i]));
        }
        return Tlv.of(LdsTlv.OID, out.toByteArray());
    }

    private static void arc(ByteArrayOutputStream out, BigInteger value) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("negative OID arc");
        }
        int groups = Math.max(1, (value.bitLength() + 6) / 7);
        for (int g = groups - 1; g >= 0; g--) {
            int b = value.shiftRight(7 * g).intValue() & 0x7F;
            out.write(g == 0 ? b : b | 0x80);
        }
    }

    /** True when {@code oid} is {@code parent} followed by exactly {@code extraArcs} more arcs. */
    public static boolean isUnder(String oid, String parent, int extraArcs) {
        if (!oid.startsWith(parent + ".")) {
            return false;
        }
        String rest = oid.substring(parent.length() + 1);
        return rest.split("\\.").length == extraArcs;
    }
}
