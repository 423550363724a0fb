package vn.cccd.reader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import vn.cccd.mock.persona.DocumentFactory;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;
import vn.cccd.mock.pki.DeterministicSigning;
import vn.cccd.mock.pki.MockPki;
import vn.cccd.mock.testing.Captured;
import vn.cccd.reader.lds.LdsFile;
import vn.cccd.reader.lds.SodFile;
import vn.cccd.reader.document.DocumentFiles;
import vn.cccd.reader.cli.ReaderCli;
import vn.cccd.reader.model.Json;
import vn.cccd.mock.cli.MockCardCli;

/** {@code mock-card files} then {@code cccd-reader verify DIR --trust DIR --json}: the contract JSON and exit codes. */
class ReaderVerifyCliTest {
    @TempDir
    Path tmp;

    static Captured reader(String... args) {
        return Captured.run(() -> ReaderCli.run(args));
    }

    static int mock(String... args) {
        java.io.StringWriter sink = new java.io.StringWriter();
        return MockCardCli.run(args, new java.io.PrintWriter(sink), new java.io.PrintWriter(sink));
    }

    Path trust() {
        Path t = tmp.resolve("trust");
        assertThat(mock("pki", "--out", t.toString())).isZero();
        return t;
    }

    Path files(String persona, String... faults) {
        Path d = tmp.resolve(persona + faults.length);
        String[] args = new String[4 + 2 * faults.length];
        args[0] = "files";
        args[1] = "--persona";
        args[2] = persona;
        args[3] = "--out=" + d;
        for (int i = 0; i < faults.length; i++) {
            args[4 + 2 * i] = "--fault";
            args[5 + 2 * i] = faults[i];
        }
        assertThat(mock(args)).isZero();
        return d;
    }

    @Test
    void aSyntheticDocumentVerifiesAuthenticWithTheContractJson() throws Exception {
        Path dir = files("nguyen-thi-hong-nhung");
        assertThat(dir.resolve("SOD.bin")).exists();
        assertThat(dir.resolve("DG13.bin")).exists();
        Captured r = reader("verify", dir.toString(), "--trust", trust().toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = Json.MAPPER.readTree(r.out());
        assertThat(json.at("/verification/overall").asText()).isEqualTo("AUTHENTIC");
        assertThat(json.at("/verification/passiveAuthentication/status").asText()).isEqualTo("VALID");
        assertThat(json.at("/verification/passiveAuthentication/dataGroupHashes/DG13").asText()).isEqualTo("MATCH");
        assertThat(json.at("/verification/passiveAuthentication/csca/subject").asText()).contains("CN=");
        assertThat(json.at("/person/fullName").asText()).isEqualTo("Nguyễn Thị Hồng Nhung");
        assertThat(json.at("/document/type").asText()).isEqualTo("CCCD");
        assertThat(json.at("/face/mimeType").asText()).isEqualTo("image/jpeg");
        assertThat(json.at("/dataGroups")).isNotEmpty();
        assertThat(json.has("stats")).isTrue();
    }

    @Test
    void aTamperedDg13ExitsTenAndNamesDg13() throws Exception {
        Captured r = reader("verify", files("nguyen-van-a", "tamper-dg13").toString(), "--trust", trust().toString(), "--json");
        assertThat(r.exit()).isEqualTo(10);
        JsonNode json = Json.MAPPER.readTree(r.out());
        assertThat(json.at("/verification/overall").asText()).isEqualTo("NOT_AUTHENTIC");
        assertThat(json.at("/verification/passiveAuthentication/dataGroupHashes/DG13").asText()).isEqualTo("MISMATCH");
        Captured text = reader("verify", files("nguyen-van-a", "tamper-dg13").toString(), "--trust", trust().toString());
        assertThat(text.out()).contains("NOT_AUTHENTIC").contains("DG13 does not match");
    }

    @Test
    void aSignedDg13OfNoKnownLayoutExitsZeroWithThePersonFromDg1AndAProblemNamingDg13() throws Exception {
        Path dir = files("nguyen-van-a", "unknown-dg13-layout");
        assertThat(vn.cccd.reader.util.Hex.encode(Files.readAllBytes(dir.resolve("DG13.bin")))).startsWith("6D0A0408");
        Captured r = reader("verify", dir.toString(), "--trust", trust().toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = Json.MAPPER.readTree(r.out());
        assertThat(json.at("/verification/overall").asText()).isEqualTo("AUTHENTIC");
        assertThat(json.at("/verification/passiveAuthentication/dataGroupHashes/DG13").asText()).isEqualTo("MATCH");
        assertThat(json.at("/document/type").asText()).isEqualTo("CCCD");
        assertThat(json.at("/person/idNumber").asText()).isEqualTo("001090123456");
        assertThat(json.at("/person/fullName").asText()).isEqualTo("NGUYEN VAN A");
        assertThat(json.at("/person/dateOfBirth").asText()).isEqualTo("1990-01-01");
        assertThat(json.at("/person/sex").asText()).isEqualTo("Nam");
        assertThat(json.at("/person/placeOfResidence").isNull()).isTrue();
        assertThat(json.at("/problems/0/file").asText()).isEqualTo("DG13");
        assertThat(json.at("/problems/0/message").asText()).contains("DG13");
        assertThat(json.at("/problems").size()).isEqualTo(1);
        Captured text = reader("verify", dir.toString(), "--trust", trust().toString());
        assertThat(text.exit()).isZero();
        assertThat(text.out()).contains("File not understood: DG13");
        // the same file tampered with after signing is still caught: the hash check runs over its bytes
        Files.write(dir.resolve("DG13.bin"), vn.cccd.reader.util.Hex.decode("6D 0A 04 08 00 00 00 00 00 00 00 00"));
        Captured tampered = reader("verify", dir.toString(), "--trust", trust().toString(), "--json");
        assertThat(tampered.exit()).isEqualTo(10);
        assertThat(Json.MAPPER.readTree(tampered.out()).at("/verification/passiveAuthentication/dataGroupHashes/DG13")
                .asText()).isEqualTo("MISMATCH");
    }

    @Test
    void signedDg14AndDg15OfNoKnownLayoutExitZeroWithAProblemEachAndNeitherCheckFailed() throws Exception {
        Persona p = Personas.builtIn("nguyen-thi-hong-nhung");
        Map<LdsFile, byte[]> files = new EnumMap<>(DocumentFactory.files(p));
        assertThat(files).containsKeys(LdsFile.DG14, LdsFile.DG15);
        files.put(LdsFile.DG14, vn.cccd.reader.util.Hex.decode("6E 03 04 01 00"));
        files.put(LdsFile.DG15, vn.cccd.reader.util.Hex.decode("6F 03 04 01 00"));
        MockPki.DocumentSigner ds = MockPki.instance().documentSigner(MockPki.Family.EC);
        Map<Integer, byte[]> groups = new TreeMap<>();
        files.forEach((f, b) -> {
            if (f.isDataGroup()) {
                groups.put(f.dataGroupNumber(), b);
            }
        });
        files.put(LdsFile.SOD, SodFile.build(ds.hash(), groups, ds.certificate(),
                DeterministicSigning.contentSigner(ds.keys().getPrivate(), ds.hash())));
        Path dir = tmp.resolve("odd-dg14-dg15");
        new DocumentFiles(files).save(dir);
        Captured r = reader("verify", dir.toString(), "--trust", trust().toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = Json.MAPPER.readTree(r.out());
        assertThat(json.at("/verification/overall").asText()).isEqualTo("AUTHENTIC");
        assertThat(json.at("/verification/chipAuthentication/status").asText()).isEqualTo("NOT_CHECKED");
        assertThat(json.at("/verification/chipAuthentication/detail").asText()).contains("DG14 could not be read");
        assertThat(json.at("/verification/activeAuthentication/status").asText()).isEqualTo("NOT_CHECKED");
        assertThat(json.at("/verification/activeAuthentication/detail").asText()).contains("DG15 could not be read");
        assertThat(json.at("/problems/0/file").asText()).isEqualTo("DG14");
        assertThat(json.at("/problems/1/file").asText()).isEqualTo("DG15");
        assertThat(json.at("/person/fullName").asText()).isEqualTo(p.person().fullName());
    }

    @Test
    void anAuthenticCardHasNoProblemsEntry() throws Exception {
        Captured r = reader("verify", files("nguyen-van-a").toString(), "--trust", trust().toString(), "--json");
        assertThat(Json.MAPPER.readTree(r.out()).has("problems")).isFalse();
    }

    @Test
    void theLegacyDg13LayoutVerifiesAuthenticWithEveryField() throws Exception {
        Captured r = reader("verify", files("pham-van-binh", "legacy-dg13-layout").toString(), "--trust",
                trust().toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = Json.MAPPER.readTree(r.out());
        assertThat(json.at("/person/spouseName").asText()).isEqualTo("Đỗ Thị Hảo");
        assertThat(json.at("/person/motherName").asText()).isEqualTo("Vũ Thị Lựu");
        assertThat(json.has("problems")).isFalse();
    }

    @Test
    void withoutTrustTheVerdictIsUnverifiedExitTen() {
        Captured r = reader("verify", files("mara-kessler").toString());
        assertThat(r.exit()).isEqualTo(10);
        assertThat(r.out()).contains("UNVERIFIED").contains("No trust anchors");
    }

    @Test
    void garbageFilesExitSixAndAMissingDirectoryExitsTwo() throws Exception {
        Path dir = files("nguyen-van-a");
        Files.write(dir.resolve("DG1.bin"), new byte[] {0x61, 0x7F, 0x01});
        Captured r = reader("verify", dir.toString(), "--json");
        assertThat(r.exit()).isEqualTo(6);
        assertThat(r.err()).contains("DG1");
        assertThat(reader("verify", tmp.resolve("nope").toString()).exit()).isEqualTo(2);
        assertThat(reader("verify").exit()).isEqualTo(2);
        assertThat(reader("frobnicate").exit()).isEqualTo(2);
    }
}
