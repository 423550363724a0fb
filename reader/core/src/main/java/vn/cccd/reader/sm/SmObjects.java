package vn.cccd.reader.sm;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.tlv.BerLength;

/**
 * The data objects of a protected APDU, kept as raw slices because the MAC covers the bytes exactly as sent.
 * Only the SM tags (85, 87, 97, 99, 8E) may appear, each at most once.
 */
record SmObjects(byte[] do85or87, int cryptogramTag, byte[] do97, byte[] do99, byte[] do8e, byte[] macInput) {

    static final int MAX_OBJECTS = 8;

    /** Parses the DOs; {@code macInput} is the concatenation of every raw DO before DO'8E'. */
    static SmObjects parse(byte[] data) {
        byte[] crypto = null;
        int cryptoTag = 0;
        byte[] le = null;
        byte[] status = null;
        byte[] mac = null;
        ByteArrayOutputStream covered = new ByteArrayOutputStream();
        int pos = 0;
        int count = 0;
        while (pos < data.length) {
            if (++count > MAX_OBJECTS) {
                throw new MalformedDataException("too many secure messaging data objects");
            }
            int start = pos;
            int tag = data[pos++] & 0xFF;
            BerLength.Field length = BerLength.read(data, pos, data.length, "secure messaging object " + hex(tag));
            pos += length.octets();
            int len = length.length();
            byte[] value = Arrays.copyOfRange(data, pos, pos + len);
            pos += len;
            if (mac != null) {
                throw new MalformedDataException("data after the secure messaging MAC");
            }
            switch (tag) {
                case 0x85, 0x87 -> {
                    if (crypto != null) {
                        throw new MalformedDataException("two secure messaging cryptograms");
                    }
                    crypto = value;
                    cryptoTag = tag;
                }
                case 0x97 -> le = once(le, value, tag);
                case 0x99 -> status = once(status, value, tag);
                case 0x8E -> mac = value;
                default -> throw new MalformedDataException("unexpected secure messaging object " + hex(tag));
            }
            if (tag != 0x8E) {
                covered.write(data, start, pos - start);
            }
        }
        return new SmObjects(crypto, cryptoTag, le, status, mac, covered.toByteArray());
    }

    private static byte[] once(byte[] existing, byte[] value, int tag) {
        if (existing != null) {
            throw new MalformedDataException("secure messaging object " + hex(tag) + " appears twice");
        }
        return value;
    }

    static String hex(int tag) {
        return String.format("'%02X'", tag);
    }
}
