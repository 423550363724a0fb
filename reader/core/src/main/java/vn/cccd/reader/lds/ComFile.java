package vn.cccd.reader.lds;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.tlv.Tlv;

/**
 * EF.COM: LDS version ({@code 5F01}, four digits "aabb"), Unicode version ({@code 5F36}, six digits
 * "aabbcc") and the tags of the data groups present ({@code 5C}). A CCCD lists DG1, 2, 3, 13, 15, 14 with
 * LDS 0107 and Unicode 040000.
 *
 * @param ldsVersion as stored, e.g. "0107"
 * @param unicodeVersion as stored, e.g. "040000"
 * @param tagList the data-group tags in the order the file lists them (unknown tags are kept)
 */
public record ComFile(String ldsVersion, String unicodeVersion, List<Integer> tagList) {
    public static final int TAG_LDS_VERSION = 0x5F01;
    public static final int TAG_UNICODE_VERSION = 0x5F36;
    public static final int TAG_TAG_LIST = 0x5C;
    /** The versions written by CCCD chips (cccd-card.md §1.1). */
    public static final String LDS_1_7 = "0107";
    public static final String UNICODE_4_0_0 = "040000";
    /** The data groups a CCCD lists, in its order. */
    public static final List<LdsFile> CCCD_DATA_GROUPS = List.of(
            LdsFile.DG1, LdsFile.DG2, LdsFile.DG3, LdsFile.DG13, LdsFile.DG15, LdsFile.DG14);

    private static final Pattern LDS = Pattern.compile("[0-9]{4}");
    private static final Pattern UNICODE = Pattern.compile("[0-9]{6}");

    public ComFile {
        if (ldsVersion == null || !LDS.matcher(ldsVersion).matches()) {
            throw new IllegalArgumentException("LDS version must be 4 digits, e.g. 0107");
        }
        if (unicodeVersion == null || !UNICODE.matcher(unicodeVersion).matches()) {
            throw new IllegalArgumentException("Unicode version must be 6 digits, e.g. 040000");
        }
        tagList = List.copyOf(tagList);
        for (int tag : tagList) {
            if (tag < 0x01 || tag > 0xFF) {
                throw new IllegalArgumentException("tag list entries are one byte, got " + Integer.toHexString(tag));
            }
        }
    }

    /** EF.COM with LDS 0107 and Unicode 040000 listing the given data groups. */
    public static ComFile of(List<LdsFile> dataGroups) {
        List<Integer> tags = new ArrayList<>();
        for (LdsFile f : dataGroups) {
            if (!f.isDataGroup()) {
                throw new IllegalArgumentException(f.contractName() + " is not a data group");
            }
            tags.add(f.tag());
        }
        return new ComFile(LDS_1_7, UNICODE_4_0_0, tags);
    }

    public static ComFile parse(byte[] encoded) {
        Tlv root = LdsTlv.root(encoded, LdsFile.COM);
        String lds = LdsText.ascii(root.require(TAG_LDS_VERSION).value(), "EF.COM LDS version");
        String unicode = LdsText.ascii(root.require(TAG_UNICODE_VERSION).value(), "EF.COM Unicode version");
        if (!LDS.matcher(lds).matches()) {
            throw new MalformedDataException("EF.COM LDS version is not 4 digits");
        }
        if (!UNICODE.matcher(unicode).matches()) {
            throw new MalformedDataException("EF.COM Unicode version is not 6 digits");
        }
        List<Integer> tags = new ArrayList<>();
        for (byte b : root.require(TAG_TAG_LIST).value()) {
            if (b == 0) {
                throw new MalformedDataException("EF.COM tag list contains tag 00");
            }
            tags.add(b & 0xFF);
        }
        return new ComFile(lds, unicode, tags);
    }

    public byte[] encode() {
        byte[] tags = new byte[tagList.size()];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = (byte) (int) tagList.get(i);
        }
        return Tlv.of(LdsFile.COM.tag(),
                Tlv.of(TAG_LDS_VERSION, LdsText.asciiBytes(ldsVersion)),
                Tlv.of(TAG_UNICODE_VERSION, LdsText.asciiBytes(unicodeVersion)),
                Tlv.of(TAG_TAG_LIST, tags)).encode();
    }

    /** The listed data groups this registry knows, in listed order (unknown tags are left out). */
    public List<LdsFile> dataGroups() {
        List<LdsFile> out = new ArrayList<>();
        for (int tag : tagList) {
            LdsFile.byTag(tag).filter(LdsFile::isDataGroup).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    public boolean lists(LdsFile file) {
        return tagList.contains(file.tag());
    }
}
