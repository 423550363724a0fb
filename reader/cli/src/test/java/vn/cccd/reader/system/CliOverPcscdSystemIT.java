package vn.cccd.reader.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.CardTerminal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;
import vn.cccd.mock.testing.Vpcd;
import vn.cccd.mock.vpcd.VpcdAddress;
import vn.cccd.reader.model.Json;
import vn.cccd.reader.testing.SystemTestSupport;

/**
 * The issue's proof through the real stack, as a user runs it: {@code mock-card serve --vpcd} in one process,
 * pcscd with vsmartcard-vpcd, and {@code cccd-reader read} in another, both from the shaded jars.
 */
class CliOverPcscdSystemIT {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent().getParent(); // reader/cli → the repository
    static final Path READER_JAR = ROOT.resolve("reader/target/cccd-reader.jar");
    static final Path MOCK_JAR = ROOT.resolve("mock-card/target/mock-card.jar");

    @TempDir
    static Path tmp;
    static Path trust;
    static CardTerminal slot;

    @BeforeAll
    static void setUp() throws Exception {
        slot = Vpcd.requireReader(VpcdAddress.DEFAULT);
        assertThat(READER_JAR).exists();
        assertThat(MOCK_JAR).exists();
        trust = tmp.resolve("trust");
        assertThat(run(List.of("java", "-jar", MOCK_JAR.toString(), "pki", "--out", trust.toString())).exit).isZero();
    }

    record Result(int exit, String out, String err) {
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /**
     * Serves the persona through vpcd, runs the reader CLI against "Virtual PCD 00 00", removes the card. Starts and
     * ends on an empty slot (see {@link Vpcd}: a card served before pcscd noticed the previous one's removal gets
     * the old card's APDU failures).
     */
    static Result readThroughPcscd(String persona, String... faults) throws Exception {
        try (FileLock lock = SystemTestSupport.lockVpcd()) {
            assertThat(lock.isValid()).isTrue();
            Vpcd.awaitEmpty(slot);
            List<String> serve = new ArrayList<>(List.of("java", "-jar", MOCK_JAR.toString(), "serve", "--persona", persona,
                    "--vpcd"));
            for (String f : faults) {
                serve.add("--fault");
                serve.add(f);
            }
            Process card = new ProcessBuilder(serve).redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("serve-" + persona + ".log").toFile()).start();
            try {
                Persona p = Personas.builtIn(persona);
                return run(List.of("java", "-jar", READER_JAR.toString(), "read", "--reader", "Virtual PCD 00 00",
                        "--wait", "20", "--id-number", p.person().idNumber(), "--dob", p.person().dateOfBirth(),
                        "--issue-date", p.person().issueDate(), "--trust", trust.toString(), "--json"));
            } finally {
                card.destroy();
                if (!card.waitFor(10, TimeUnit.SECONDS)) {
                    card.destroyForcibly();
                }
                Vpcd.awaitEmpty(slot);
            }
        }
    }

    @Test
    void aMockCardInPcscdReadsAuthenticWithExitZero() throws Exception {
        Result r = readThroughPcscd("nguyen-thi-hong-nhung");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = Json.MAPPER.readTree(r.out());
        assertThat(json.at("/verification/overall").asText()).isEqualTo("AUTHENTIC");
        assertThat(json.at("/person/fullName").asText()).isEqualTo(Personas.builtIn("nguyen-thi-hong-nhung").person().fullName());
        assertThat(json.at("/person/idNumber").asText()).isEqualTo(Personas.builtIn("nguyen-thi-hong-nhung").person().idNumber());
        assertThat(json.at("/verification/activeAuthentication/status").asText()).isEqualTo("PASSED");
    }

    @Test
    void aCardRemovedAfterTwentyApdusExitsFiveWithAClearMessage() throws Exception {
        Result r = readThroughPcscd("nguyen-van-a", "remove-after:20");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(5);
        assertThat(r.err()).contains("CARD_REMOVED").containsIgnoringCase("removed");
    }

    @Test
    void aClonedChipFailsActiveAuthenticationAndExitsTen() throws Exception {
        Result r = readThroughPcscd("dang-quoc-viet", "clone");
        assertThat(r.exit()).as(r.err()).isEqualTo(10);
        JsonNode json = Json.MAPPER.readTree(r.out());
        assertThat(json.at("/verification/activeAuthentication/status").asText()).isEqualTo("FAILED");
        assertThat(json.at("/verification/passiveAuthentication/status").asText()).isEqualTo("VALID");
        assertThat(json.at("/verification/overall").asText()).isEqualTo("NOT_AUTHENTIC");
    }

    @Test
    void aChipAuthenticationKeyMismatchFailsAndExitsTen() throws Exception {
        Result r = readThroughPcscd("nguyen-thi-a", "ca-mismatch");
        assertThat(r.exit()).as(r.err()).isEqualTo(10);
        JsonNode json = Json.MAPPER.readTree(r.out());
        assertThat(json.at("/verification/chipAuthentication/status").asText()).isEqualTo("FAILED");
        assertThat(json.at("/verification/overall").asText()).isEqualTo("NOT_AUTHENTIC");
    }

    @Test
    void aTamperedDg13ExitsTenAndNamesDg13() throws Exception {
        Result r = readThroughPcscd("nguyen-van-a", "tamper-dg13");
        assertThat(r.exit()).as(r.err()).isEqualTo(10);
        JsonNode json = Json.MAPPER.readTree(r.out());
        assertThat(json.at("/verification/overall").asText()).isEqualTo("NOT_AUTHENTIC");
        assertThat(json.at("/verification/passiveAuthentication/dataGroupHashes/DG13").asText()).isEqualTo("MISMATCH");
        assertThat(json.at("/verification/passiveAuthentication/problems").toString()).contains("DG13");
    }
}
