package vn.cccd.reader.lds;

import java.util.Optional;

/**
 * The elementary files of the eMRTD LDS1 application (ICAO Doc 9303-10), with the names the public contract
 * uses ({@code "COM"}, {@code "SOD"}, {@code "DG1"} … {@code "DG16"}, {@code "CardAccess"}), their file
 * identifiers, short file identifiers and outer tags.
 *
 * <p>EF.CardAccess lives in the master file, not in the application; it has no application tag of its own
 * (the file is a bare {@code SET OF SecurityInfo}), so its {@link #tag()} is the SET tag {@code 31}.
 */
public enum LdsFile {
    COM("COM", 0x011E, 0x1E, 0x60, 0),
    SOD("SOD", 0x011D, 0x1D, 0x77, 0),
    DG1("DG1", 0x0101, 0x01, 0x61, 1),
    DG2("DG2", 0x0102, 0x02, 0x75, 2),
    DG3("DG3", 0x0103, 0x03, 0x63, 3),
    DG4("DG4", 0x0104, 0x04, 0x76, 4),
    DG5("DG5", 0x0105, 0x05, 0x65, 5),
    DG6("DG6", 0x0106, 0x06, 0x66, 6),
    DG7("DG7", 0x0107, 0x07, 0x67, 7),
    DG8("DG8", 0x0108, 0x08, 0x68, 8),
    DG9("DG9", 0x0109, 0x09, 0x69, 9),
    DG10("DG10", 0x010A, 0x0A, 0x6A, 10),
    DG11("DG11", 0x010B, 0x0B, 0x6B, 11),
    DG12("DG12", 0x010C, 0x0C, 0x6C, 12),
    DG13("DG13", 0x010D, 0x0D, 0x6D, 13),
    DG14("DG14", 0x010E, 0x0E, 0x6E, 14),
    DG15("DG15", 0x010F, 0x0F, 0x6F, 15),
    DG16("DG16", 0x0110, 0x10, 0x70, 16),
    CARD_ACCESS("CardAccess", 0x011C, 0x1C, 0x31, 0);

    private final String contractName;
    private final int fid;
    private final int sfi;
    private final int tag;
    private final int dataGroupNumber;

    LdsFile(String contractName, int fid, int sfi, int tag, int dataGroupNumber) {
        this.contractName = contractName;
        this.fid = fid;
        this.sfi = sfi;
        this.tag = tag;
        this.dataGroupNumber = dataGroupNumber;
    }

    /** The name in the contract JSON ({@code dataGroups}, {@code dataGroupHashes}) and in saved file names. */
    public String contractName() {
        return contractName;
    }

    /** The 2-byte file identifier for SELECT. */
    public int fid() {
        return fid;
    }

    /** The short file identifier for READ BINARY with P1 = 0x80 | SFI. */
    public int sfi() {
        return sfi;
    }

    /** The outer tag of the file's content. */
    public int tag() {
        return tag;
    }

    /** 1..16 for a data group, 0 for EF.COM, EF.SOD and EF.CardAccess. */
    public int dataGroupNumber() {
        return dataGroupNumber;
    }

    public boolean isDataGroup() {
        return dataGroupNumber > 0;
    }

    /** The file's name in a {@code --save} directory, such as {@code DG13.bin}. */
    public String fileName() {
        return contractName + ".bin";
    }

    /** By contract name, case-sensitive ({@code "DG1"}, {@code "CardAccess"}). */
    public static Optional<LdsFile> byContractName(String name) {
        for (LdsFile f : values()) {
            if (f.contractName.equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public static Optional<LdsFile> byFid(int fid) {
        for (LdsFile f : values()) {
            if (f.fid == fid) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** By outer tag, as listed in EF.COM's tag list. */
    public static Optional<LdsFile> byTag(int tag) {
        for (LdsFile f : values()) {
            if (f.tag == tag) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Data group 1..16. */
    public static LdsFile dataGroup(int number) {
        if (number < 1 || number > 16) {
            throw new IllegalArgumentException("data groups are numbered 1..16, got " + number);
        }
        return values()[DG1.ordinal() + number - 1];
    }
}
