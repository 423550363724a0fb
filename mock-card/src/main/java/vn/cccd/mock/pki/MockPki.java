package vn.cccd.mock.pki;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * The test PKI that signs every mock card: a Country Signing CA (CSCA) and a Document Signer (DS) under it, in
 * two families: EC (CSCA on P-384 with ECDSA-SHA-384 like the real Vietnamese CSCA; DS on P-256) and RSA
 * (CSCA RSA-3072, DS RSA-2048, PKCS#1 v1.5 SHA-256). A third, "unknown" CSCA signs the documents of the
 * {@code unknown-csca} fault; {@code pki --out} never writes it.
 *
 * <p>Everything is derived from fixed labels (keys, serial numbers, validity dates, deterministic signatures),
 * so every run produces byte-identical certificates. The private keys are test keys: never trust these
 * certificates outside tests. Keys are generated on first use and kept for the life of the JVM.
 */
public final class MockPki {
    /** Key family of a CSCA and its Document Signer. */
    public enum Family { EC, RSA }

    /** A CSCA: its key pair and self-signed certificate. */
    public record Authority(String label, KeyPair keys, X509Certificate certificate) {
        @Override
        public String toString() {
            return "Authority[" + certificate.getSubjectX500Principal().getName() + "]";
        }
    }

    /**
     * A Document Signer: signs SODs with {@code hash} ("SHA-256").
     *
     * @param issuer the CSCA that issued its certificate
     */
    public record DocumentSigner(KeyPair keys, X509Certificate certificate, Authority issuer, String hash) {
        /** The JCA name a verifier uses, e.g. {@code SHA256withECDSA}. */
        public String signatureAlgorithm() {
            return DeterministicSigning.algorithm(keys.getPrivate(), hash);
        }

        /** A deterministic signature over {@code data}. */
        public byte[] sign(byte[] data) {
            return DeterministicSigning.sign(keys.getPrivate(), hash, data);
        }

        @Override
        public String toString() {
            return "DocumentSigner[" + certificate.getSubjectX500Principal().getName() + "]";
        }
    }

    /** File names {@link #writeTrustAnchors(Path)} uses. */
    public static final String EC_CSCA_FILE = "mock-csca-ec.pem";
    public static final String RSA_CSCA_FILE = "mock-csca-rsa.pem";

    private static final String ORG = "CCCD Kiosk Test PKI - NOT FOR PRODUCTION";
    private static final Date CSCA_FROM = date(2020, 1, 1);
    private static final Date CSCA_TO = date(2045, 12, 31);
    private static final Date DS_FROM = date(2021, 1, 1);
    private static final Date DS_TO = date(2036, 12, 31);
    /** The Document Signer that has expired since it signed (fault expired-document-signer). */
    private static final Date EXPIRED_DS_TO = date(2025, 12, 31);

    private static final MockPki INSTANCE = new MockPki();

    private Authority ecCsca;
    private Authority rsaCsca;
    private Authority unknownCsca;
    private DocumentSigner ecSigner;
    private DocumentSigner rsaSigner;
    private DocumentSigner unknownSigner;
    private DocumentSigner expiredSigner;

    private MockPki() {
    }

    /** The one test PKI (its keys are deterministic, so there is no point in several). */
    public static MockPki instance() {
        return INSTANCE;
    }

    public synchronized Authority csca(Family family) {
        if (family == Family.EC) {
            if (ecCsca == null) {
                ecCsca = authority("csca-ec", "Mock CSCA Vietnam EC", ecKeys("pki:csca-ec", "secp384r1"), 0x1001);
            }
            return ecCsca;
        }
        if (rsaCsca == null) {
            rsaCsca = authority("csca-rsa", "Mock CSCA Vietnam RSA", rsaKeys("pki:csca-rsa", 3072), 0x1002);
        }
        return rsaCsca;
    }

    /** The CSCA that {@code pki} does not write: documents it signs can never chain to a trust anchor. */
    public synchronized Authority unknownCsca() {
        if (unknownCsca == null) {
            unknownCsca = authority("csca-unknown", "Mock CSCA Unknown", ecKeys("pki:csca-unknown", "secp384r1"), 0x1003);
        }
        return unknownCsca;
    }

    public synchronized DocumentSigner documentSigner(Family family) {
        if (family == Family.EC) {
            if (ecSigner == null) {
                ecSigner = signer(csca(Family.EC), "Mock Document Signer EC", ecKeys("pki:ds-ec", "secp256r1"), 0x2001);
            }
            return ecSigner;
        }
        if (rsaSigner == null) {
            rsaSigner = signer(csca(Family.RSA), "Mock Document Signer RSA", rsaKeys("pki:ds-rsa", 2048), 0x2002);
        }
        return rsaSigner;
    }

    /** A Document Signer issued by {@link #unknownCsca()}. */
    public synchronized DocumentSigner unknownDocumentSigner() {
        if (unknownSigner == null) {
            unknownSigner = signer(unknownCsca(), "Mock Document Signer Unknown", ecKeys("pki:ds-unknown", "secp256r1"),
                    0x2003);
        }
        return unknownSigner;
    }

    /**
     * A Document Signer of the EC CSCA valid from 2021-01-01 to 2025-12-31 only: it signed cards issued then and has
     * expired since (the chain model of docs/PASSIVE-AUTHENTICATION.md keeps those cards VALID, with a note).
     */
    public synchronized DocumentSigner expiredDocumentSigner() {
        if (expiredSigner == null) {
            expiredSigner = signer(csca(Family.EC), "Mock Document Signer EC 2021-2025",
                    ecKeys("pki:ds-ec-expired", "secp256r1"), 0x2004, EXPIRED_DS_TO);
        }
        return expiredSigner;
    }

    /** The CSCA certificates a reader must trust to verify mock cards (not the unknown one). */
    public List<X509Certificate> trustAnchors() {
        return List.of(csca(Family.EC).certificate(), csca(Family.RSA).certificate());
    }

    /** Writes the trust anchors as PEM files into {@code dir} (created when missing); returns the files. */
    public List<Path> writeTrustAnchors(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        written.add(writePem(dir.resolve(EC_CSCA_FILE), csca(Family.EC).certificate()));
        written.add(writePem(dir.resolve(RSA_CSCA_FILE), csca(Family.RSA).certificate()));
        return written;
    }

    /** The certificate in PEM. */
    public static String pem(X509Certificate cert) {
        StringWriter s = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(s)) {
            w.writeObject(cert);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s.toString();
    }

    private static Path writePem(Path file, X509Certificate cert) throws IOException {
        Files.writeString(file, pem(cert), StandardCharsets.US_ASCII);
        return file;
    }

    /** An EC key pair on {@code curve}, the same on every run for the same label. */
    public static KeyPair ecKeys(String label, String curve) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC", DeterministicSigning.BC);
            g.initialize(new ECGenParameterSpec(curve), Seeds.random(label));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an EC key on " + curve, e);
        }
    }

    /** An RSA key pair of {@code bits} (public exponent 65537), the same on every run for the same label. */
    public static KeyPair rsaKeys(String label, int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA", DeterministicSigning.BC);
            g.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4), Seeds.random(label));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA-" + bits + " key", e);
        }
    }

    private static X500Name name(String cn) {
        return new X500Name("C=VN,O=" + ORG + ",CN=" + cn);
    }

    private static Authority authority(String label, String cn, KeyPair keys, int serial) {
        X500Name subject = name(cn);
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(serial), CSCA_FROM,
                CSCA_TO, subject, keys.getPublic());
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(keys.getPublic()));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the " + label + " certificate", e);
        }
        return new Authority(label, keys, build(b, keys, "SHA-384"));
    }

    private static DocumentSigner signer(Authority issuer, String cn, KeyPair keys, int serial) {
        return signer(issuer, cn, keys, serial, DS_TO);
    }

    private static DocumentSigner signer(Authority issuer, String cn, KeyPair keys, int serial, Date notAfter) {
        X509Certificate ca = issuer.certificate();
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca, BigInteger.valueOf(serial), DS_FROM,
                notAfter,
                new X500Name(name(cn).toString()), keys.getPublic());
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(ca));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the document signer certificate", e);
        }
        String hash = issuer.keys().getPrivate() instanceof java.security.interfaces.ECPrivateKey ? "SHA-384" : "SHA-256";
        return new DocumentSigner(keys, build(b, issuer.keys(), hash), issuer, "SHA-256");
    }

    private static X509Certificate build(X509v3CertificateBuilder b, KeyPair signerKeys, String hash) {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(DeterministicSigning.contentSigner(signerKeys.getPrivate(), hash)));
        } catch (CertificateException e) {
            throw new IllegalStateException("cannot encode a certificate", e);
        }
    }

    private static Date date(int y, int m, int d) {
        return Date.from(LocalDate.of(y, m, d).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

}
