package vn.cccd.reader.lds;

import java.util.Objects;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.tlv.Tlv;

/** DG14: the security infos for Chip Authentication (and PACE, AA) inside tag {@code 6E}. */
public record Dg14File(SecurityInfos securityInfos) {
    public Dg14File {
        Objects.requireNonNull(securityInfos, "securityInfos");
    }

    public static Dg14File parse(byte[] encoded) {
        Tlv root = LdsTlv.root(encoded, LdsFile.DG14);
        if (root.children().size() != 1) {
            throw new MalformedDataException("DG14 must hold exactly one SET of SecurityInfos");
        }
        return new Dg14File(SecurityInfos.fromSet(root.children().get(0), "DG14"));
    }

    public byte[] encode() {
        return Tlv.of(LdsFile.DG14.tag(), securityInfos.toTlv()).encode();
    }
}
