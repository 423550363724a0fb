package vn.cccd.reader.lds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.util.Map;
import java.util.TreeMap;
import org.jmrtd.lds.SODFile;
import org.junit.jupiter.api.Test;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.testing.TestPki;
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

    @Test
    void notAnSodIsMalformed() {
        assertThatThrownBy(() -> SodFile.parse(Hex.decode("77 03 30 01 00"))).isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> SodFile.parse(Hex.decode("6D 03 02 01 01"))).isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("tag 77");
        assertThatThrownBy(() -> SodFile.parse(Hex.decode("77 82 FF"))).isInstanceOf(MalformedDataException.class);
    }
}
