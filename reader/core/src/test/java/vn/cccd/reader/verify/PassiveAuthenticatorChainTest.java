package vn.cccd.reader.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cccd.reader.verify.PassiveAuthenticatorTest.EC_CSCA;
import static vn.cccd.reader.verify.PassiveAuthenticatorTest.EC_DS;
import static vn.cccd.reader.verify.PassiveAuthenticatorTest.check;
import static vn.cccd.reader.verify.PassiveAuthenticatorTest.files;
import static vn.cccd.reader.verify.PassiveAuthenticatorTest.trust;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cccd.reader.lds.SodBerFixtures;
import vn.cccd.reader.lds.SodFile;
import vn.cccd.reader.model.PassiveAuthentication;
import vn.cccd.reader.model.PassiveAuthentication.HashStatus;
import vn.cccd.reader.model.PassiveAuthentication.Status;
import vn.cccd.reader.testing.SystemTestSupport;
import vn.cccd.reader.testing.TestPki;
import vn.cccd.reader.testing.TestPki.Issued;
import vn.cccd.reader.tlv.Tlv;
import vn.cccd.reader.util.Bytes;
import vn.cccd.reader.util.Hex;

/**
 * Passive Authentication against the shapes real PKIs come in: every ECDSA hash, RSA-PSS certificates,
 * explicit-parameter EC CSCAs, re-keyed CSCAs, key usage, validity, CRLs and master lists from trust directories,
 * BER-encoded SODs, and the public Vietnam CSCA.
 */
class PassiveAuthenticatorChainTest {
    static final int CA_USAGE = KeyUsage.keyCertSign | KeyUsage.cRLSign;
    static final LocalDate FROM = LocalDate.of(2020, 1, 1);
    static final LocalDate TO = LocalDate.of(2045, 1, 1);

    static Map<Integer, byte[]> groups(Map<String, byte[]> files) {
        Map<Integer, byte[]> groups = new TreeMap<>();
        files.forEach((k, v) -> groups.put(Integer.parseInt(k.substring(2)), v));
        groups.put(2, Hex.decode("75 02 00 00"));
        return groups;
    }

    static byte[] sod(String digest, KeyPair keys, X509Certificate ds, String sigAlg) {
        return SodFile.build(digest, groups(files()), ds, TestPki.signer(sigAlg, keys.getPrivate()));
    }

    static X509Certificate csca(String cn, SubjectPublicKeyInfo key, KeyPair keys, String sigAlg, Boolean ca,
            Integer usage, LocalDate from, LocalDate to) {
        return TestCerts.issue(new TestCerts.Spec("C=VN,O=Test PKI,CN=" + cn, key, null, keys.getPrivate(), null,
                sigAlg, from, to, ca, usage));
    }

    static X509Certificate ds(String cn, KeyPair keys, X509Certificate csca, KeyPair cscaKeys, String sigAlg,
            Integer usage, LocalDate from, LocalDate to) {
        return TestCerts.issue(new TestCerts.Spec("C=VN,O=Test PKI,CN=" + cn, TestCerts.spki(keys),
                TestCerts.name(csca), cscaKeys.getPrivate(), csca, sigAlg, from, to, null, usage));
    }

    static TrustStore anchors(X509Certificate... certs) {
        return new TrustStore(List.of(certs), List.of(), List.of());
    }

    @ParameterizedTest
    @CsvSource({
        "SHA-1, SHA1withECDSA",
        "SHA-224, SHA224withECDSA",
        "SHA-256, SHA384withECDSA",
        "SHA-384, SHA384withECDSA",
        "SHA-512, SHA512withECDSA",
        "SHA-256, SHA256withRSA",
        "SHA-256, SHA256withRSAandMGF1",
        "SHA-384, SHA384withRSAandMGF1",
    })
    void everyEcdsaHashAndBothRsaPaddingsAreValid(String digest, String sigAlg) {
        Issued csca = sigAlg.contains("RSA") ? PassiveAuthenticatorTest.RSA_CSCA : EC_CSCA;
        Issued ds = sigAlg.contains("RSA") ? PassiveAuthenticatorTest.RSA_DS : EC_DS;
        PassiveAuthentication pa = check(anchors(csca.certificate()), sod(digest, ds.keys(), ds.certificate(), sigAlg),
                files());
        assertThat(pa.status()).isEqualTo(Status.VALID);
        assertThat(pa.problems()).isEmpty();
    }

    @Test
    void anRsaPssCscaAndDocumentSignerAreValid() {
        KeyPair cscaKeys = TestPki.rsa("csca-rsa", 3072);
        KeyPair dsKeys = TestPki.rsa("ds-rsa", 2048);
        X509Certificate csca = csca("CSCA PSS", TestCerts.spki(cscaKeys), cscaKeys, "SHA256withRSAandMGF1", true,
                CA_USAGE, FROM, TO);
        X509Certificate ds = ds("DS PSS", dsKeys, csca, cscaKeys, "SHA256withRSAandMGF1", KeyUsage.digitalSignature,
                FROM, TO);
        assertThat(ds.getSigAlgOID()).as("id-RSASSA-PSS").isEqualTo("1.2.840.113549.1.1.10");
        PassiveAuthentication pa = check(anchors(csca), sod("SHA-256", dsKeys, ds, "SHA256withRSAandMGF1"), files());
        assertThat(pa.status()).isEqualTo(Status.VALID);
        assertThat(pa.csca().subject()).isEqualTo("C=VN,O=Test PKI,CN=CSCA PSS");
    }

    @Test
    void anExplicitParameterEcCscaFromATrustDirectoryIsValid(@TempDir Path dir) throws Exception {
        KeyPair cscaKeys = TestPki.ec("csca-ec", "secp384r1");
        SubjectPublicKeyInfo explicit = TestCerts.explicitEcSpki(cscaKeys, "secp384r1");
        assertThat(X962Parameters.getInstance(explicit.getAlgorithm().getParameters()).isNamedCurve()).isFalse();
        X509Certificate csca = csca("CSCA explicit", explicit, cscaKeys, "SHA384withECDSA", true, CA_USAGE, FROM, TO);
        X509Certificate ds = ds("DS explicit", EC_DS.keys(), csca, cscaKeys, "SHA384withECDSA",
                KeyUsage.digitalSignature, FROM, TO);
        Files.write(dir.resolve("csca-explicit.der"), csca.getEncoded());
        TrustStore t = TrustStore.load(List.of(dir));
        assertThat(t.warnings()).isEmpty();
        PassiveAuthentication pa = check(t, sod("SHA-256", EC_DS.keys(), ds, "SHA256withECDSA"), files());
        assertThat(pa.status()).isEqualTo(Status.VALID);
        assertThat(pa.csca().subject()).endsWith("CN=CSCA explicit");
    }

    @Test
    void aHashListChangedAfterSigningIsInvalid() {
        byte[] sod = PassiveAuthenticatorTest.sod(EC_DS, "SHA256withECDSA", files());
        byte[] dg2Hash = SodFile.parse(sod).hashOf(2).orElseThrow();
        sod[Bytes.indexOf(sod, dg2Hash) + 5] ^= 0x40;
        PassiveAuthentication pa = check(trust(EC_CSCA), sod, files());
        assertThat(pa.status()).isEqualTo(Status.INVALID);
        assertThat(pa.signatureValid()).isFalse();
        assertThat(pa.dataGroupHashes()).containsEntry("DG1", HashStatus.MATCH).containsEntry("DG2", HashStatus.NOT_READ);
        assertThat(pa.problems()).anyMatch(p -> p.startsWith("The list of hashes in the SOD is not the one that was"
                + " signed"));
    }

    static byte[] withoutCertificates(byte[] sod) throws Exception {
        CMSSignedData cms = new CMSSignedData(Tlv.parseFirst(sod).value());
        CMSSignedData stripped = CMSSignedData.replaceCertificatesAndCRLs(cms, new JcaCertStore(List.of()), null, null);
        return Tlv.of(0x77, stripped.getEncoded()).encode();
    }

    @Test
    void anSodWithoutItsDocumentSignerCertificateIsUntrustedUnlessADataGroupChanged() throws Exception {
        byte[] sod = withoutCertificates(PassiveAuthenticatorTest.sod(EC_DS, "SHA256withECDSA", files()));
        assertThat(SodFile.parse(sod).certificates()).isEmpty();
        PassiveAuthentication pa = check(trust(EC_CSCA), sod, files());
        assertThat(pa.status()).isEqualTo(Status.UNTRUSTED);
        assertThat(pa.signatureValid()).isFalse();
        assertThat(pa.documentSigner()).isNull();
        assertThat(pa.problems()).containsExactly("The SOD carries no Document Signer certificate, so its signature"
                + " cannot be checked");
        Map<String, byte[]> tampered = files();
        tampered.put("DG13", Hex.decode("6D 03 02 01 02"));
        assertThat(check(trust(EC_CSCA), sod, tampered).status()).isEqualTo(Status.INVALID);
    }

    @Test
    void aDocumentSignerWhoseKeyUsageForbidsSigningIsUntrusted() {
        X509Certificate ds = ds("DS wrong usage", EC_DS.keys(), EC_CSCA.certificate(), EC_CSCA.keys(), "SHA384withECDSA",
                KeyUsage.keyEncipherment, FROM, TO);
        PassiveAuthentication pa = check(trust(EC_CSCA), sod("SHA-256", EC_DS.keys(), ds, "SHA256withECDSA"), files());
        assertThat(pa.status()).isEqualTo(Status.UNTRUSTED);
        assertThat(pa.signatureValid()).isTrue();
        assertThat(pa.problems()).containsExactly("The Document Signer certificate's key usage does not allow signing"
                + " documents");
    }

    @Test
    void anAnchorThatIsNotACaIsUntrusted() {
        KeyPair keys = TestPki.ec("csca-ec", "secp384r1");
        X509Certificate notCa = csca("Not a CA", TestCerts.spki(keys), keys, "SHA384withECDSA", false,
                KeyUsage.digitalSignature, FROM, TO);
        X509Certificate ds = ds("DS under non-CA", EC_DS.keys(), notCa, keys, "SHA384withECDSA",
                KeyUsage.digitalSignature, FROM, TO);
        PassiveAuthentication pa = check(anchors(notCa), sod("SHA-256", EC_DS.keys(), ds, "SHA256withECDSA"), files());
        assertThat(pa.status()).isEqualTo(Status.UNTRUSTED);
        assertThat(pa.chainTrusted()).isFalse();
        assertThat(pa.problems()).singleElement().asString().contains("is not a CA certificate");
    }

    @Test
    void validityDatesAreCheckedForTheDocumentSignerAndTheCsca() {
        X509Certificate future = ds("DS future", EC_DS.keys(), EC_CSCA.certificate(), EC_CSCA.keys(), "SHA384withECDSA",
                KeyUsage.digitalSignature, LocalDate.of(2027, 1, 1), TO);
        PassiveAuthentication early = check(trust(EC_CSCA), sod("SHA-256", EC_DS.keys(), future, "SHA256withECDSA"),
                files());
        assertThat(early.status()).isEqualTo(Status.UNTRUSTED);
        assertThat(early.problems()).singleElement().asString().startsWith(
                "The Document Signer certificate is not valid before 2027-01-01");

        KeyPair keys = TestPki.ec("csca-ec", "secp384r1");
        X509Certificate oldCsca = csca("CSCA old", TestCerts.spki(keys), keys, "SHA384withECDSA", true, CA_USAGE,
                LocalDate.of(2006, 1, 1), LocalDate.of(2026, 6, 1));
        X509Certificate ds = ds("DS of old", EC_DS.keys(), oldCsca, keys, "SHA384withECDSA", KeyUsage.digitalSignature,
                LocalDate.of(2016, 1, 1), LocalDate.of(2027, 1, 1));
        PassiveAuthentication expiredCsca = check(anchors(oldCsca), sod("SHA-256", EC_DS.keys(), ds, "SHA256withECDSA"),
                files());
        assertThat(expiredCsca.status()).isEqualTo(Status.UNTRUSTED);
        assertThat(expiredCsca.problems()).singleElement().asString()
                .isEqualTo("The CSCA certificate is valid from 2006-01-01 to 2026-06-01, not today");

        Issued expiredDs = TestPki.documentSigner("DS old", TestPki.ec("ds-old", "secp256r1"), EC_CSCA,
                "SHA384withECDSA", LocalDate.of(2020, 6, 1), LocalDate.of(2025, 1, 1));
        // the card's own validity unknown: judged by when the DS signed (chain model), the expiry is a note
        PassiveAuthentication expired = check(trust(EC_CSCA),
                PassiveAuthenticatorTest.sod(expiredDs, "SHA256withECDSA", files()), files());
        assertThat(expired.status()).isEqualTo(Status.VALID);
        assertThat(expired.problems()).isEmpty();
        assertThat(expired.notes()).singleElement().asString().startsWith(
                "The Document Signer certificate expired on 2025-01-01; it was valid when it signed");
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    @Test
    void crlsFromATrustDirectoryRevokeOnlyWhenSignedByTheCsca(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("csca.pem"), pem("CERTIFICATE", EC_CSCA.certificate().getEncoded()));
        byte[] sod = PassiveAuthenticatorTest.sod(EC_DS, "SHA256withECDSA", files());
        Issued impostor = TestPki.csca("CSCA EC", TestPki.ec("impostor", "secp384r1"), "SHA384withECDSA");
        Files.write(dir.resolve("forged.crl"), TestPki.crl(impostor, "SHA384withECDSA", EC_DS.certificate()).getEncoded());
        Files.write(dir.resolve("other.crl"), TestPki.crl(EC_CSCA, "SHA384withECDSA",
                PassiveAuthenticatorTest.RSA_DS.certificate()).getEncoded());
        TrustStore before = TrustStore.load(List.of(dir));
        assertThat(before.crls()).hasSize(2);
        assertThat(check(before, sod, files()).status()).isEqualTo(Status.VALID);

        Files.writeString(dir.resolve("real.crl"), pem("X509 CRL",
                TestPki.crl(EC_CSCA, "SHA384withECDSA", EC_DS.certificate()).getEncoded()));
        PassiveAuthentication revoked = check(TrustStore.load(List.of(dir)), sod, files());
        assertThat(revoked.status()).isEqualTo(Status.INVALID);
        assertThat(revoked.signatureValid()).isTrue();
        assertThat(revoked.problems()).containsExactly("The Document Signer certificate was revoked on 2025-01-01 by"
                + " its CSCA");
    }

    @Test
    void aMasterListSignedUnderACscaInItLoadsWithoutWarnings(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("list.ml"), PassiveAuthenticatorTest.masterList(EC_CSCA.certificate(),
                PassiveAuthenticatorTest.RSA_CSCA.certificate()));
        TrustStore t = TrustStore.load(List.of(dir));
        assertThat(t.warnings()).isEmpty();
        assertThat(t.anchors()).hasSize(2);
        assertThat(check(t, PassiveAuthenticatorTest.sod(EC_DS, "SHA256withECDSA", files()), files()).status())
                .isEqualTo(Status.VALID);
    }

    @Test
    void aMasterListWhoseSignatureCannotBeCheckedIsUsedWithAWarning(@TempDir Path dir) throws Exception {
        byte[] ml = PassiveAuthenticatorTest.masterList(EC_CSCA.certificate());
        CMSSignedData withoutSigner = CMSSignedData.replaceCertificatesAndCRLs(new CMSSignedData(ml),
                new JcaCertStore(List.of()), null, null);
        Files.write(dir.resolve("unsigned.ml"), withoutSigner.getEncoded());
        Files.write(dir.resolve("not-a-list.ml"), PassiveAuthenticatorTest.sod(EC_DS, "SHA256withECDSA", files()));
        TrustStore t = TrustStore.load(List.of(dir));
        assertThat(t.anchors()).containsExactly(EC_CSCA.certificate());
        assertThat(t.warnings()).hasSize(2)
                .anyMatch(w -> w.startsWith("unsigned.ml: the master list signature could not be checked (the signer's"
                        + " certificate is not in the list); its 1 certificates are used"))
                .anyMatch(w -> w.startsWith("not-a-list.ml is not a readable master list"));
        assertThat(check(t, PassiveAuthenticatorTest.sod(EC_DS, "SHA256withECDSA", files()), files()).status())
                .isEqualTo(Status.VALID);
    }

    @Test
    void aReKeyedCscaIsFoundByItsKeyIdentifier() {
        KeyPair oldKeys = TestPki.ec("csca-ec", "secp384r1");
        KeyPair newKeys = TestPki.ec("csca-ec-2", "secp384r1");
        X509Certificate oldCsca = csca("CSCA rekeyed", TestCerts.spki(oldKeys), oldKeys, "SHA384withECDSA", true,
                CA_USAGE, FROM, TO);
        X509Certificate newCsca = csca("CSCA rekeyed", TestCerts.spki(newKeys), newKeys, "SHA384withECDSA", true,
                CA_USAGE, FROM, TO);
        X509Certificate ds = ds("DS rekeyed", EC_DS.keys(), newCsca, newKeys, "SHA384withECDSA",
                KeyUsage.digitalSignature, FROM, TO);
        TrustStore t = anchors(oldCsca, newCsca);
        assertThat(t.candidatesFor(ds)).containsExactly(newCsca, oldCsca);
        PassiveAuthentication pa = check(t, sod("SHA-256", EC_DS.keys(), ds, "SHA256withECDSA"), files());
        assertThat(pa.status()).isEqualTo(Status.VALID);
    }

    @Test
    void anIndefiniteLengthSodIsVerified() throws Exception {
        byte[] der = PassiveAuthenticatorTest.sod(EC_DS, "SHA256withECDSA", files());
        byte[] ber = SodBerFixtures.indefinite(SodFile.parse(der).encapsulatedContent(), EC_DS.certificate(),
                TestPki.signer("SHA256withECDSA", EC_DS.keys().getPrivate()));
        assertThat(check(trust(EC_CSCA), ber, files()).status()).isEqualTo(Status.VALID);
        Map<String, byte[]> tampered = files();
        tampered.put("DG1", Hex.decode("61 05 5F 1F 02 41 43"));
        assertThat(check(trust(EC_CSCA), ber, tampered).status()).isEqualTo(Status.INVALID);
    }

    static final String VIETNAM_CSCA = "C=VN,O=Vietnam Government Information Security Commission,SERIALNUMBER=001,"
            + "CN=CSCA Vietnam";

    /** The public copy in ../shared/trust loads, is the certificate cccd-card.md §5 describes, and is named. */
    @Test
    void theVietnamCscaLoadsAndAnImpostorUnderItsNameIsNamedAndRejected() throws Exception {
        Path pem = SystemTestSupport.vietnamCsca();
        SystemTestSupport.requireComponent(Files.isRegularFile(pem), "../shared/trust/csca-vietnam-2021.pem");
        TrustStore t = TrustStore.load(List.of(pem.getParent()));
        assertThat(t.warnings()).isEmpty();
        X509Certificate vn = t.anchors().get(0);
        assertThat(PassiveAuthenticator.name(vn.getSubjectX500Principal())).isEqualTo(VIETNAM_CSCA);
        assertThat(Hex.encode(MessageDigest.getInstance("SHA-256").digest(vn.getEncoded()))).isEqualTo(
                "6F0A20D63A43FC589EAF0D8C52113A2A8BFA341C6F2FAB04121238AA0C22B1A9");
        assertThat(PassiveAuthenticator.isCa(vn)).isTrue();

        // a Document Signer naming the Vietnam CSCA as issuer but signed by another key
        KeyPair fakeKeys = TestPki.ec("impostor", "secp384r1");
        X509Certificate ds = TestCerts.issue(new TestCerts.Spec("C=VN,O=Test PKI,CN=DS claims Vietnam",
                TestCerts.spki(EC_DS.keys()), TestCerts.name(vn), fakeKeys.getPrivate(), null, "SHA384withECDSA", FROM,
                TO, null, KeyUsage.digitalSignature));
        PassiveAuthentication pa = check(t, sod("SHA-256", EC_DS.keys(), ds, "SHA256withECDSA"), files());
        assertThat(pa.status()).isEqualTo(Status.UNTRUSTED);
        assertThat(pa.signatureValid()).isTrue();
        assertThat(pa.csca()).isNull();
        assertThat(pa.problems()).containsExactly("The Document Signer certificate is not signed by any trusted CSCA"
                + " named " + VIETNAM_CSCA);
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 300).boxed();
    }

    /**
     * Damaged SODs (flips, truncation, length bytes, insertions): never VALID unless what is signed and who signed
     * it are unchanged, and a damaged structure is reported as such by the parser, not by the safety net.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void aDamagedSodIsNeverValidUnlessItsSignedPartsAreIntact(long seed) {
        Random r = new Random(seed);
        boolean rsa = r.nextBoolean();
        Issued ds = rsa ? PassiveAuthenticatorTest.RSA_DS : EC_DS;
        byte[] original = PassiveAuthenticatorTest.sod(ds, rsa ? "SHA256withRSAandMGF1" : "SHA256withECDSA", files());
        byte[] sod = original.clone();
        switch (r.nextInt(4)) {
            case 0 -> {
                for (int i = 1 + r.nextInt(3); i > 0; i--) {
                    sod[r.nextInt(sod.length)] ^= (byte) (1 + r.nextInt(255));
                }
            }
            case 1 -> sod = Arrays.copyOf(sod, r.nextInt(sod.length));
            case 2 -> sod[r.nextInt(sod.length)] = (byte) (0x80 + r.nextInt(5));
            default -> {
                int at = r.nextInt(sod.length);
                sod = Bytes.concat(Arrays.copyOf(sod, at), new byte[] {(byte) r.nextInt(256)},
                        Arrays.copyOfRange(sod, at, sod.length));
            }
        }
        PassiveAuthentication pa = check(trust(rsa ? PassiveAuthenticatorTest.RSA_CSCA : EC_CSCA), sod, files());
        assertThat(pa.problems()).noneMatch(p -> p.startsWith("The SOD could not be checked"));
        if (pa.status() == Status.VALID) {
            SodFile parsed = SodFile.parse(sod);
            assertThat(parsed.encapsulatedContent()).isEqualTo(SodFile.parse(original).encapsulatedContent());
            assertThat(parsed.documentSigner()).contains(ds.certificate());
        } else {
            assertThat(pa.status()).isIn(Status.INVALID, Status.UNTRUSTED);
            assertThat(pa.problems()).isNotEmpty();
        }
    }

    @Test
    void hostileTrustFilesAreWarningsNeverFailures(@TempDir Path dir) throws Exception {
        Random r = new Random(7);
        for (String ext : List.of("pem", "crt", "cer", "der", "ml", "crl")) {
            byte[] junk = new byte[1 + r.nextInt(3000)];
            r.nextBytes(junk);
            Files.write(dir.resolve("junk." + ext), junk);
            byte[] truncated = EC_CSCA.certificate().getEncoded();
            Files.write(dir.resolve("cut." + ext), Arrays.copyOf(truncated, truncated.length / 2));
        }
        Files.write(dir.resolve("empty.pem"), new byte[0]);
        try (java.io.RandomAccessFile big = new java.io.RandomAccessFile(dir.resolve("huge.ml").toFile(), "rw")) {
            big.setLength(TrustStore.MAX_FILE_SIZE + 1);
        }
        Files.write(dir.resolve("good.der"), EC_CSCA.certificate().getEncoded());
        TrustStore t = TrustStore.load(List.of(dir));
        assertThat(t.anchors()).containsExactly(EC_CSCA.certificate());
        assertThat(t.warnings()).hasSize(14).anyMatch(w -> w.startsWith("huge.ml is larger than"));
    }

    @Test
    void tooManyTrustFilesAreCappedWithAWarning(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 12; i++) {
            Files.write(dir.resolve("note" + i + ".txt"), new byte[0]);
        }
        Files.write(dir.resolve("a.der"), EC_CSCA.certificate().getEncoded());
        assertThat(TrustStore.load(List.of(dir), 10).warnings()).containsExactly(
                "more than 10 files in the trust directories: the rest are ignored");
        assertThat(TrustStore.load(List.of(dir), 13).warnings()).isEmpty();
        assertThat(TrustStore.load(List.of(dir), 13).anchors()).hasSize(1);
    }
}
