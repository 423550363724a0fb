package vn.cccd.reader.verify;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.LocalDate;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import vn.cccd.reader.testing.TestPki;

/**
 * Certificates with the odd properties real PKIs have and {@link TestPki} does not make: explicit EC domain
 * parameters (as many CSCAs use), chosen key usage and basic constraints, chosen validity, a chosen issuer name
 * for impostors. Serial numbers come from a counter, so runs are reproducible. Test scope.
 */
final class TestCerts {
    private static long serial = 1000;

    /** What to put in a certificate; null fields are left out. */
    record Spec(String subject, SubjectPublicKeyInfo key, X500Name issuer, PrivateKey issuerKey,
            X509Certificate issuerCert, String sigAlg, LocalDate from, LocalDate to, Boolean ca, Integer keyUsage) {
    }

    private TestCerts() {
    }

    static SubjectPublicKeyInfo spki(KeyPair keys) {
        return SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
    }

    /** The EC public key with its curve written out as explicit parameters instead of a curve OID. */
    static SubjectPublicKeyInfo explicitEcSpki(KeyPair keys, String curve) {
        X9ECParameters x9 = ECNamedCurveTable.getByName(curve);
        ECPublicKey pub = (ECPublicKey) keys.getPublic();
        byte[] point = x9.getCurve().createPoint(pub.getW().getAffineX(), pub.getW().getAffineY()).getEncoded(false);
        return new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey,
                new X962Parameters(x9)), point);
    }

    static X500Name name(String dn) {
        return new X500Name(dn);
    }

    static X500Name name(X509Certificate cert) {
        return X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
    }

    static synchronized X509Certificate issue(Spec s) {
        try {
            X500Name subject = new X500Name(s.subject());
            X509v3CertificateBuilder b = new X509v3CertificateBuilder(s.issuer() == null ? subject : s.issuer(),
                    BigInteger.valueOf(++serial), TestPki.date(s.from()), TestPki.date(s.to()), subject, s.key());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(s.key()));
            if (s.issuerCert() != null) {
                b.addExtension(Extension.authorityKeyIdentifier, false,
                        ext.createAuthorityKeyIdentifier(s.issuerCert()));
            } else if (s.issuer() == null) {
                b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(s.key()));
            }
            if (s.ca() != null) {
                b.addExtension(Extension.basicConstraints, true,
                        s.ca() ? new BasicConstraints(0) : new BasicConstraints(false));
            }
            if (s.keyUsage() != null) {
                b.addExtension(Extension.keyUsage, true, new KeyUsage(s.keyUsage()));
            }
            return new JcaX509CertificateConverter().setProvider(TestPki.BC)
                    .getCertificate(b.build(TestPki.signer(s.sigAlg(), s.issuerKey())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
