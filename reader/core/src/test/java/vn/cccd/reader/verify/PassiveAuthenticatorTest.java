package vn.cccd.reader.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.icao.CscaMasterList;
import org.bouncycastle.asn1.icao.ICAOObjectIdentifiers;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cccd.reader.lds.SodFile;
import vn.cccd.reader.model.PassiveAuthentication;
import vn.cccd.reader.model.PassiveAuthentication.HashStatus;
import vn.cccd.reader.model.PassiveAuthentication.Status;
import vn.cccd.reader.testing.SystemTestSupport;
import vn.cccd.reader.testing.TestPki;
import vn.cccd.reader.testing.TestPki.Issued;
import vn.cccd.reader.util.Hex;

class PassiveAuthenticatorTest {
    static final Clock NOW = Clock.fixed(Instant.parse("2026-11-22T00:00:00Z"), ZoneOffset.UTC);
    static final Issued EC_CSCA = TestPki.csca("CSCA EC", TestPki.ec("csca-ec", "secp384r1"), "SHA384withECDSA");
    static final Issued EC_DS = TestPki.documentSigner("DS EC", TestPki.ec("ds-ec", "secp256r1"), EC_CSCA, "SHA384withECDSA");
    static final Issued RSA_CSCA = TestPki.csca("CSCA RSA", TestPki.rsa("csca-rsa", 3072), "SHA256withRSA");
    static final Issued RSA_DS = TestPki.documentSigner("DS RSA", TestPki.rsa("ds-rsa", 2048), RSA_CSCA, "SHA256withRSA");

    static Map<String, byte[]> files() {
        Map<String, byte[]> f = new LinkedHashMap<>();
        f.put("DG1", Hex.decode("61 05 5F 1F 02 41 42"));
        f.put("DG13", Hex.decode("6D 03 02 01 01"));
        return f;
    }

    static byte[] sod(Issued ds, String sigAlg, Map<String, byte[]> files) {
        Map<Integer, byte[]> groups = new java.util.TreeMap<>();
        files.forEach((k, v) -> groups.put(Integer.parseInt(k.substring(2)), v));
        groups.put(2, new byte[] {0x75, 0x00});
        return SodFile.build("SHA-256", groups, ds.certificate(), TestPki.signer(sigAlg, ds.keys().getPrivate()));
    }

    static TrustStore trust(Issued... cscas) {
        return new TrustStore(Stream.of(cscas).map(Issued::certificate).toList(), List.of(), List.of());
    }

    static PassiveAuthentication check(TrustStore trust, byte[] sod, Map<String, byte[]> files) {
        return new PassiveAuthenticator(trust, NOW).check(sod, files);
    }

    @Test
    void ecdsaSignedDocumentIsValidAndNamesItsChain() {
        PassiveAuthentication pa = check(trust(EC_CSCA, RSA_CSCA), sod(EC_DS, "SHA256withECDSA", files()), files());
        assertThat(pa.status()).isEqualTo(Status.VALID);
        assertThat(pa.signatureValid()).isTrue();
        assertThat(pa.chainTrusted()).isTrue();
        assertThat(pa.dataGroupHashes()).containsEntry("DG1", HashStatus.MATCH).containsEntry("DG13", HashStatus.MATCH)
                .containsEntry("DG2", HashStatus.NOT_READ);
        assertThat(pa.csca().subject()).contains("CN=CSCA EC");
        assertThat(pa.documentSigner().subject()).contains("CN=DS EC");
        assertThat(pa.documentSigner().notAfter()).isEqualTo("2036-01-01");
        assertThat(pa.problems()).isEmpty();
    }

    @Test
    void rsaPssAndPkcs1SignersAreValid() {
        for (String alg : List.of("SHA256withRSAandMGF1", "SHA256withRSA", "SHA512withRSAandMGF1")) {
            PassiveAuthentication pa = check(trust(RSA_CSCA), sod(RSA_DS, alg, files()), files());
            assertThat(pa.status()).as(alg).isEqualTo(Status.VALID);
        }
    }

    @Test
    void aChangedDataGroupIsInvalidAndNamed() {
        byte[] sod = sod(EC_DS, "SHA256withECDSA", files());
        Map<String, byte[]> tampered = files();
        tampered.put("DG13", Hex.decode("6D 03 02 01 02"));
        PassiveAuthentication pa = check(trust(EC_CSCA), sod, tampered);
        assertThat(pa.status()).isEqualTo(Status.INVALID);
        assertThat(pa.signatureValid()).isTrue();
        assertThat(pa.dataGroupHashes()).containsEntry("DG13", HashStatus.MISMATCH).containsEntry("DG1", HashStatus.MATCH);
        assertThat(pa.problems()).anyMatch(p -> p.startsWith("DG13 does not match"));
    }

    @Test
    void aBrokenSignatureIsInvalid() {
        byte[] sod = sod(RSA_DS, "SHA256withRSA", files());
        byte[] sig = TestSods.signatureValue(sod);
        int at = TestSods.indexOf(sod, sig);
        sod[at + sig.length - 1] ^= 1;
        PassiveAuthentication pa = check(trust(RSA_CSCA), sod, files());
        assertThat(pa.status()).isEqualTo(Status.INVALID);
        assertThat(pa.signatureValid()).isFalse();
        assertThat(pa.problems()).anyMatch(p -> p.contains("signature does not verify"));
    }

    @Test
    void anUnknownCscaOrNoTrustIsUntrusted() {
        byte[] sod = sod(EC_DS, "SHA256withECDSA", files());
        PassiveAuthentication other = check(trust(RSA_CSCA), sod, files());
        assertThat(other.status()).isEqualTo(Status.UNTRUSTED);
        assertThat(other.signatureValid()).isTrue();
        assertThat(other.chainTrusted()).isFalse();
        assertThat(other.problems()).anyMatch(p -> p.contains("No trusted CSCA for issuer") && p.contains("CSCA EC"));
        PassiveAuthentication none = check(TrustStore.empty(), sod, files());
        assertThat(none.status()).isEqualTo(Status.UNTRUSTED);
        assertThat(none.problems()).anyMatch(p -> p.contains("No trust anchors"));
        // same name, other key: an impostor CSCA does not make the chain trusted
        Issued impostor = TestPki.csca("CSCA EC", TestPki.ec("impostor", "secp384r1"), "SHA384withECDSA");
        assertThat(check(trust(impostor), sod, files()).status()).isEqualTo(Status.UNTRUSTED);
    }

    @Test
    void anExpiredDocumentSignerOnAnExpiredCardIsUntrusted() {
        Issued expired = TestPki.documentSigner("DS old", TestPki.ec("ds-old", "secp256r1"), EC_CSCA, "SHA384withECDSA",
                LocalDate.of(2014, 1, 1), LocalDate.of(2025, 1, 1));
        PassiveAuthentication pa = new PassiveAuthenticator(trust(EC_CSCA), NOW).check(
                sod(expired, "SHA256withECDSA", files()), files(), CardValidity.of("2015-01-01", "2025-01-01"));
        assertThat(pa.status()).isEqualTo(Status.UNTRUSTED);
        assertThat(pa.problems()).anyMatch(p -> p.contains("2025-01-01"));
    }

    @Test
    void aRevokedDocumentSignerIsInvalid() {
        TrustStore t = new TrustStore(List.of(EC_CSCA.certificate()),
                List.of(TestPki.crl(EC_CSCA, "SHA384withECDSA", EC_DS.certificate())), List.of());
        PassiveAuthentication pa = check(t, sod(EC_DS, "SHA256withECDSA", files()), files());
        assertThat(pa.status()).isEqualTo(Status.INVALID);
        assertThat(pa.problems()).anyMatch(p -> p.contains("revoked"));
    }

    @Test
    void aDataGroupTheSodDoesNotCoverIsInvalid() {
        byte[] sod = sod(EC_DS, "SHA256withECDSA", files());
        Map<String, byte[]> more = files();
        more.put("DG11", Hex.decode("6B 00"));
        PassiveAuthentication pa = check(trust(EC_CSCA), sod, more);
        assertThat(pa.status()).isEqualTo(Status.INVALID);
        assertThat(pa.problems()).anyMatch(p -> p.startsWith("DG11 was read but the SOD has no hash"));
    }

    @Test
    void noSodIsNotChecked() {
        assertThat(check(trust(EC_CSCA), null, files()).status()).isEqualTo(Status.NOT_CHECKED);
    }

    @Test
    void trustDirectoriesLoadPemDerMasterListsAndReportBadFiles(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("ec.der"), EC_CSCA.certificate().getEncoded());
        Files.writeString(dir.resolve("junk.pem"), "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");
        Files.write(dir.resolve("rsa.ml"), masterList(RSA_CSCA.certificate()));
        byte[] tamperedList = masterList(EC_CSCA.certificate());
        tamperedList[tamperedList.length / 3] ^= 1;
        Files.write(dir.resolve("bad.ml"), tamperedList);
        Files.writeString(dir.resolve("notes.txt"), "ignored");
        TrustStore t = TrustStore.load(List.of(dir, dir.resolve("missing")));
        assertThat(t.anchors()).extracting(X509Certificate::getSubjectX500Principal)
                .containsExactlyInAnyOrder(EC_CSCA.certificate().getSubjectX500Principal(),
                        RSA_CSCA.certificate().getSubjectX500Principal());
        assertThat(t.warnings()).anyMatch(w -> w.contains("junk.pem")).anyMatch(w -> w.contains("bad.ml"))
                .anyMatch(w -> w.contains("missing"));
        assertThat(check(t, sod(RSA_DS, "SHA256withRSA", files()), files()).status()).isEqualTo(Status.VALID);
    }

    @Test
    void thePublicVietnamCscaLoadsFromTheSharedTrustDirectory() {
        Path pem = SystemTestSupport.vietnamCsca();
        SystemTestSupport.requireComponent(Files.isRegularFile(pem), "../shared/trust/csca-vietnam-2021.pem");
        TrustStore t = TrustStore.load(List.of(pem.getParent()));
        assertThat(t.warnings()).isEmpty();
        assertThat(t.anchors()).hasSize(1);
        assertThat(t.anchors().get(0).getSubjectX500Principal().getName()).contains("C=VN");
        // a document signed elsewhere does not chain to it
        assertThat(check(t, sod(EC_DS, "SHA256withECDSA", files()), files()).status()).isEqualTo(Status.UNTRUSTED);
    }

    static Stream<Long> seeds() {
        return IntStream.range(0, 150).mapToObj(i -> 77L * i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aMutatedSodIsValidOnlyWhenItsSignedContentIsUnchanged(long seed) {
        Random r = new Random(seed);
        byte[] original = sod(EC_DS, "SHA256withECDSA", files());
        byte[] sod = original.clone();
        int flips = 1 + r.nextInt(4);
        for (int i = 0; i < flips; i++) {
            sod[r.nextInt(sod.length)] ^= (byte) (1 + r.nextInt(255));
        }
        if (r.nextInt(5) == 0) {
            sod = java.util.Arrays.copyOf(sod, r.nextInt(sod.length));
        }
        PassiveAuthentication pa = check(trust(EC_CSCA), sod, files());
        assertThat(pa.status()).isIn(Status.INVALID, Status.UNTRUSTED, Status.VALID);
        if (pa.status() == Status.VALID) {
            // only a flip outside what is signed (e.g. in an unsigned length encoding BC tolerates) may keep it
            // valid: then the signed hash list and the signer's certificate are exactly the original ones
            SodFile before = SodFile.parse(original);
            SodFile after = SodFile.parse(sod);
            assertThat(after.encapsulatedContent()).isEqualTo(before.encapsulatedContent());
            assertThat(after.documentSigner()).isEqualTo(before.documentSigner());
            assertThat(pa.signatureValid()).isTrue();
            assertThat(pa.dataGroupHashes()).doesNotContainValue(HashStatus.MISMATCH);
        } else {
            assertThat(pa.problems()).isNotEmpty();
        }
    }

    static byte[] masterList(X509Certificate... certs) throws Exception {
        Certificate[] structs = Stream.of(certs).map(c -> {
            try {
                return Certificate.getInstance(c.getEncoded());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toArray(Certificate[]::new);
        byte[] content = new CscaMasterList(structs).getEncoded(ASN1Encoding.DER);
        KeyPair mlKeys = TestPki.ec("ml-signer", "secp256r1");
        Issued mlSigner = TestPki.documentSigner("Master List Signer", mlKeys, EC_CSCA, "SHA384withECDSA");
        CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
        gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(TestPki.signer("SHA256withECDSA", mlKeys.getPrivate()), mlSigner.certificate()));
        gen.addCertificate(new JcaX509CertificateHolder(mlSigner.certificate()));
        return gen.generate(new CMSProcessableByteArray(ICAOObjectIdentifiers.id_icao_cscaMasterList, content), true)
                .getEncoded();
    }
}
