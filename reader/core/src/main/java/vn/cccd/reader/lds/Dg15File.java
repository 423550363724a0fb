package vn.cccd.reader.lds;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.EnumSet;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.tlv.Tlv;

/**
 * DG15: the Active Authentication public key, a SubjectPublicKeyInfo (RSA or EC) inside tag {@code 6F}. The
 * stored bytes are kept for re-encoding; {@link #publicKey()} is the decoded key.
 */
public final class Dg15File {
    private final byte[] subjectPublicKeyInfo;
    private final PublicKey publicKey;

    private Dg15File(byte[] spki) {
        this.subjectPublicKeyInfo = spki.clone();
        this.publicKey = PublicKeys.fromSubjectPublicKeyInfo(spki, EnumSet.of(PublicKeys.Family.RSA,
                PublicKeys.Family.EC), "DG15 public key");
    }

    /** DG15 for an RSA or EC key (its X.509 encoding). */
    public static Dg15File of(PublicKey key) {
        if (!"X.509".equals(key.getFormat())) {
            throw new IllegalArgumentException("the key has no SubjectPublicKeyInfo encoding");
        }
        return new Dg15File(key.getEncoded());
    }

    public static Dg15File parse(byte[] encoded) {
        Tlv root = LdsTlv.root(encoded, LdsFile.DG15);
        if (root.children().size() != 1 || root.children().get(0).tag() != LdsTlv.SEQUENCE) {
            throw new MalformedDataException("DG15 must hold exactly one SubjectPublicKeyInfo");
        }
        return new Dg15File(root.children().get(0).encode());
    }

    public byte[] encode() {
        return Tlv.of(LdsFile.DG15.tag(), Tlv.parse(subjectPublicKeyInfo)).encode();
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public byte[] subjectPublicKeyInfo() {
        return subjectPublicKeyInfo.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dg15File d && Arrays.equals(d.subjectPublicKeyInfo, subjectPublicKeyInfo);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(subjectPublicKeyInfo);
    }

    @Override
    public String toString() {
        return "Dg15File[" + publicKey.getAlgorithm() + "]";
    }
}
