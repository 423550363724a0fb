package vn.cccd.reader.lds;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.tlv.Tlv;

/**
 * SubjectPublicKeyInfo (DG15, ChipAuthenticationPublicKeyInfo) to a Java {@link PublicKey}: RSA, EC (named or
 * explicit prime-field parameters, including the TR-03110 id-PK-ECDH form) and DH (X9.42 or PKCS #3
 * parameters, including id-PK-DH). Sizes are checked before any key arithmetic so that a hostile file cannot
 * make validation run for minutes: RSA moduli up to {@value #MAX_RSA_BITS} bits, DH primes up to
 * {@value #MAX_DH_BITS} bits, EC prime fields up to {@value #MAX_EC_FIELD_BITS} bits.
 */
public final class PublicKeys {
    public static final String ID_PK_DH = "0.4.0.127.0.7.2.2.1.1";
    public static final String ID_PK_ECDH = "0.4.0.127.0.7.2.2.1.2";
    static final int MAX_RSA_BITS = 16384;
    static final int MAX_DH_BITS = 4096;
    static final int MAX_EC_FIELD_BITS = 1024;
    private static final ASN1ObjectIdentifier PK_DH = new ASN1ObjectIdentifier(ID_PK_DH);
    private static final ASN1ObjectIdentifier PK_ECDH = new ASN1ObjectIdentifier(ID_PK_ECDH);
    private static final ASN1ObjectIdentifier PRIME_FIELD = X9ObjectIdentifiers.prime_field;
    private static final Provider BC = new BouncyCastleProvider();

    /** Key families a caller accepts. */
    public enum Family { RSA, EC, DH }

    private PublicKeys() {
    }

    /**
     * Decodes a DER SubjectPublicKeyInfo.
     *
     * @param allowed the key families acceptable here (DG15: RSA and EC; Chip Authentication: EC and DH)
     * @throws MalformedDataException for structure errors, unsupported algorithms, oversize parameters or keys
     *     that the key factory refuses (not on the curve, out of range)
     */
    public static PublicKey fromSubjectPublicKeyInfo(byte[] spki, java.util.Set<Family> allowed, String what) {
        Tlv.parse(spki); // bounded structural check before handing the bytes to Bouncy Castle
        SubjectPublicKeyInfo info;
        try {
            info = SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(spki));
        } catch (IOException | RuntimeException e) {
            throw new MalformedDataException(what + " is not a SubjectPublicKeyInfo", e);
        }
        AlgorithmIdentifier alg = info.getAlgorithm();
        ASN1ObjectIdentifier oid = alg.getAlgorithm();
        try {
            if (oid.equals(PKCSObjectIdentifiers.rsaEncryption)) {
                require(allowed, Family.RSA, what);
                org.bouncycastle.asn1.pkcs.RSAPublicKey rsa =
                        org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(info.parsePublicKey());
                bits(rsa.getModulus(), MAX_RSA_BITS, what + " RSA modulus");
                return generate("RSA", null, spki, what);
            }
            if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey) || oid.equals(PK_ECDH)) {
                require(allowed, Family.EC, what);
                checkEcParameters(alg.getParameters(), what);
                byte[] standard = oid.equals(PK_ECDH)
                        ? new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey,
                                alg.getParameters()), info.getPublicKeyData().getBytes()).getEncoded()
                        : spki;
                return generate("EC", BC, standard, what);
            }
            if (oid.equals(X9ObjectIdentifiers.dhpublicnumber) || oid.equals(PKCSObjectIdentifiers.dhKeyAgreement)
                    || oid.equals(PK_DH)) {
                require(allowed, Family.DH, what);
                ASN1Sequence params = ASN1Sequence.getInstance(alg.getParameters());
                bits(ASN1Integer.getInstance(params.getObjectAt(0)).getPositiveValue(), MAX_DH_BITS, what + " DH prime");
                ASN1Integer.getInstance(info.parsePublicKey());
                byte[] standard = oid.equals(PK_DH)
                        ? new SubjectPublicKeyInfo(new AlgorithmIdentifier(params.size() >= 3
                                ? X9ObjectIdentifiers.dhpublicnumber : PKCSObjectIdentifiers.dhKeyAgreement, params),
                                info.getPublicKeyData().getBytes()).getEncoded()
                        : spki;
                return generate("DH", BC, standard, what);
            }
        } catch (MalformedDataException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new MalformedDataException(what + " has malformed key parameters", e);
        }
        throw new MalformedDataException(what + " uses an unsupported key algorithm " + oid.getId());
    }

    /** The family of a key, or empty for other key types. */
    static java.util.Optional<Family> familyOf(PublicKey key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> java.util.Optional.of(Family.RSA);
            case "EC", "ECDSA", "ECDH" -> java.util.Optional.of(Family.EC);
            case "DH", "DiffieHellman" -> java.util.Optional.of(Family.DH);
            default -> java.util.Optional.empty();
        };
    }

    private static void checkEcParameters(ASN1Encodable params, String what) {
        if (params == null) {
            throw new MalformedDataException(what + " EC key has no domain parameters");
        }
        ASN1Primitive p = params.toASN1Primitive();
        if (p instanceof ASN1ObjectIdentifier named) {
            if (ECNamedCurveTable.getByOID(named) == null) {
                throw new MalformedDataException(what + " uses an unknown named curve " + named.getId());
            }
            return;
        }
        if (!(p instanceof ASN1Sequence explicit) || explicit.size() < 5) {
            throw new MalformedDataException(what + " EC parameters are neither a named curve nor explicit parameters");
        }
        ASN1Sequence fieldId = ASN1Sequence.getInstance(explicit.getObjectAt(1));
        if (!PRIME_FIELD.equals(fieldId.getObjectAt(0))) {
            throw new MalformedDataException(what + " EC curve is not over a prime field");
        }
        bits(ASN1Integer.getInstance(fieldId.getObjectAt(1)).getPositiveValue(), MAX_EC_FIELD_BITS, what + " EC field prime");
    }

    private static PublicKey generate(String algorithm, Provider provider, byte[] spki, String what) {
        try {
            KeyFactory f = provider == null ? KeyFactory.getInstance(algorithm) : KeyFactory.getInstance(algorithm, provider);
            return f.generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new MalformedDataException(what + " holds an invalid " + algorithm + " key", e);
        }
    }

    private static void require(java.util.Set<Family> allowed, Family f, String what) {
        if (!allowed.contains(f)) {
            throw new MalformedDataException(what + " holds a " + f + " key, which is not expected here");
        }
    }

    private static void bits(BigInteger v, int max, String what) {
        if (v.signum() <= 0 || v.bitLength() > max) {
            throw new MalformedDataException(what + " has " + v.bitLength() + " bits; at most " + max + " accepted");
        }
    }
}
