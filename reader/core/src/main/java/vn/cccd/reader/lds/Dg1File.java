package vn.cccd.reader.lds;

import java.util.Objects;
import vn.cccd.reader.tlv.Tlv;

/** DG1: the MRZ ({@code 61 { 5F1F mrz }}). A CCCD's DG1 is 95 bytes holding a 90-character TD1. */
public record Dg1File(Mrz mrz) {
    public static final int TAG_MRZ = 0x5F1F;

    public Dg1File {
        Objects.requireNonNull(mrz, "mrz");
    }

    public static Dg1File parse(byte[] encoded) {
        Tlv root = LdsTlv.root(encoded, LdsFile.DG1);
        String text = LdsText.ascii(root.require(TAG_MRZ).value(), "DG1 MRZ");
        return new Dg1File(Mrz.parse(text));
    }

    public byte[] encode() {
        return Tlv.of(LdsFile.DG1.tag(), Tlv.of(TAG_MRZ, LdsText.asciiBytes(mrz.compact()))).encode();
    }

    @Override
    public String toString() {
        return "Dg1File[" + mrz + "]";
    }
}
