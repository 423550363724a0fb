package vn.cccd.reader.diagnose;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The TLV skeleton of a file: every node's tag and length, and for a primitive node its type, length and character
 * class; no value, except OBJECT IDENTIFIERs, one-byte INTEGERs and (in EF.COM) the version numbers and tag list,
 * which describe the card model and not its holder. A SEQUENCE that starts with a one-byte INTEGER is marked with
 * that INTEGER as its {@code field} index (the DG13 field pattern, in whichever container the card puts it).
 *
 * <p>The walk is tolerant and bounded: a node that does not parse ends its level with an {@code error} node naming
 * the offset, the walk stops at {@link #MAX_DEPTH} levels and {@link #MAX_NODES} nodes, and an indefinite length is
 * followed to its end-of-contents.
 */
public final class TlvSkeleton {
    static final int MAX_DEPTH = 16;
    static final int MAX_NODES = 4000;

    private int nodes;
    private final boolean com;
    private final boolean dg13;

    private TlvSkeleton(boolean com, boolean dg13) {
        this.com = com;
        this.dg13 = dg13;
    }

    /**
     * One node. {@code length} is the value's length in bytes; {@code chars} the number of characters of a text;
     * {@code value} is set only for the kinds named in the class comment.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Node(String tag, String type, Integer field, Integer length, Boolean indefinite, Integer chars,
            String kind, String shape, String value, List<Node> children, String error) {
    }

    /**
     * The skeleton of a file's bytes: the top-level nodes (one for a well-formed file).
     *
     * @param file the file's contract name ("COM", "DG13", ...): EF.COM's versions are shown, DG13's fields marked
     */
    public static List<Node> of(byte[] bytes, String file) {
        return new TlvSkeleton("COM".equals(file), "DG13".equals(file)).level(bytes, 0, bytes.length, 0);
    }

    private List<Node> level(byte[] b, int from, int to, int depth) {
        List<Node> out = new ArrayList<>();
        int pos = from;
        while (pos < to) {
            if (++nodes > MAX_NODES) {
                out.add(error(pos, "more than " + MAX_NODES + " nodes: not walked further"));
                return out;
            }
            int start = pos;
            // tag
            int first = b[pos++] & 0xFF;
            int tag = first;
            if ((first & 0x1F) == 0x1F) {
                int more = 0;
                do {
                    if (pos >= to || ++more > 3) {
                        out.add(error(start, "tag runs past the end or is longer than 4 bytes"));
                        return out;
                    }
                    tag = (tag << 8) | (b[pos] & 0xFF);
                } while ((b[pos++] & 0x80) != 0);
            }
            if (tag == 0 && pos < to && b[pos] == 0) {
                out.add(error(start, "end-of-contents outside an indefinite length"));
                return out;
            }
            // length
            if (pos >= to) {
                out.add(error(start, "length missing"));
                return out;
            }
            int l0 = b[pos++] & 0xFF;
            boolean constructed = (first & 0x20) != 0;
            int length;
            boolean indefinite = false;
            if (l0 < 0x80) {
                length = l0;
            } else if (l0 == 0x80) {
                indefinite = true;
                length = -1;
            } else {
                int n = l0 & 0x7F;
                if (n > 3 || pos + n > to) {
                    out.add(error(start, "length field of " + n + " bytes does not fit"));
                    return out;
                }
                length = 0;
                for (int i = 0; i < n; i++) {
                    length = (length << 8) | (b[pos++] & 0xFF);
                }
            }
            String tagHex = tagHex(tag);
            if (indefinite) {
                if (!constructed || depth >= MAX_DEPTH) {
                    out.add(error(start, "indefinite length on a primitive node or too deep"));
                    return out;
                }
                int end = endOfContents(b, pos, to, 0);
                if (end < 0) {
                    out.add(error(start, "indefinite length without its end-of-contents"));
                    return out;
                }
                List<Node> kids = level(b, pos, end, depth + 1);
                out.add(new Node(tagHex, typeName(tag), field(tag, kids), end - pos, true, null, null, null, null,
                        kids, null));
                pos = end + 2;
                continue;
            }
            if (pos + length > to) {
                out.add(new Node(tagHex, typeName(tag), null, length, null, null, null, null, null, null,
                        "the value runs " + (pos + length - to) + " bytes past the end of its parent"));
                return out;
            }
            if (constructed) {
                if (depth >= MAX_DEPTH) {
                    out.add(new Node(tagHex, typeName(tag), null, length, null, null, null, null, null, null,
                            "deeper than " + MAX_DEPTH + " levels: not walked"));
                } else {
                    List<Node> kids = level(b, pos, pos + length, depth + 1);
                    out.add(new Node(tagHex, typeName(tag), field(tag, kids), length, null, null, null, null, null,
                            kids, null));
                }
            } else {
                out.add(primitive(tag, tagHex, b, pos, length));
            }
            pos += length;
        }
        return out;
    }

    /** The offset of the end-of-contents (00 00) closing an indefinite length that starts at {@code pos}. */
    private static int endOfContents(byte[] b, int pos, int to, int depth) {
        int p = pos;
        int guard = 0;
        while (p + 1 < to && guard++ < MAX_NODES) {
            if (b[p] == 0 && b[p + 1] == 0) {
                return p;
            }
            int first = b[p++] & 0xFF;
            if ((first & 0x1F) == 0x1F) {
                int more = 0;
                while (p < to && (b[p++] & 0x80) != 0) {
                    if (++more > 3) {
                        return -1;
                    }
                }
            }
            if (p >= to) {
                return -1;
            }
            int l0 = b[p++] & 0xFF;
            if (l0 == 0x80) {
                if (depth >= MAX_DEPTH) {
                    return -1;
                }
                int inner = endOfContents(b, p, to, depth + 1);
                if (inner < 0) {
                    return -1;
                }
                p = inner + 2;
                continue;
            }
            int length = l0;
            if (l0 > 0x80) {
                int n = l0 & 0x7F;
                if (n > 3 || p + n > to) {
                    return -1;
                }
                length = 0;
                for (int i = 0; i < n; i++) {
                    length = (length << 8) | (b[p++] & 0xFF);
                }
            }
            p += length;
        }
        return -1;
    }

    /**
     * In DG13, the field index of a SEQUENCE whose first child is a one-byte INTEGER followed only by strings or
     * SEQUENCEs (the field pattern; a container starts with a version INTEGER too, but holds an OID or a SET); else
     * null.
     */
    private Integer field(int tag, List<Node> kids) {
        if (!dg13 || tag != 0x30 || kids.isEmpty() || !"02".equals(kids.get(0).tag()) || kids.get(0).value() == null) {
            return null;
        }
        for (Node k : kids.subList(1, kids.size())) {
            if (k.tag() == null || "06".equals(k.tag()) || "31".equals(k.tag()) || "02".equals(k.tag())) {
                return null;
            }
        }
        return Integer.valueOf(kids.get(0).value());
    }

    private Node primitive(int tag, String tagHex, byte[] b, int pos, int length) {
        byte[] v = java.util.Arrays.copyOfRange(b, pos, pos + length);
        String type = typeName(tag);
        if (tag == 0x06) {
            String oid = oid(v);
            return new Node(tagHex, type, null, length, null, null, oid == null ? "malformed" : null, null, oid, null,
                    null);
        }
        if (tag == 0x02) {
            // a one-byte INTEGER is a version, an index or a parameter id; longer ones (serial numbers, keys) are not shown
            String value = length == 1 ? String.valueOf(v[0]) : null;
            return new Node(tagHex, type, null, length, null, null, value == null ? "integer" : null, null, value,
                    null, null);
        }
        if (tag == 0x01 || tag == 0x05) {
            return new Node(tagHex, type, null, length, null, null, null, null, null, null, null);
        }
        if (com && (tag == 0x5F01 || tag == 0x5F36) && printable(v)) {
            // EF.COM's LDS and Unicode versions: the card model's, the same on every card of a kind
            return new Node(tagHex, type, null, length, null, null, null, null, ascii(v), null, null);
        }
        if (com && tag == 0x5C) {
            StringBuilder tags = new StringBuilder();
            for (byte x : v) {
                tags.append(tags.length() == 0 ? "" : " ").append(String.format("%02X", x & 0xFF));
            }
            return new Node(tagHex, type, null, length, null, null, "tag list", null, tags.toString(), null, null);
        }
        String text = text(tag, v);
        if (text != null) {
            int chars = text.codePointCount(0, text.length());
            return new Node(tagHex, type, null, length, null, chars, ValueClass.of(text), ValueClass.shape(text), null,
                    null, null);
        }
        return new Node(tagHex, type, null, length, null, null, binaryKind(v), null, null, null, null);
    }

    /** The value as text when its type is a string type, or when it is all printable ASCII or UTF-8; else null. */
    private static String text(int tag, byte[] v) {
        switch (tag) {
            case 0x0C, 0x12, 0x13, 0x14, 0x16, 0x17, 0x18, 0x1A, 0x1B, 0x1C -> {
                String s = utf8(v);
                return s != null ? s : new String(v, StandardCharsets.ISO_8859_1);
            }
            case 0x1E -> {
                return v.length % 2 == 0 ? new String(v, StandardCharsets.UTF_16BE) : null;
            }
            case 0x03, 0x04 -> {
                return null;
            }
            default -> {
                if (v.length == 0) {
                    return null;
                }
                String s = utf8(v);
                if (s == null) {
                    return null;
                }
                for (int cp : s.codePoints().toArray()) {
                    if (Character.isISOControl(cp) && cp != '\n') {
                        return null;
                    }
                }
                return s;
            }
        }
    }

    /** "binary", or "binary, a JPEG image" / "JPEG 2000 image" when one starts somewhere in it (DG2). */
    private static String binaryKind(byte[] v) {
        for (int i = 0; i + 3 < v.length; i++) {
            if ((v[i] & 0xFF) == 0xFF && (v[i + 1] & 0xFF) == 0xD8 && (v[i + 2] & 0xFF) == 0xFF) {
                return "binary, holds a JPEG image";
            }
            if (i + 11 < v.length && v[i] == 0 && v[i + 1] == 0 && v[i + 2] == 0 && v[i + 3] == 0x0C
                    && v[i + 4] == 'j' && v[i + 5] == 'P') {
                return "binary, holds a JPEG 2000 image";
            }
            if (v.length < 64) {
                break;
            }
        }
        return "binary";
    }

    private static String utf8(byte[] v) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(v)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean printable(byte[] v) {
        for (byte x : v) {
            if (x < 0x20 || x > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private static String ascii(byte[] v) {
        return new String(v, StandardCharsets.US_ASCII);
    }

    /** Dotted OID text, or null when malformed or longer than a protocol identifier. */
    static String oid(byte[] v) {
        if (v.length == 0 || v.length > 64 || (v[v.length - 1] & 0x80) != 0) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        long arc = 0;
        boolean first = true;
        for (byte x : v) {
            if (arc > (Long.MAX_VALUE >> 8)) {
                return null;
            }
            arc = (arc << 7) | (x & 0x7F);
            if ((x & 0x80) == 0) {
                if (first) {
                    long top = arc >= 80 ? 2 : arc / 40;
                    out.append(top).append('.').append(arc - 40 * top);
                    first = false;
                } else {
                    out.append('.').append(arc);
                }
                arc = 0;
            }
        }
        return out.toString();
    }

    static String tagHex(int tag) {
        return tag > 0xFFFF ? String.format("%06X", tag) : tag > 0xFF ? String.format("%04X", tag)
                : String.format("%02X", tag);
    }

    /** The ASN.1 universal type of a tag, or null for an application or context tag. */
    static String typeName(int tag) {
        return switch (tag) {
            case 0x01 -> "BOOLEAN";
            case 0x02 -> "INTEGER";
            case 0x03 -> "BIT STRING";
            case 0x04 -> "OCTET STRING";
            case 0x05 -> "NULL";
            case 0x06 -> "OBJECT IDENTIFIER";
            case 0x0C -> "UTF8String";
            case 0x12 -> "NumericString";
            case 0x13 -> "PrintableString";
            case 0x14 -> "T61String";
            case 0x16 -> "IA5String";
            case 0x17 -> "UTCTime";
            case 0x18 -> "GeneralizedTime";
            case 0x1A -> "VisibleString";
            case 0x1E -> "BMPString";
            case 0x30 -> "SEQUENCE";
            case 0x31 -> "SET";
            default -> null;
        };
    }

    private static Node error(int offset, String what) {
        return new Node(null, null, null, null, null, null, null, null, null, null, "at offset " + offset + ": " + what);
    }
}
