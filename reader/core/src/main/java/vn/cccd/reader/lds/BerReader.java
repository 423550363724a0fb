package vn.cccd.reader.lds;

import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.tlv.BerLength;

/**
 * A forward-only BER header reader over a byte range, for files whose constructed elements may hold non-TLV
 * bytes (DG2's biometric data block). Same limits as {@link vn.cccd.reader.tlv.Tlv}: tags of at most 3 bytes,
 * definite lengths of at most 4 bytes that must fit the range.
 */
final class BerReader {
    private final byte[] buf;
    private final String what;
    private int pos;
    private final int end;

    BerReader(byte[] buf, int from, int to, String what) {
        this.buf = buf;
        this.pos = from;
        this.end = to;
        this.what = what;
    }

    boolean hasMore() {
        return pos < end;
    }

    int position() {
        return pos;
    }

    /** Reads a tag and a length; returns the tag and leaves the cursor at the value. */
    Element next() {
        int tag = next8();
        if (tag == 0x00 || tag == 0xFF) {
            throw new MalformedDataException(what + ": invalid tag byte " + String.format("%02X", tag));
        }
        if ((tag & 0x1F) == 0x1F) {
            int n = 0;
            int b;
            do {
                b = next8();
                tag = (tag << 8) | b;
                if (++n > 2) {
                    throw new MalformedDataException(what + ": tag longer than 3 bytes");
                }
            } while ((b & 0x80) != 0);
        }
        BerLength.Field length = BerLength.read(buf, pos, end, what);
        pos += length.octets();
        int len = length.length();
        Element e = new Element(tag, pos, pos + len);
        pos += len;
        return e;
    }

    /** The next element, which must have the given tag. */
    Element expect(int tag) {
        if (!hasMore()) {
            throw new MalformedDataException(what + ": missing element " + Integer.toHexString(tag).toUpperCase());
        }
        Element e = next();
        if (e.tag != tag) {
            throw new MalformedDataException(what + ": expected tag " + Integer.toHexString(tag).toUpperCase()
                    + ", found " + Integer.toHexString(e.tag).toUpperCase());
        }
        return e;
    }

    BerReader inside(Element e, String innerWhat) {
        return new BerReader(buf, e.from, e.to, innerWhat);
    }

    byte[] value(Element e) {
        return java.util.Arrays.copyOfRange(buf, e.from, e.to);
    }

    private int next8() {
        if (pos >= end) {
            throw new MalformedDataException(what + ": truncated");
        }
        return buf[pos++] & 0xFF;
    }

    /** A tag with its value range in the buffer. */
    record Element(int tag, int from, int to) {
        int length() {
            return to - from;
        }
    }
}
