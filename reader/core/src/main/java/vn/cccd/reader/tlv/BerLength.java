package vn.cccd.reader.tlv;

import vn.cccd.reader.error.MalformedDataException;

/**
 * The one decoder of BER definite length fields (ISO/IEC 8825-1 8.1.3): one octet below 0x80, or 0x81..0x84 followed
 * by that many octets. The indefinite form (0x80) and longer fields are refused, and the value must fit in what is
 * left of the input, so no caller reads past its buffer.
 */
public final class BerLength {
    private static final int MAX_LENGTH_OCTETS = 4;

    /** A decoded field: the value's length and how many octets the length field took. */
    public record Field(int length, int octets) {
    }

    private BerLength() {
    }

    /**
     * Decodes the length field starting at {@code pos} of {@code data}, whose usable part ends at {@code end}
     * (exclusive), and checks that the value fits before {@code end}; {@code what} names the object in the error.
     */
    public static Field read(byte[] data, int pos, int end, String what) {
        Field f = readField(data, pos, end, what);
        long left = (long) end - pos - f.octets();
        if (f.length() > left) {
            throw new MalformedDataException(what + ": length " + f.length() + " runs past the end (" + left
                    + " bytes left)");
        }
        return f;
    }

    /** As {@link #read} without the check that the value fits: for learning a file's size from its first block. */
    public static Field readField(byte[] data, int pos, int end, String what) {
        if (pos >= end) {
            throw new MalformedDataException(what + ": no length");
        }
        int first = data[pos] & 0xFF;
        if (first < 0x80) {
            return new Field(first, 1);
        }
        if (first == 0x80) {
            throw new MalformedDataException(what + ": indefinite length");
        }
        int n = first & 0x7F;
        if (n > MAX_LENGTH_OCTETS) {
            throw new MalformedDataException(what + ": length field of " + n + " bytes");
        }
        if (n > end - pos - 1) {
            throw new MalformedDataException(what + ": length field runs past the end");
        }
        long length = 0;
        for (int i = 1; i <= n; i++) {
            length = (length << 8) | (data[pos + i] & 0xFF);
        }
        if (length > Integer.MAX_VALUE) {
            throw new MalformedDataException(what + ": length too large: " + length);
        }
        return new Field((int) length, 1 + n);
    }

    /** True when the length field starting at {@code pos} is cut off by {@code end} (more input would tell). */
    public static boolean truncated(byte[] data, int pos, int end) {
        if (pos >= end) {
            return true;
        }
        int first = data[pos] & 0xFF;
        int n = first > 0x80 ? first & 0x7F : 0;
        return n <= MAX_LENGTH_OCTETS && n > end - pos - 1;
    }
}
