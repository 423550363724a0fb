package vn.cccd.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.cccd.kiosk.config.KioskConfig;
import vn.cccd.kiosk.config.PinHash;

class KioskMainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String stdin, String... args) {
        KioskMain main = new KioskMain(new PrintWriter(out, true), new PrintWriter(err, true),
                new BufferedReader(new StringReader(stdin)));
        return new CommandLine(main).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    }

    @Test
    void aBadConfigurationStopsTheStartNamingTheKey(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("forms"));
        Path f = Files.writeString(dir.resolve("kiosk.properties"), "session.idleTimeoutSeconds=soon\n",
                StandardCharsets.UTF_8);
        assertThat(run("", "--config", f.toString())).isEqualTo(KioskMain.EXIT_CONFIG);
        assertThat(err.toString()).contains("configuration error: session.idleTimeoutSeconds");
    }

    @Test
    void aWrongStorageKeyStopsTheStartWithAClearMessage(@TempDir Path dir) throws Exception {
        Path forms = Path.of("..", "config", "forms").toAbsolutePath().normalize();
        Files.writeString(dir.resolve("a.key"), vn.cccd.kiosk.store.StorageKey.generate(), StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("b.key"), vn.cccd.kiosk.store.StorageKey.generate(), StandardCharsets.US_ASCII);
        String common = "kiosk.mode=lodging\nlodging.address=Số 1 phố Thử\nreaders.pcsc=false\nforms.dir=" + forms + "\n";
        Path a = Files.writeString(dir.resolve("a.properties"), common + "storage.keyFile=a.key\n", StandardCharsets.UTF_8);
        Path b = Files.writeString(dir.resolve("b.properties"), common + "storage.keyFile=b.key\n", StandardCharsets.UTF_8);
        // the database is created with key A, then a start with key B is refused before serving anything
        vn.cccd.kiosk.store.Database.open(vn.cccd.kiosk.config.ConfigLoader.fromFile(a).storage(), dir.resolve("data"),
                java.time.Clock.systemUTC()).close();
        assertThat(run("", "--config", b.toString(), "--data-dir", dir.resolve("data").toString(), "--port", "0"))
                .isEqualTo(KioskMain.EXIT_CONFIG);
        assertThat(err.toString()).contains("storage error (WRONG_KEY)").contains("storage key does not match");
    }

    @Test
    void aMissingConfigFileIsNamed() {
        assertThat(run("", "--config", "/no/such/kiosk.properties")).isEqualTo(KioskMain.EXIT_CONFIG);
        assertThat(err.toString()).contains("--config").contains("/no/such/kiosk.properties");
    }

    @Test
    void commandLineOptionsOverrideTheFile(@TempDir Path dir) {
        KioskMain main = new KioskMain(new PrintWriter(out), new PrintWriter(err), new BufferedReader(new StringReader("")));
        new CommandLine(main).parseArgs("--config", Path.of("..", "config", "kiosk.properties").toString(),
                "--port", "9123", "--data-dir", dir.toString(), "--demo", "--ui-secret-file", "/etc/cccd-kiosk/ui.secret");
        KioskConfig c = main.configuration();
        assertThat(c.port()).isEqualTo(9123);
        assertThat(c.uiSecretFile()).isEqualTo(Path.of("/etc/cccd-kiosk/ui.secret"));
        assertThat(c.dataDir()).isEqualTo(dir);
        assertThat(c.demo()).isTrue();
        assertThat(c.effectiveOperatorPin().matches("0000")).isTrue();
    }

    @Test
    void verifyLogSaysIntactOrBroken(@TempDir Path dir) throws Exception {
        vn.cccd.kiosk.store.ProcessingLog log = new vn.cccd.kiosk.store.ProcessingLog(dir, "K", java.time.Clock.systemUTC());
        log.record("session-start", java.util.Map.of());
        log.record("card-read", java.util.Map.of("verdict", "AUTHENTIC"), "001090123456");
        assertThat(run("", "--data-dir", dir.toString(), "--verify-log")).isZero();
        assertThat(out.toString()).contains("intact: 2 records");
        Path file = dir.resolve(vn.cccd.kiosk.store.ProcessingLog.FILE_NAME);
        java.nio.file.Files.writeString(file, java.nio.file.Files.readString(file).replace("session-start", "session-stop"));
        assertThat(run("", "--data-dir", dir.toString(), "--verify-log")).isEqualTo(1);
        assertThat(out.toString()).contains("BROKEN at record 1");
    }

    @Test
    void hashPinPrintsAConfigurationLine() {
        assertThat(run("482915\n", "--hash-pin")).isZero();
        String line = out.toString().strip();
        assertThat(line).startsWith("operator.pinHash=pbkdf2-sha256$");
        assertThat(PinHash.parse(line.substring("operator.pinHash=".length())).matches("482915")).isTrue();
        assertThat(line).doesNotContain("482915");
    }

    @Test
    void hashPinRefusesWhatIsNotAPin() {
        assertThat(run("12\n", "--hash-pin")).isEqualTo(KioskMain.EXIT_CONFIG);
        assertThat(err.toString()).contains("6 to 12 digits");
    }

    @Test
    void hashPinRefusesAFourDigitPin() {
        assertThat(run("2468\n", "--hash-pin")).isEqualTo(KioskMain.EXIT_CONFIG);
        assertThat(err.toString()).contains("6 to 12 digits");
        assertThat(out.toString()).doesNotContain("operator.pinHash");
    }

    @Test
    void helpListsTheContractOptions() {
        assertThat(run("", "--help")).isZero();
        assertThat(out.toString()).contains("--config", "--port", "--data-dir", "--demo");
    }
}
