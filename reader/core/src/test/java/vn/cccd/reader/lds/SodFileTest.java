package vn.cccd.reader.lds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.jmrtd.lds.SODFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.testing.TestPki;
import vn.cccd.reader.util.Bytes;
import vn.cccd.reader.util.Hex;

/** SOD build/parse round trips and JMRTD 0.8.6 reading our SODs and we reading JMRTD's. */
class SodFileTest {
    static final TestPki.Issued CSCA = TestPki.csca("CSCA EC", TestPki.ec("csca-ec", "secp384r1"), "SHA384withECDSA");
    static final TestPki.Issued DS = TestPki.documentSigner("DS EC", TestPki.ec("ds-ec", "secp256r1"), CSCA, "SHA384withECDSA");

    static Map<Integer, byte[]> groups() {
        Map<Integer, byte[]> g = new TreeMap<>();
        g.put(1, Hex.decode("61 05 5F 1F 02 41 42"));
        g.put(2, Hex.decode("75 02 00 00"));
        g.put(13, Hex.decode("6D 03 02 01 01"));
        return g;
    }

    @Test
    void buildThenParseGivesTheHashesAndTheSigner() throws Exception {
        byte[] sod = SodFile.build("SHA-256", groups(), DS.certificate(), TestPki.signer("SHA256withECDSA", DS.keys().getPrivate()));
        SodFile parsed = SodFile.parse(sod);
        assertThat(parsed.digestAlgorithm()).isEqualTo("SHA-256");
        assertThat(parsed.dataGroupHashes()).containsOnlyKeys(1, 2, 13);
        assertThat(parsed.hashOf(13)).contains(MessageDigest.getInstance("SHA-256").digest(groups().get(13)));
        assertThat(parsed.documentSigner()).contains(DS.certificate());
        assertThat(parsed.signatureVerifies(DS.certificate())).isTrue();
        assertThat(parsed.signatureVerifies(CSCA.certificate())).isFalse();
        assertThat(parsed.encoded()).isEqualTo(sod);
    }

    @Test
    void jmrtdReadsOurSod() throws Exception {
        byte[] sod = SodFile.build("SHA-384", groups(), DS.certificate(), TestPki.signer("SHA256withECDSA", DS.keys().getPrivate()));
        SODFile theirs = new SODFile(new ByteArrayInputStream(sod));
        assertThat(theirs.getDigestAlgorithm()).isEqualTo("SHA-384");
        assertThat(theirs.getDataGroupHashes()).containsOnlyKeys(1, 2, 13);
        assertThat(theirs.getDataGroupHashes().get(1)).isEqualTo(SodFile.parse(sod).hashOf(1).orElseThrow());
        assertThat(theirs.getDocSigningCertificate()).isEqualTo(DS.certificate());
    }

    @Test
    void weReadJmrtdsSod() throws Exception {
        Map<Integer, byte[]> hashes = new TreeMap<>();
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        groups().forEach((k, v) -> hashes.put(k, md.digest(v)));
        SODFile theirs = new SODFile("SHA-256", "SHA256withECDSA", hashes, DS.keys().getPrivate(), DS.certificate());
        SodFile ours = SodFile.parse(theirs.getEncoded());
        assertThat(ours.digestAlgorithm()).isEqualTo("SHA-256");
        assertThat(ours.hashOf(2)).contains(hashes.get(2));
        assertThat(ours.signatureVerifies(DS.certificate())).isTrue();
    }

    /** ICAO 9303-10 §4.6.2.2 LDSSecurityObject v1 over the DG1 and DG13 fixtures, written out by hand. */
    static final String LSO_V1_SHA256_DG1_DG13 = "30 70 02 01 01 30 0B 06 09 60 86 48 01 65 03 04 02 01"
            + " 30 4E"
            + " 30 25 02 01 01 04 20 75 AC D6 11 44 CF 8E 1F 6E 3C 08 6F 28 04 08 3F 11 AD C9 76 8E A6"
            + " 94 24 A8 43 74 56 BF 48 CC 9D"
            + " 30 25 02 01 0D 04 20 0B 2A 1A C1 41 A3 D4 6D 80 F3 CB 87 15 F4 61 AC E8 3E 5D 5F F7 40 01"
            + " DF 7E 1B D5 E9 7F 0E A0 E4"
            + " 30 0E 13 04 30 31 30 37 13 06 30 34 30 30 30 30";

    @Test
    void versionOneCarriesTheLdsAndUnicodeVersionsByteForByte() throws Exception {
        SodFile.VersionInfo v = new SodFile.VersionInfo("0107", "040000");
        byte[] sod = SodFile.build("SHA-256", Map.of(1, groups().get(1), 13, groups().get(13)), v, DS.certificate(),
                TestPki.signer("SHA256withECDSA", DS.keys().getPrivate()));
        SodFile parsed = SodFile.parse(sod);
        assertThat(parsed.encapsulatedContent()).isEqualTo(Hex.decode(LSO_V1_SHA256_DG1_DG13));
        assertThat(parsed.versionInfo()).contains(v);
        assertThat(SodFile.parse(build("SHA-256", "SHA256withECDSA")).versionInfo()).isEmpty();
        SODFile theirs = new SODFile(new ByteArrayInputStream(sod));
        assertThat(theirs.getLDSVersion()).isEqualTo("0107");
        assertThat(theirs.getUnicodeVersion()).isEqualTo("040000");
    }

    static byte[] build(String digest, String sigAlg) {
        TestPki.Issued ds = sigAlg.contains("RSA") ? RSA_DS : DS;
        return SodFile.build(digest, groups(), ds.certificate(), TestPki.signer(sigAlg, ds.keys().getPrivate()));
    }

    static final TestPki.Issued RSA_CSCA = TestPki.csca("CSCA RSA", TestPki.rsa("csca-rsa", 3072), "SHA256withRSA");
    static final TestPki.Issued RSA_DS = TestPki.documentSigner("DS RSA", TestPki.rsa("ds-rsa", 2048), RSA_CSCA,
            "SHA256withRSA");

    @ParameterizedTest
    @CsvSource({
        "SHA-1, SHA1withECDSA, SHA1withECDSA",
        "SHA-224, SHA224withECDSA, SHA224withECDSA",
        "SHA-256, SHA256withECDSA, SHA256withECDSA",
        "SHA-384, SHA384withECDSA, SHA384withECDSA",
        "SHA-512, SHA512withECDSA, SHA512withECDSA",
        "SHA-256, SHA256withRSA, SHA256withRSA",
        "SHA-1, SHA1withRSA, SHA1withRSA",
        "SHA-256, SHA256withRSAandMGF1, 'RSASSA-PSS(SHA-256, MGF1 SHA-256, salt 32)'",
        "SHA-512, SHA512withRSAandMGF1, 'RSASSA-PSS(SHA-512, MGF1 SHA-512, salt 64)'",
    })
    void everySignerAlgorithmRoundTripsAndIsNamed(String digest, String sigAlg, String name) throws Exception {
        byte[] sod = build(digest, sigAlg);
        SodFile parsed = SodFile.parse(sod);
        TestPki.Issued ds = sigAlg.contains("RSA") ? RSA_DS : DS;
        assertThat(parsed.digestAlgorithm()).isEqualTo(digest);
        assertThat(parsed.signatureAlgorithm()).isEqualTo(name);
        assertThat(parsed.signatureVerifies(ds.certificate())).isTrue();
        assertThat(parsed.contentMatchesSignedDigest()).isTrue();
        assertThat(parsed.signedMessageDigest()).contains(
                MessageDigest.getInstance(digest).digest(parsed.encapsulatedContent()));
        assertThat(parsed.signingTime()).as("no signing time: builds are reproducible").isEmpty();
        // JMRTD reads the same hashes and certificate
        SODFile theirs = new SODFile(new ByteArrayInputStream(sod));
        assertThat(theirs.getDigestAlgorithm()).isEqualTo(digest);
        assertThat(theirs.getDataGroupHashes().get(13)).isEqualTo(parsed.hashOf(13).orElseThrow());
        assertThat(theirs.getDocSigningCertificate()).isEqualTo(ds.certificate());
    }

    @Test
    void weReadJmrtdsRsaPssSod() throws Exception {
        Map<Integer, byte[]> hashes = new TreeMap<>();
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        groups().forEach((k, v) -> hashes.put(k, md.digest(v)));
        SODFile theirs = new SODFile("SHA-256", "RSASSA-PSS",
                new java.security.spec.PSSParameterSpec("SHA-256", "MGF1",
                        java.security.spec.MGF1ParameterSpec.SHA256, 32, 1),
                hashes, RSA_DS.keys().getPrivate(), RSA_DS.certificate());
        SodFile ours = SodFile.parse(theirs.getEncoded());
        assertThat(ours.signatureAlgorithm()).isEqualTo("RSASSA-PSS(SHA-256, MGF1 SHA-256, salt 32)");
        assertThat(ours.signatureVerifies(RSA_DS.certificate())).isTrue();
        assertThat(ours.dataGroupHashes()).containsOnlyKeys(hashes.keySet());
    }

    @Test
    void anIndefiniteLengthBerSodParses() throws Exception {
        byte[] der = build("SHA-256", "SHA256withECDSA");
        byte[] ber = SodBerFixtures.indefinite(SodFile.parse(der).encapsulatedContent(), DS.certificate(),
                TestPki.signer("SHA256withECDSA", DS.keys().getPrivate()));
        assertThat(Hex.encode(ber, 0, 4)).isEqualTo("77803080");
        SodFile parsed = SodFile.parse(ber);
        assertThat(parsed.hashOf(13)).contains(SodFile.parse(der).hashOf(13).orElseThrow());
        assertThat(parsed.signatureVerifies(DS.certificate())).isTrue();
        assertThat(parsed.signingTime()).isPresent();
        // without the end-of-contents octets of the wrapper it is malformed
        assertThatThrownBy(() -> SodFile.parse(Arrays.copyOf(ber, ber.length - 2)))
                .isInstanceOf(MalformedDataException.class);
    }

    @Test
    void aChangedHashListNoLongerMatchesTheSignedDigest() {
        byte[] sod = build("SHA-256", "SHA256withECDSA");
        byte[] dg13 = SodFile.parse(sod).hashOf(13).orElseThrow();
        sod[Bytes.indexOf(sod, dg13)] ^= 1;
        SodFile parsed = SodFile.parse(sod);
        assertThat(parsed.contentMatchesSignedDigest()).isFalse();
        assertThat(parsed.signatureVerifies(DS.certificate())).isFalse();
    }

    @Test
    void accessorsReturnCopies() {
        SodFile parsed = SodFile.parse(build("SHA-256", "SHA256withECDSA"));
        parsed.dataGroupHashes().get(1)[0] ^= 1;
        parsed.hashOf(1).orElseThrow()[0] ^= 1;
        parsed.encapsulatedContent()[0] ^= 1;
        parsed.encoded()[0] ^= 1;
        assertThat(parsed.hashOf(1)).contains(SodFile.parse(build("SHA-256", "SHA256withECDSA")).hashOf(1).orElseThrow());
        assertThat(parsed.encapsulatedContent()[0]).isEqualTo((byte) 0x30);
        assertThat(parsed.encoded()[0]).isEqualTo((byte) 0x77);
    }

    @Test
    void buildRejectsWhatCannotBeAnSod() {
        Map<Integer, byte[]> bad = Map.of(17, new byte[] {1});
        assertThatThrownBy(() -> SodFile.build("SHA-256", bad, DS.certificate(),
                TestPki.signer("SHA256withECDSA", DS.keys().getPrivate()))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SodFile.build("MD4", groups(), DS.certificate(),
                TestPki.signer("SHA256withECDSA", DS.keys().getPrivate()))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "77 80 30 80 00 00",
        "77 80 30 03 02 01 01 00",
        "77 84 7F FF FF FF 30 00",
        "77 85 00 00 00 00 05 30 00",
        "77 81",
        "77",
        "77 00",
        "77 02 30 00 FF FF",
        "77 04 31 02 30 00",
    })
    void brokenWrappersAreMalformed(String hex) {
        assertThatThrownBy(() -> SodFile.parse(Hex.decode(hex))).isInstanceOf(MalformedDataException.class);
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 200).boxed();
    }

    /** Random damage to a real SOD: a parsed SodFile or a MalformedDataException, nothing else. */
    @ParameterizedTest
    @MethodSource("seeds")
    void damagedSodsParseOrFailTyped(long seed) {
        Random r = new Random(seed);
        byte[] sod = build(r.nextBoolean() ? "SHA-256" : "SHA-384", r.nextBoolean() ? "SHA256withECDSA" : "SHA256withRSAandMGF1");
        switch (r.nextInt(3)) {
            case 0 -> sod[r.nextInt(sod.length)] ^= (byte) (1 + r.nextInt(255));
            case 1 -> sod = Arrays.copyOf(sod, r.nextInt(sod.length));
            default -> {
                int at = r.nextInt(sod.length);
                sod[at] = (byte) (0x80 + r.nextInt(5)); // length-ish byte: long forms and indefinite
            }
        }
        byte[] input = sod;
        try {
            SodFile parsed = SodFile.parse(input);
            parsed.signatureAlgorithm();
            parsed.contentMatchesSignedDigest();
            parsed.signingTime();
            parsed.documentSigner().ifPresent(parsed::signatureVerifies);
        } catch (MalformedDataException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Test
    void notAnSodIsMalformed() {
        assertThatThrownBy(() -> SodFile.parse(Hex.decode("77 03 30 01 00"))).isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> SodFile.parse(Hex.decode("6D 03 02 01 01"))).isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("tag 77");
        assertThatThrownBy(() -> SodFile.parse(Hex.decode("77 82 FF"))).isInstanceOf(MalformedDataException.class);
    }
}
