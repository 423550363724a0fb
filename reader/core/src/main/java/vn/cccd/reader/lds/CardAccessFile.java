package vn.cccd.reader.lds;

import java.util.Objects;

/** EF.CardAccess: the security infos (PACE) readable before access control; the file is the bare SET. */
public record CardAccessFile(SecurityInfos securityInfos) {
    public CardAccessFile {
        Objects.requireNonNull(securityInfos, "securityInfos");
    }

    public static CardAccessFile parse(byte[] encoded) {
        try {
            return new CardAccessFile(SecurityInfos.parse(encoded));
        } catch (vn.cccd.reader.error.MalformedDataException e) {
            throw new vn.cccd.reader.error.MalformedDataException("EF.CardAccess: " + e.getMessage(), e);
        }
    }

    public byte[] encode() {
        return securityInfos.encode();
    }
}
