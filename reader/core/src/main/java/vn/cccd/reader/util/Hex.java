package vn.cccd.reader.util;

import java.util.HexFormat;

/** Hex helpers. Parsing accepts spaces and newlines so fixtures can be written readably ("6F 10 ..."). */
public final class Hex {
    private static final HexFormat UPPER = HexFormat.of().withUpperCase();

    private Hex() {
    }

    public static byte[] decode(String hex) {
        String compact = hex.replaceAll("\\s+", "");
        if (compact.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits");
        }
        return HexFormat.of().parseHex(compact);
    }

    public static String encode(byte[] bytes) {
        return UPPER.formatHex(bytes);
    }

    public static String encode(byte[] bytes, int offset, int length) {
        return UPPER.formatHex(bytes, offset, offset + length);
    }
}
