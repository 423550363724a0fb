package vn.cccd.mock.pki;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;

/**
 * Signatures that come out the same on every run, so that mock documents are byte-identical: ECDSA with
 * deterministic nonces (RFC 6979, Bouncy Castle's {@code ECDDSA}) and RSA PKCS#1 v1.5 (deterministic by
 * construction). The signatures verify as ordinary {@code SHAxxxwithECDSA} / {@code SHAxxxwithRSA}.
 */
public final class DeterministicSigning {
    static final Provider BC = new BouncyCastleProvider();

    private DeterministicSigning() {
    }

    /**
     * The standard JCA name of the signature algorithm for {@code key} with {@code hash} ("SHA-256",
     * "SHA-384", "SHA-512"), e.g. {@code SHA256withECDSA}: what a verifier uses.
     */
    public static String algorithm(PrivateKey key, String hash) {
        String h = hash.replace("-", "");
        if (key instanceof ECPrivateKey) {
            return h + "withECDSA";
        }
        if (key instanceof RSAPrivateKey) {
            return h + "withRSA";
        }
        throw new IllegalArgumentException("unsupported key type " + key.getAlgorithm());
    }

    /** Signs {@code data}: DER-encoded ECDSA (r, s) or a PKCS#1 v1.5 RSA signature. */
    public static byte[] sign(PrivateKey key, String hash, byte[] data) {
        try {
            Signature s = Signature.getInstance(jcaSigningName(key, hash), BC);
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + algorithm(key, hash), e);
        }
    }

    /** A Bouncy Castle content signer (for certificates and CMS) that signs deterministically. */
    public static ContentSigner contentSigner(PrivateKey key, String hash) {
        AlgorithmIdentifier id = new DefaultSignatureAlgorithmIdentifierFinder().find(algorithm(key, hash));
        return new ContentSigner() {
            private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return id;
            }

            @Override
            public OutputStream getOutputStream() {
                return buffer;
            }

            @Override
            public byte[] getSignature() {
                byte[] data = buffer.toByteArray();
                buffer.reset();
                return sign(key, hash, data);
            }
        };
    }

    private static String jcaSigningName(PrivateKey key, String hash) {
        String h = hash.replace("-", "");
        return key instanceof ECPrivateKey ? h + "withECDDSA" : algorithm(key, hash);
    }
}
