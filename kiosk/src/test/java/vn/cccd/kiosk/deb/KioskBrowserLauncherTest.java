package vn.cccd.kiosk.deb;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.reader.testing.SystemTestSupport;

/**
 * The Debian package's kiosk-browser launcher (kiosk/src/deb/cccd-kiosk-browser) against a stand-in kiosk (an
 * HTTP server whose /api/health can be made to fail) and a stand-in browser (a script that records how it was
 * started and the page it was given): it waits for the kiosk, gives the browser a fresh profile each start and
 * deletes it afterwards, opens /ui/start with the UI secret without putting the secret on the command line,
 * and ends (for systemd to start it again) when the kiosk went away and came back.
 */
class KioskBrowserLauncherTest {
    private static final Path SCRIPT = Path.of("src/deb/cccd-kiosk-browser").toAbsolutePath();
    private static final String SECRET = "5f1c0ffee5f1c0ffee5f1c0ffee5f1c0ffee5f1c0ffee";

    @TempDir
    Path dir;
    private HttpServer kiosk;
    private final AtomicInteger healthStatus = new AtomicInteger(200);
    /** How many times /api/health answered with a failure. */
    private final AtomicInteger failedHealthAnswers = new AtomicInteger();
    private Path runtimeDir;
    private Path record;

    @BeforeEach
    void setUp() throws IOException {
        SystemTestSupport.requireComponent(Files.isExecutable(Path.of("/usr/bin/curl")), "curl");
        kiosk = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        kiosk.createContext("/api/health", exchange -> {
            byte[] body = "{\"status\":\"UP\",\"readers\":[]}".getBytes(StandardCharsets.UTF_8);
            int status = healthStatus.get();
            if (status != 200) {
                failedHealthAnswers.incrementAndGet();
            }
            exchange.sendResponseHeaders(status, status == 200 ? body.length : -1);
            if (status == 200) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        kiosk.start();
        runtimeDir = Files.createDirectory(dir.resolve("runtime"));
        record = dir.resolve("browser-runs");
    }

    @AfterEach
    void tearDown() {
        kiosk.stop(0);
    }

    /** A stand-in browser: appends its arguments and its first page to the record, then stays {@code seconds}. */
    private Path browser(int seconds) throws IOException {
        Path b = dir.resolve("fake-browser");
        Files.writeString(b, "#!/bin/bash\n"
                + "{ echo '--- run'; printf 'arg %s\\n' \"$@\"; page=\"${@: -1}\"; cat \"${page#file://}\"; }"
                + " >> '" + record + "'\n"
                + "sleep " + seconds + " & s=$!; trap 'kill $s; exit 143' TERM; wait $s\n");
        Files.setPosixFilePermissions(b, PosixFilePermissions.fromString("rwx------"));
        return b;
    }

    private Process launch(Path browser, int waitSeconds) throws IOException {
        Path secret = dir.resolve("ui-secret");
        Files.writeString(secret, SECRET + "\n");
        ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("launcher.log").toFile());
        Map<String, String> env = pb.environment();
        env.put("CCCD_KIOSK_URL", "http://127.0.0.1:" + kiosk.getAddress().getPort());
        env.put("CCCD_KIOSK_SECRET_FILE", secret.toString());
        env.put("CCCD_KIOSK_BROWSER", browser.toString());
        env.put("CCCD_KIOSK_WAIT_SECONDS", String.valueOf(waitSeconds));
        env.put("CCCD_KIOSK_POLL_SECONDS", "1");
        env.put("XDG_RUNTIME_DIR", runtimeDir.toString());
        return pb.start();
    }

    private static void awaitExit(Process p, Duration max) throws InterruptedException {
        if (!p.waitFor(max.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the launcher did not end within " + max);
        }
    }

    private List<String> recorded() throws IOException {
        return Files.exists(record) ? Files.readAllLines(record) : List.of();
    }

    private List<String> leftInRuntimeDir() throws IOException {
        try (Stream<Path> s = Files.list(runtimeDir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void opensTheStartPageWithTheSecretOnlyOnceTheKioskAnswersHealth() throws Exception {
        healthStatus.set(503);
        Process p = launch(browser(0), 30);
        Thread.sleep(2_000);
        assertThat(recorded()).as("no browser while /api/health fails").isEmpty();

        healthStatus.set(200);
        awaitExit(p, Duration.ofSeconds(20));
        List<String> run = recorded();
        assertThat(run).contains("arg --kiosk", "arg --kiosk-printing", "arg --noerrdialogs");
        assertThat(run).filteredOn(l -> l.startsWith("arg ")).noneMatch(l -> l.contains(SECRET));
        assertThat(String.join("\n", run)).contains("url=http://127.0.0.1:" + kiosk.getAddress().getPort()
                + "/ui/start?secret=" + SECRET + "\"");
        assertThat(run).anyMatch(l -> l.matches("arg --user-data-dir=" + runtimeDir + "/cccd-kiosk-browser\\.[^/]+/profile"));
        assertThat(leftInRuntimeDir()).as("the profile is deleted when the browser ends").isEmpty();
    }

    @Test
    void everyStartHasAFreshProfile() throws Exception {
        Path b = browser(0);
        awaitExit(launch(b, 10), Duration.ofSeconds(20));
        awaitExit(launch(b, 10), Duration.ofSeconds(20));
        List<String> profiles = recorded().stream().filter(l -> l.startsWith("arg --user-data-dir=")).toList();
        assertThat(profiles).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void endsTheBrowserWhenTheKioskWentAwayAndCameBack() throws Exception {
        Process p = launch(browser(600), 10);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (recorded().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(recorded()).as("the browser started").isNotEmpty();
        healthStatus.set(503);
        int before = failedHealthAnswers.get();
        deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (failedHealthAnswers.get() == before && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(failedHealthAnswers.get()).as("the launcher saw the kiosk away").isGreaterThan(before);
        assertThat(p.isAlive()).as("the browser stays while the kiosk is away").isTrue();
        healthStatus.set(200);
        awaitExit(p, Duration.ofSeconds(15));
        assertThat(p.exitValue()).isZero();
        assertThat(leftInRuntimeDir()).as("the profile is deleted").isEmpty();
        assertThat(Files.readString(dir.resolve("launcher.log"))).contains("the kiosk is back after a restart");
    }

    @Test
    void givesUpWithAMessageWhenTheKioskNeverAnswers() throws Exception {
        healthStatus.set(503);
        Process p = launch(browser(0), 2);
        awaitExit(p, Duration.ofSeconds(20));
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(recorded()).isEmpty();
        assertThat(Files.readString(dir.resolve("launcher.log"))).contains("did not answer /api/health within 2 s");
    }
}
