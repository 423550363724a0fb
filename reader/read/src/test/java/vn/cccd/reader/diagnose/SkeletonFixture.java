package vn.cccd.reader.diagnose;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import vn.cccd.reader.util.Hex;

/**
 * A file rebuilt from a card report's TLV skeleton, as a developer would make a fixture from a card owner's report:
 * the same tags and lengths, the shown values (OIDs, small INTEGERs), and filler of the reported class and length
 * everywhere else (digit shapes filled with a valid date's digits, letters of the reported byte length).
 */
final class SkeletonFixture {
    /** Digits for shapes: "99/99/9999" becomes 01/01/2000, twelve digits 010120000101. */
    private static final String DIGITS = "01012000";

    private SkeletonFixture() {
    }

    static byte[] build(JsonNode nodes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (JsonNode n : nodes) {
            out.writeBytes(node(n));
        }
        return out.toByteArray();
    }

    private static byte[] node(JsonNode n) {
        if (n.hasNonNull("error")) {
            throw new IllegalArgumentException("the skeleton has an error node: " + n.get("error").asText());
        }
        byte[] tag = Hex.decode(n.get("tag").asText());
        byte[] value;
        if (n.has("children")) {
            value = build(n.get("children"));
        } else {
            value = filler(n);
        }
        int length = n.get("length").asInt();
        if (value.length != length) {
            throw new IllegalStateException("rebuilt " + n.get("tag").asText() + " has " + value.length
                    + " bytes, the report says " + length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(tag);
        out.writeBytes(length(value.length));
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] filler(JsonNode n) {
        int length = n.get("length").asInt();
        String tag = n.get("tag").asText();
        if (n.hasNonNull("value")) {
            String v = n.get("value").asText();
            if (tag.equals("06")) {
                return oid(v);
            }
            if (tag.equals("02")) {
                return new byte[] {(byte) Integer.parseInt(v)};
            }
            return v.getBytes(StandardCharsets.US_ASCII);
        }
        if (n.hasNonNull("shape")) {
            StringBuilder s = new StringBuilder();
            int d = 0;
            for (char c : n.get("shape").asText().toCharArray()) {
                s.append(c == '9' ? DIGITS.charAt(d++ % DIGITS.length()) : c);
            }
            return s.toString().getBytes(StandardCharsets.US_ASCII);
        }
        if (n.hasNonNull("chars")) {
            return letters(length, n.get("chars").asInt(), n.path("kind").asText());
        }
        return new byte[length];
    }

    /** {@code chars} characters in {@code bytes} UTF-8 bytes: 'ầ' (3 bytes), 'ư' (2) and 'a' (1). */
    private static byte[] letters(int bytes, int chars, String kind) {
        int extra = bytes - chars;
        if (extra < 0 || extra > 2 * chars) {
            throw new IllegalStateException("no filler of " + chars + " characters in " + bytes + " bytes");
        }
        StringBuilder s = new StringBuilder();
        boolean upper = kind.startsWith("upper-case");
        for (int i = 0; i < chars; i++) {
            if (extra >= 2) {
                s.append(upper ? 'Ầ' : 'ầ');
                extra -= 2;
            } else if (extra == 1) {
                s.append(upper ? 'Ư' : 'ư');
                extra--;
            } else {
                s.append(upper ? 'A' : 'a');
            }
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        base128(out, BigInteger.valueOf(Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1])));
        for (int i = 2; i < arcs.length; i++) {
            base128(out, new BigInteger(arcs[i]));
        }
        return out.toByteArray();
    }

    private static void base128(ByteArrayOutputStream out, BigInteger v) {
        byte[] tmp = new byte[20];
        int n = 0;
        do {
            tmp[n++] = (byte) (v.intValue() & 0x7F);
            v = v.shiftRight(7);
        } while (v.signum() > 0);
        for (int i = n - 1; i >= 0; i--) {
            out.write(tmp[i] | (i > 0 ? 0x80 : 0));
        }
    }

    private static byte[] length(int n) {
        if (n < 0x80) {
            return new byte[] {(byte) n};
        }
        if (n < 0x100) {
            return new byte[] {(byte) 0x81, (byte) n};
        }
        if (n < 0x10000) {
            return new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
        }
        return new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
    }
}
