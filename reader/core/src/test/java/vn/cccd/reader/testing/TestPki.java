package vn.cccd.reader.testing;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small test PKI for Passive Authentication tests: CSCAs (EC P-384 like the Vietnamese CSCA, and RSA) and
 * Document Signers under them with any signature algorithm and validity. Keys are cached per label for the JVM
 * (RSA generation is slow). Test scope only.
 */
public final class TestPki {
    public static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final Map<String, KeyPair> KEYS = new ConcurrentHashMap<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Issued(KeyPair keys, X509Certificate certificate) {
    }

    private TestPki() {
    }

    public static KeyPair ec(String label, String curve) {
        return KEYS.computeIfAbsent(label, l -> {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                g.initialize(new ECGenParameterSpec(curve));
                return g.generateKeyPair();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public static KeyPair rsa(String label, int bits) {
        return KEYS.computeIfAbsent(label, l -> {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(bits);
                return g.generateKeyPair();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public static Issued csca(String cn, KeyPair keys, String sigAlg) {
        return issue("C=VN,O=Test PKI,CN=" + cn, keys, null, sigAlg, LocalDate.of(2020, 1, 1), LocalDate.of(2045, 1, 1), true);
    }

    public static Issued documentSigner(String cn, KeyPair keys, Issued csca, String sigAlg, LocalDate from, LocalDate to) {
        return issue("C=VN,O=Test PKI,CN=" + cn, keys, csca, sigAlg, from, to, false);
    }

    public static Issued documentSigner(String cn, KeyPair keys, Issued csca, String sigAlg) {
        return documentSigner(cn, keys, csca, sigAlg, LocalDate.of(2021, 1, 1), LocalDate.of(2036, 1, 1));
    }

    private static Issued issue(String dn, KeyPair keys, Issued issuer, String sigAlg, LocalDate from, LocalDate to,
            boolean ca) {
        try {
            X500Name subject = new X500Name(dn);
            X500Name issuerName = issuer == null ? subject
                    : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName,
                    new BigInteger(64, RANDOM).abs().add(BigInteger.ONE), date(from), date(to), subject, keys.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            if (issuer != null) {
                b.addExtension(Extension.authorityKeyIdentifier, false,
                        ext.createAuthorityKeyIdentifier(issuer.certificate()));
            }
            if (ca) {
                b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            }
            PrivateKey signing = issuer == null ? keys.getPrivate() : issuer.keys().getPrivate();
            X509Certificate cert = new JcaX509CertificateConverter().setProvider(BC)
                    .getCertificate(b.build(signer(sigAlg, signing)));
            return new Issued(keys, cert);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static ContentSigner signer(String sigAlg, PrivateKey key) {
        try {
            return new JcaContentSignerBuilder(sigAlg).setProvider(BC).build(key);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CRL of {@code csca} that revokes {@code revoked}. */
    public static X509CRL crl(Issued csca, String sigAlg, X509Certificate revoked) {
        try {
            X509v2CRLBuilder b = new X509v2CRLBuilder(
                    X500Name.getInstance(csca.certificate().getSubjectX500Principal().getEncoded()),
                    date(LocalDate.of(2025, 1, 1)));
            b.setNextUpdate(date(LocalDate.of(2040, 1, 1)));
            b.addCRLEntry(revoked.getSerialNumber(), date(LocalDate.of(2025, 1, 1)), CRLReason.keyCompromise);
            return new JcaX509CRLConverter().setProvider(BC).getCRL(b.build(signer(sigAlg, csca.keys().getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Date date(LocalDate d) {
        return Date.from(d.atStartOfDay().toInstant(ZoneOffset.UTC));
    }
}
