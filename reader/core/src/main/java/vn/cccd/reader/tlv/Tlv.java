package vn.cccd.reader.tlv;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.util.Hex;

/**
 * An immutable BER-TLV node. Parsing is strict and bounded: tags of at most 3 bytes, definite lengths of
 * at most 4 bytes that must fit in the input, nesting of at most {@link #MAX_DEPTH} levels. Any violation
 * is a {@link MalformedDataException}.
 */
public final class Tlv {
    public static final int MAX_DEPTH = 32;

    private final int tag;
    private final byte[] value;
    private final List<Tlv> children; // null when primitive

    private Tlv(int tag, byte[] value, List<Tlv> children) {
        this.tag = tag;
        this.value = value;
        this.children = children;
    }

    /** A node from its raw value. */
    public static Tlv of(int tag, byte[] value) {
        // A constructed tag with raw content is allowed too; its children are parsed on demand.
        return new Tlv(tag, value.clone(), null);
    }

    /** A constructed node built from children. */
    public static Tlv of(int tag, Tlv... children) {
        return of(tag, List.of(children));
    }

    public static Tlv of(int tag, List<Tlv> children) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Tlv c : children) {
            out.writeBytes(c.encode());
        }
        return new Tlv(tag, out.toByteArray(), List.copyOf(children));
    }

    /** Parses exactly one TLV that must span the whole input. */
    public static Tlv parse(byte[] bytes) {
        Cursor c = new Cursor(bytes, 0, bytes.length);
        Tlv t = read(c, 0);
        if (c.pos != bytes.length) {
            throw new MalformedDataException("trailing bytes after TLV " + tagHex(t.tag) + ": " + (bytes.length - c.pos));
        }
        return t;
    }

    /** Parses the first TLV of the input and ignores what follows (files padded by the card). */
    public static Tlv parseFirst(byte[] bytes) {
        return read(new Cursor(bytes, 0, bytes.length), 0);
    }

    /** Parses a concatenation of TLVs. */
    public static List<Tlv> parseAll(byte[] bytes) {
        return parseSequence(bytes, 0, bytes.length, 0);
    }

    /**
     * From the first bytes of an encoded TLV, the total encoded length (header plus value), or -1 when the
     * prefix is too short to tell. Used to learn a file's size from its first block.
     */
    public static int totalLength(byte[] prefix) {
        try {
            Cursor c = new Cursor(prefix, 0, prefix.length);
            readTag(c);
            int len = readLength(c, false);
            return c.pos + len;
        } catch (Truncated e) {
            return -1;
        }
    }

    public int tag() {
        return tag;
    }

    public byte[] value() {
        return value.clone();
    }

    public int length() {
        return value.length;
    }

    public boolean isConstructed() {
        return isConstructedTag(tag);
    }

    /** Children of a constructed node (parsed from the value). */
    public List<Tlv> children() {
        if (children != null) {
            return children;
        }
        if (!isConstructed()) {
            throw new MalformedDataException("TLV " + tagHex(tag) + " is primitive and has no children");
        }
        return parseSequence(value, 0, value.length, 1);
    }

    /** The first direct child with the tag. */
    public Optional<Tlv> find(int childTag) {
        for (Tlv c : children()) {
            if (c.tag == childTag) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The first direct child with the tag, or a typed error naming what is missing. */
    public Tlv require(int childTag) {
        return find(childTag).orElseThrow(() -> new MalformedDataException(
                "TLV " + tagHex(tag) + " lacks required child " + tagHex(childTag)));
    }

    public List<Tlv> findAll(int childTag) {
        List<Tlv> out = new ArrayList<>();
        for (Tlv c : children()) {
            if (c.tag == childTag) {
                out.add(c);
            }
        }
        return out;
    }

    public byte[] encode() {
        byte[] t = encodeTag(tag);
        byte[] l = encodeLength(value.length);
        byte[] out = new byte[t.length + l.length + value.length];
        System.arraycopy(t, 0, out, 0, t.length);
        System.arraycopy(l, 0, out, t.length, l.length);
        System.arraycopy(value, 0, out, t.length + l.length, value.length);
        return out;
    }

    public static boolean isConstructedTag(int tag) {
        int first = tag;
        while (first > 0xFF) {
            first >>= 8;
        }
        return (first & 0x20) != 0;
    }

    public static byte[] encodeTag(int tag) {
        if (tag <= 0xFF) {
            return new byte[] {(byte) tag};
        }
        if (tag <= 0xFFFF) {
            return new byte[] {(byte) (tag >> 8), (byte) tag};
        }
        return new byte[] {(byte) (tag >> 16), (byte) (tag >> 8), (byte) tag};
    }

    public static byte[] encodeLength(int len) {
        if (len < 0x80) {
            return new byte[] {(byte) len};
        }
        if (len <= 0xFF) {
            return new byte[] {(byte) 0x81, (byte) len};
        }
        if (len <= 0xFFFF) {
            return new byte[] {(byte) 0x82, (byte) (len >> 8), (byte) len};
        }
        if (len <= 0xFFFFFF) {
            return new byte[] {(byte) 0x83, (byte) (len >> 16), (byte) (len >> 8), (byte) len};
        }
        return new byte[] {(byte) 0x84, (byte) (len >> 24), (byte) (len >> 16), (byte) (len >> 8), (byte) len};
    }

    public static String tagHex(int tag) {
        return Hex.encode(encodeTag(tag));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tlv t && t.tag == tag && Arrays.equals(t.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * tag + Arrays.hashCode(value);
    }

    /** Tag and length only: values may be personal data. */
    @Override
    public String toString() {
        return "Tlv[" + tagHex(tag) + ", " + value.length + " bytes]";
    }

    // ---- parsing ----

    private static final class Cursor {
        final byte[] buf;
        int pos;
        final int end;

        Cursor(byte[] buf, int pos, int end) {
            this.buf = buf;
            this.pos = pos;
            this.end = end;
        }

        int next() {
            if (pos >= end) {
                throw new Truncated();
            }
            return buf[pos++] & 0xFF;
        }
    }

    /** Internal signal for running out of input; surfaces as MalformedDataException. */
    private static final class Truncated extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Truncated() {
            super(null, null, false, false);
        }
    }

    private static List<Tlv> parseSequence(byte[] buf, int from, int to, int depth) {
        List<Tlv> out = new ArrayList<>();
        Cursor c = new Cursor(buf, from, to);
        while (c.pos < to) {
            out.add(read(c, depth));
        }
        return List.copyOf(out);
    }

    private static Tlv read(Cursor c, int depth) {
        if (depth > MAX_DEPTH) {
            throw new MalformedDataException("TLV nesting deeper than " + MAX_DEPTH);
        }
        try {
            int start = c.pos;
            int tag = readTag(c);
            int len = readLength(c, true);
            byte[] value = Arrays.copyOfRange(c.buf, c.pos, c.pos + len);
            c.pos += len;
            if (isConstructedTag(tag)) {
                // validate structure eagerly so that a malformed tree fails at parse time
                List<Tlv> kids = parseSequence(value, 0, value.length, depth + 1);
                return new Tlv(tag, value, kids);
            }
            if (c.pos <= start) {
                throw new MalformedDataException("TLV parser made no progress");
            }
            return new Tlv(tag, value, null);
        } catch (Truncated e) {
            throw new MalformedDataException("truncated TLV");
        }
    }

    private static int readTag(Cursor c) {
        int b = c.next();
        if (b == 0x00 || b == 0xFF) {
            throw new MalformedDataException(String.format("invalid TLV tag byte %02X", b));
        }
        int tag = b;
        if ((b & 0x1F) == 0x1F) {
            int n = 0;
            do {
                b = c.next();
                tag = (tag << 8) | b;
                if (++n > 2) {
                    throw new MalformedDataException("TLV tag longer than 3 bytes");
                }
            } while ((b & 0x80) != 0);
        }
        return tag;
    }

    /** The length at the cursor, by {@link BerLength}; {@code mustFit}: the value must fit in the input. */
    private static int readLength(Cursor c, boolean mustFit) {
        if (BerLength.truncated(c.buf, c.pos, c.end)) {
            throw new Truncated();
        }
        BerLength.Field f = mustFit ? BerLength.read(c.buf, c.pos, c.end, "TLV")
                : BerLength.readField(c.buf, c.pos, c.end, "TLV");
        c.pos += f.octets();
        return f.length();
    }
}
