package vn.cccd.mock.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MockPkiTest {
    private final MockPki pki = MockPki.instance();

    @Test
    void keysAndSignaturesAreTheSameOnEveryRun() {
        assertThat(MockPki.ecKeys("test:a", "secp256r1").getPrivate().getEncoded())
                .isEqualTo(MockPki.ecKeys("test:a", "secp256r1").getPrivate().getEncoded());
        assertThat(MockPki.ecKeys("test:a", "secp256r1").getPublic())
                .isNotEqualTo(MockPki.ecKeys("test:b", "secp256r1").getPublic());
        MockPki.DocumentSigner ds = pki.documentSigner(MockPki.Family.EC);
        byte[] data = {1, 2, 3};
        assertThat(ds.sign(data)).isEqualTo(ds.sign(data));
    }

    @Test
    void documentSignersChainToTheirCscaAndSignVerifiably() throws Exception {
        for (MockPki.Family f : MockPki.Family.values()) {
            MockPki.Authority csca = pki.csca(f);
            MockPki.DocumentSigner ds = pki.documentSigner(f);
            csca.certificate().verify(csca.certificate().getPublicKey());
            ds.certificate().verify(csca.certificate().getPublicKey());
            assertThat(csca.certificate().getBasicConstraints()).isZero();
            assertThat(ds.certificate().getBasicConstraints()).isEqualTo(-1);
            assertThat(ds.certificate().getKeyUsage()[0]).isTrue();
            byte[] data = "signed attributes".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Signature v = Signature.getInstance(ds.signatureAlgorithm());
            v.initVerify(ds.certificate());
            v.update(data);
            assertThat(v.verify(ds.sign(data))).isTrue();
        }
        assertThat(pki.csca(MockPki.Family.EC).certificate().getSigAlgName()).isEqualTo("SHA384withECDSA");
        assertThat(pki.documentSigner(MockPki.Family.EC).signatureAlgorithm()).isEqualTo("SHA256withECDSA");
        assertThat(pki.documentSigner(MockPki.Family.RSA).signatureAlgorithm()).isEqualTo("SHA256withRSA");
    }

    @Test
    void unknownCscaIsNotATrustAnchor() throws Exception {
        MockPki.DocumentSigner rogue = pki.unknownDocumentSigner();
        rogue.certificate().verify(pki.unknownCsca().certificate().getPublicKey());
        assertThat(pki.trustAnchors()).doesNotContain(pki.unknownCsca().certificate())
                .hasSize(2);
    }

    @Test
    void writesTheTrustAnchorsAsPem(@TempDir Path dir) throws Exception {
        List<Path> files = pki.writeTrustAnchors(dir.resolve("trust"));
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly(MockPki.EC_CSCA_FILE, MockPki.RSA_CSCA_FILE);
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        try (InputStream in = Files.newInputStream(files.get(0))) {
            X509Certificate c = (X509Certificate) cf.generateCertificate(in);
            assertThat(c).isEqualTo(pki.csca(MockPki.Family.EC).certificate());
            assertThat(c.getSubjectX500Principal().getName()).contains("Mock CSCA Vietnam EC");
        }
        assertThat(Files.readString(files.get(1))).startsWith("-----BEGIN CERTIFICATE-----");
    }
}
