package vn.cccd.reader.apdu;

import java.util.Arrays;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.util.Hex;

/**
 * An ISO/IEC 7816-4 command APDU as an immutable value.
 *
 * @param ne expected response length: 0 for none, 1..256 short, up to 65536 extended (256 is encoded as Le=00)
 */
public record CommandApdu(int cla, int ins, int p1, int p2, byte[] data, int ne) {
    public static final int MAX_SHORT_NE = 256;
    public static final int MAX_EXTENDED_NE = 65536;

    public CommandApdu {
        if ((cla | ins | p1 | p2) > 0xFF || cla < 0 || ins < 0 || p1 < 0 || p2 < 0) {
            throw new IllegalArgumentException("header bytes must be 0..255");
        }
        data = data == null ? new byte[0] : data.clone();
        if (data.length > 65535) {
            throw new IllegalArgumentException("command data too long: " + data.length);
        }
        if (ne < 0 || ne > MAX_EXTENDED_NE) {
            throw new IllegalArgumentException("Ne out of range: " + ne);
        }
    }

    public CommandApdu(int cla, int ins, int p1, int p2) {
        this(cla, ins, p1, p2, null, 0);
    }

    public CommandApdu(int cla, int ins, int p1, int p2, byte[] data) {
        this(cla, ins, p1, p2, data, 0);
    }

    public CommandApdu(int cla, int ins, int p1, int p2, int ne) {
        this(cla, ins, p1, p2, null, ne);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int dataLength() {
        return data.length;
    }

    /** True when the encoding needs extended length fields. */
    public boolean isExtended() {
        return data.length > 255 || ne > MAX_SHORT_NE;
    }

    public CommandApdu withNe(int newNe) {
        return new CommandApdu(cla, ins, p1, p2, data, newNe);
    }

    public CommandApdu withCla(int newCla) {
        return new CommandApdu(newCla, ins, p1, p2, data, ne);
    }

    /** Encodes the APDU (cases 1-4, short or extended). */
    public byte[] toBytes() {
        boolean ext = isExtended();
        int lc = data.length;
        int len = 4;
        if (lc > 0) {
            len += (ext ? 3 : 1) + lc;
        }
        if (ne > 0) {
            len += ext ? (lc > 0 ? 2 : 3) : 1;
        }
        byte[] out = new byte[len];
        out[0] = (byte) cla;
        out[1] = (byte) ins;
        out[2] = (byte) p1;
        out[3] = (byte) p2;
        int pos = 4;
        if (lc > 0) {
            if (ext) {
                out[pos++] = 0;
                out[pos++] = (byte) (lc >> 8);
                out[pos++] = (byte) lc;
            } else {
                out[pos++] = (byte) lc;
            }
            System.arraycopy(data, 0, out, pos, lc);
            pos += lc;
        }
        if (ne > 0) {
            if (ext) {
                if (lc == 0) {
                    out[pos++] = 0;
                }
                int le = ne == MAX_EXTENDED_NE ? 0 : ne;
                out[pos++] = (byte) (le >> 8);
                out[pos] = (byte) le;
            } else {
                out[pos] = (byte) (ne == MAX_SHORT_NE ? 0 : ne);
            }
        }
        return out;
    }

    /** Parses an encoded command APDU (the card side of the seam). */
    public static CommandApdu parse(byte[] apdu) {
        if (apdu == null || apdu.length < 4) {
            throw new MalformedDataException("command APDU shorter than 4 bytes");
        }
        int cla = apdu[0] & 0xFF;
        int ins = apdu[1] & 0xFF;
        int p1 = apdu[2] & 0xFF;
        int p2 = apdu[3] & 0xFF;
        int rest = apdu.length - 4;
        if (rest == 0) {
            return new CommandApdu(cla, ins, p1, p2);
        }
        int b0 = apdu[4] & 0xFF;
        if (rest == 1) {
            return new CommandApdu(cla, ins, p1, p2, null, b0 == 0 ? 256 : b0);
        }
        if (b0 != 0 || rest < 3) {
            // short case 3 or 4
            int lc = b0;
            if (lc == 0) {
                throw new MalformedDataException("Lc of 0 in a short APDU");
            }
            if (rest == 1 + lc) {
                return new CommandApdu(cla, ins, p1, p2, Arrays.copyOfRange(apdu, 5, 5 + lc), 0);
            }
            if (rest == 2 + lc) {
                int le = apdu[5 + lc] & 0xFF;
                return new CommandApdu(cla, ins, p1, p2, Arrays.copyOfRange(apdu, 5, 5 + lc), le == 0 ? 256 : le);
            }
            throw new MalformedDataException("APDU length does not match Lc");
        }
        // extended: 00 followed by two bytes
        int v = ((apdu[5] & 0xFF) << 8) | (apdu[6] & 0xFF);
        if (rest == 3) {
            return new CommandApdu(cla, ins, p1, p2, null, v == 0 ? 65536 : v);
        }
        int lc = v;
        if (lc == 0) {
            throw new MalformedDataException("extended Lc of 0");
        }
        if (rest == 3 + lc) {
            return new CommandApdu(cla, ins, p1, p2, Arrays.copyOfRange(apdu, 7, 7 + lc), 0);
        }
        if (rest == 5 + lc) {
            int le = ((apdu[7 + lc] & 0xFF) << 8) | (apdu[8 + lc] & 0xFF);
            return new CommandApdu(cla, ins, p1, p2, Arrays.copyOfRange(apdu, 7, 7 + lc), le == 0 ? 65536 : le);
        }
        throw new MalformedDataException("extended APDU length does not match Lc");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CommandApdu c && c.cla == cla && c.ins == ins && c.p1 == p1 && c.p2 == p2
                && c.ne == ne && Arrays.equals(c.data, data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toBytes());
    }

    /** Header and lengths only: never the data, which may hold personal data or key material. */
    @Override
    public String toString() {
        return String.format("CommandApdu[%02X %02X %02X %02X, Lc=%d, Ne=%d]", cla, ins, p1, p2, data.length, ne);
    }

    /** For tests and fixtures only. */
    public String toHex() {
        return Hex.encode(toBytes());
    }
}
