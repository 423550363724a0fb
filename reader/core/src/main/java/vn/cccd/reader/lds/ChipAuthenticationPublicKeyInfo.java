package vn.cccd.reader.lds;

import java.math.BigInteger;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.tlv.Tlv;

/**
 * ChipAuthenticationPublicKeyInfo: the chip's static key agreement key (EC or DH) with its key ID. The
 * SubjectPublicKeyInfo bytes are kept as stored; {@link #publicKey()} is the decoded key.
 */
public final class ChipAuthenticationPublicKeyInfo implements SecurityInfo {
    private final String protocol;
    private final byte[] subjectPublicKeyInfo;
    private final PublicKey publicKey;
    private final BigInteger keyId;

    private ChipAuthenticationPublicKeyInfo(String protocol, byte[] spki, BigInteger keyId) {
        if (!protocol.equals(PublicKeys.ID_PK_DH) && !protocol.equals(PublicKeys.ID_PK_ECDH)) {
            throw new IllegalArgumentException("a ChipAuthenticationPublicKeyInfo protocol is id-PK-DH or id-PK-ECDH");
        }
        this.protocol = protocol;
        this.subjectPublicKeyInfo = spki.clone();
        this.publicKey = PublicKeys.fromSubjectPublicKeyInfo(spki, EnumSet.of(PublicKeys.Family.EC,
                PublicKeys.Family.DH), "ChipAuthenticationPublicKeyInfo key");
        this.keyId = keyId;
    }

    /** From a key: id-PK-ECDH for an EC key, id-PK-DH for a DH key. */
    public static ChipAuthenticationPublicKeyInfo of(PublicKey key, BigInteger keyId) {
        PublicKeys.Family f = PublicKeys.familyOf(key)
                .orElseThrow(() -> new IllegalArgumentException("Chip Authentication keys are EC or DH"));
        String protocol = switch (f) {
            case EC -> PublicKeys.ID_PK_ECDH;
            case DH -> PublicKeys.ID_PK_DH;
            case RSA -> throw new IllegalArgumentException("Chip Authentication keys are EC or DH");
        };
        return new ChipAuthenticationPublicKeyInfo(protocol, key.getEncoded(), keyId);
    }

    static ChipAuthenticationPublicKeyInfo decode(String protocol, List<Tlv> rest) {
        if (rest.isEmpty() || rest.size() > 2 || rest.get(0).tag() != LdsTlv.SEQUENCE) {
            throw new MalformedDataException("ChipAuthenticationPublicKeyInfo lacks its SubjectPublicKeyInfo");
        }
        BigInteger keyId = rest.size() > 1 ? SecurityInfos.keyId(rest.get(1), "ChipAuthenticationPublicKeyInfo keyId")
                : null;
        return new ChipAuthenticationPublicKeyInfo(protocol, rest.get(0).encode(), keyId);
    }

    @Override
    public String protocol() {
        return protocol;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public byte[] subjectPublicKeyInfo() {
        return subjectPublicKeyInfo.clone();
    }

    /** Null when absent. */
    public BigInteger keyId() {
        return keyId;
    }

    @Override
    public Tlv toTlv() {
        List<Tlv> kids = new ArrayList<>(List.of(Oids.encode(protocol), Tlv.parse(subjectPublicKeyInfo)));
        if (keyId != null) {
            kids.add(Tlv.of(LdsTlv.INTEGER, keyId.toByteArray()));
        }
        return Tlv.of(LdsTlv.SEQUENCE, kids);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChipAuthenticationPublicKeyInfo c && c.protocol.equals(protocol)
                && Arrays.equals(c.subjectPublicKeyInfo, subjectPublicKeyInfo) && Objects.equals(c.keyId, keyId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(protocol, Arrays.hashCode(subjectPublicKeyInfo), keyId);
    }

    @Override
    public String toString() {
        return "ChipAuthenticationPublicKeyInfo[" + protocol + ", " + publicKey.getAlgorithm() + ", keyId " + keyId + "]";
    }
}
