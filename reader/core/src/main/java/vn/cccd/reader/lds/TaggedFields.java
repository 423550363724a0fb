package vn.cccd.reader.lds;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.tlv.Tlv;

/**
 * The shared shape of DG11 and DG12 (ICAO 9303-10): a tag list {@code 5C} followed by one element per tag; a
 * repeated element (other names, other persons) sits in {@code A0 { 02 count, element... }}.
 */
final class TaggedFields {
    static final int TAG_LIST = 0x5C;
    static final int CONTENT_SPECIFIC = 0xA0;
    static final int COUNT = 0x02;
    /** More repeated names than this is not a real document. */
    static final int MAX_REPEAT = 64;

    private final String file;
    private final Map<Integer, byte[]> values = new LinkedHashMap<>();
    private final Map<Integer, List<byte[]>> repeated = new LinkedHashMap<>();

    private TaggedFields(String file) {
        this.file = file;
    }

    /** Reads every element; unknown tags are ignored, a repeated tag is an error. */
    static TaggedFields parse(byte[] encoded, LdsFile which, int repeatedTag) {
        Tlv root = LdsTlv.root(encoded, which);
        TaggedFields out = new TaggedFields(which.contractName());
        for (Tlv t : root.children()) {
            if (t.tag() == TAG_LIST) {
                continue; // presence is read from the elements themselves
            }
            if (t.tag() == CONTENT_SPECIFIC) {
                out.readRepeated(t, repeatedTag);
            } else if (t.tag() == repeatedTag) {
                out.repeated.computeIfAbsent(repeatedTag, k -> new ArrayList<>()).add(t.value());
            } else if (!t.isConstructed()) {
                if (out.values.put(t.tag(), t.value()) != null) {
                    throw new MalformedDataException(which.contractName() + " has tag " + Tlv.tagHex(t.tag())
                            + " twice");
                }
            }
        }
        return out;
    }

    private void readRepeated(Tlv block, int repeatedTag) {
        List<Tlv> kids = block.children();
        if (kids.isEmpty() || kids.get(0).tag() != COUNT) {
            throw new MalformedDataException(file + " A0 block lacks its count");
        }
        int count = LdsTlv.smallInt(kids.get(0), file + " A0 count");
        List<byte[]> names = repeated.computeIfAbsent(repeatedTag, k -> new ArrayList<>());
        for (Tlv k : kids.subList(1, kids.size())) {
            if (k.tag() != repeatedTag) {
                throw new MalformedDataException(file + " A0 block holds tag " + Tlv.tagHex(k.tag()));
            }
            if (names.size() >= MAX_REPEAT) {
                throw new MalformedDataException(file + " repeats a field more than " + MAX_REPEAT + " times");
            }
            names.add(k.value());
        }
        if (count != kids.size() - 1) {
            throw new MalformedDataException(file + " A0 count " + count + " but " + (kids.size() - 1) + " entries");
        }
    }

    String text(int tag) {
        byte[] v = values.get(tag);
        return v == null ? null : vn.cccd.reader.util.Text.nfcOrNull(LdsText.utf8(v, file + " " + Tlv.tagHex(tag)));
    }

    byte[] bytes(int tag) {
        byte[] v = values.get(tag);
        return v == null ? null : v.clone();
    }

    List<String> repeatedText(int tag) {
        List<String> out = new ArrayList<>();
        for (byte[] v : repeated.getOrDefault(tag, List.of())) {
            String s = vn.cccd.reader.util.Text.nfcOrNull(LdsText.utf8(v, file + " " + Tlv.tagHex(tag)));
            if (s != null) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    /**
     * A full date {@code yyyyMMdd}: 8 ASCII digits, or the 4-byte BCD form some issuers write; returned as
     * 8 digits, or null when absent.
     */
    String fullDate(int tag, int digits) {
        byte[] v = values.get(tag);
        if (v == null) {
            return null;
        }
        String s;
        if (v.length == digits / 2 && !isAsciiDigits(v)) {
            s = vn.cccd.reader.util.Hex.encode(v);
        } else {
            s = LdsText.ascii(v, file + " date " + Tlv.tagHex(tag));
        }
        if (!s.matches("[0-9]{" + digits + "}")) {
            throw new MalformedDataException(file + " date " + Tlv.tagHex(tag) + " is not " + digits + " digits");
        }
        return s;
    }

    private static boolean isAsciiDigits(byte[] v) {
        for (byte b : v) {
            if (b < '0' || b > '9') {
                return false;
            }
        }
        return true;
    }

    /** Writes the file: tag list, then the elements in the order given; null values are left out. */
    static final class Writer {
        private final List<Integer> tags = new ArrayList<>();
        private final List<Tlv> elements = new ArrayList<>();

        Writer text(int tag, String value) {
            return value == null ? this : bytes(tag, LdsText.utf8Bytes(value));
        }

        Writer bytes(int tag, byte[] value) {
            if (value != null) {
                tags.add(tag);
                elements.add(Tlv.of(tag, value));
            }
            return this;
        }

        Writer repeated(int tag, List<String> values) {
            if (!values.isEmpty()) {
                List<Tlv> kids = new ArrayList<>();
                kids.add(LdsTlv.integer(values.size()));
                for (String v : values) {
                    kids.add(Tlv.of(tag, LdsText.utf8Bytes(v)));
                }
                tags.add(tag);
                elements.add(Tlv.of(CONTENT_SPECIFIC, kids));
            }
            return this;
        }

        byte[] encode(LdsFile file) {
            ByteArrayOutputStream list = new ByteArrayOutputStream();
            for (int t : tags) {
                list.writeBytes(Tlv.encodeTag(t));
            }
            List<Tlv> all = new ArrayList<>();
            all.add(Tlv.of(TAG_LIST, list.toByteArray()));
            all.addAll(elements);
            return Tlv.of(file.tag(), all).encode();
        }
    }
}
