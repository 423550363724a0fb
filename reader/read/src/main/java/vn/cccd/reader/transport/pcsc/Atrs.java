package vn.cccd.reader.transport.pcsc;

/** What an ATR's historical bytes say about the card (ISO/IEC 7816-4 §8.1.1, compact-TLV). */
final class Atrs {
    private Atrs() {
    }

    /** True when the card capabilities (compact-TLV tag 7) announce extended Lc/Le (third byte, bit 0x40). */
    static boolean announcesExtendedLength(byte[] atr) {
        byte[] h = historicalBytes(atr);
        if (h.length < 1 || (h[0] & 0xFF) != 0x80) {
            return false;
        }
        int i = 1;
        int guard = 0;
        while (i < h.length && guard++ < 16) {
            int tag = (h[i] & 0xF0) >> 4;
            int len = h[i] & 0x0F;
            if (i + 1 + len > h.length) {
                return false;
            }
            if (tag == 7 && len >= 3) {
                return (h[i + 3] & 0x40) != 0;
            }
            i += 1 + len;
        }
        return false;
    }

    /** The historical bytes: T0's low nibble gives their count; interface bytes are skipped per their Y flags. */
    static byte[] historicalBytes(byte[] atr) {
        if (atr == null || atr.length < 2) {
            return new byte[0];
        }
        int k = atr[1] & 0x0F;
        int y = atr[1] & 0xF0;
        int i = 2;
        int guard = 0;
        while (y != 0 && guard++ < 8) {
            int next = 0;
            for (int bit = 0x10; bit <= 0x80; bit <<= 1) {
                if ((y & bit) != 0) {
                    if (i >= atr.length) {
                        return new byte[0];
                    }
                    if (bit == 0x80) {
                        next = atr[i] & 0xF0;
                    }
                    i++;
                }
            }
            y = next;
        }
        if (i + k > atr.length) {
            return new byte[0];
        }
        return java.util.Arrays.copyOfRange(atr, i, i + k);
    }
}
