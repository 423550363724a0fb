package vn.cccd.reader.lds;

import java.math.BigInteger;
import java.util.List;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.tlv.Tlv;

/** TLV helpers shared by the file parsers; every failure is a MalformedDataException naming the file. */
public final class LdsTlv {
    public static final int INTEGER = 0x02;
    public static final int OCTET_STRING = 0x04;
    public static final int OID = 0x06;
    public static final int UTF8_STRING = 0x0C;
    public static final int NUMERIC_STRING = 0x12;
    public static final int PRINTABLE_STRING = 0x13;
    public static final int IA5_STRING = 0x16;
    public static final int VISIBLE_STRING = 0x1A;
    public static final int BMP_STRING = 0x1E;
    public static final int SEQUENCE = 0x30;
    public static final int SET = 0x31;

    private LdsTlv() {
    }

    /** The whole input as one TLV with the file's outer tag. */
    public static Tlv root(byte[] encoded, LdsFile file) {
        if (encoded == null || encoded.length == 0) {
            throw new MalformedDataException(file.contractName() + " is empty");
        }
        Tlv root;
        try {
            root = Tlv.parse(encoded);
        } catch (MalformedDataException e) {
            throw new MalformedDataException(file.contractName() + ": " + e.getMessage(), e);
        }
        if (root.tag() != file.tag()) {
            throw new MalformedDataException(file.contractName() + " must start with tag " + Tlv.tagHex(file.tag())
                    + ", found " + Tlv.tagHex(root.tag()));
        }
        if (!root.isConstructed()) {
            throw new MalformedDataException(file.contractName() + " outer tag is not constructed");
        }
        return root;
    }

    public static List<Tlv> children(Tlv t, String what) {
        if (!t.isConstructed()) {
            throw new MalformedDataException(what + " is not a constructed element");
        }
        return t.children();
    }

    /** A small non-negative INTEGER (indices, versions, counts) that fits an int. */
    public static int smallInt(Tlv t, String what) {
        if (t.tag() != INTEGER) {
            throw new MalformedDataException(what + " is not an INTEGER");
        }
        byte[] v = t.value();
        if (v.length == 0 || v.length > 4) {
            throw new MalformedDataException(what + " has " + v.length + " bytes");
        }
        BigInteger b = new BigInteger(v);
        if (b.signum() < 0) {
            throw new MalformedDataException(what + " is negative");
        }
        return b.intValue();
    }

    public static Tlv integer(long value) {
        return Tlv.of(INTEGER, BigInteger.valueOf(value).toByteArray());
    }
}
