package vn.cccd.kiosk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.kiosk.KioskMain;
import vn.cccd.kiosk.demo.MockDemoCards;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;
import vn.cccd.reader.model.Json;
import vn.cccd.reader.transport.pcsc.PcscReaders;

/**
 * The README's first command ({@code cccd-kiosk --demo}) on a machine where PC/SC cannot be reached (issue 14,
 * item 1), in a child JVM started as a user starts it (the repository root as working directory, the default
 * configuration with the machine's PC/SC readers watched):
 * <ul>
 * <li>pcscd not running: {@code PCSCLITE_CSOCK_NAME} names a socket that does not exist (pcsc-lite's client
 * library reads it), so every PC/SC call fails with SCARD_E_NO_SERVICE;</li>
 * <li>no usable PC/SC library: an empty {@code libpcsclite.so.1} first on {@code LD_LIBRARY_PATH} (Debian's
 * {@code libj2pcsc.so} links libpcsclite directly, so its loading fails as on a machine without libpcsclite1),
 * plus {@code -Dsun.security.smartcardio.library=/nonexistent} for JDKs that load the library by that property.</li>
 * </ul>
 * Each kiosk lists the demo reader and says why PC/SC is missing in {@code /api/health} (which proves PC/SC really
 * was unreachable), and reads a demo card through the API; the first one also in headless Chromium.
 */
@Tag("system")
class DemoWithoutPcscSystemTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern URL = Pattern.compile("CCCD kiosk: (http://\\S+?)/?\\s");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;
    @TempDir
    Path profile;

    @Test
    void withoutPcscdTheDemoCardIsReadThroughTheApiAndInChromium() throws Exception {
        try (Kiosk k = Kiosk.start(tmp, Map.of("PCSCLITE_CSOCK_NAME", tmp.resolve("no-pcscd.comm").toString()),
                List.of())) {
            JsonNode health = k.awaitHealth(h -> h.has("readerProblem"));
            assertThat(health.at("/readers/0/name").asText()).isEqualTo(MockDemoCards.READER);
            assertThat(health.get("readerProblem").asText()).startsWith(PcscReaders.NO_SERVICE);

            readThroughTheApi(k, Personas.builtIn("nguyen-thi-hong-nhung"));
            readInChromium(k, Personas.builtIn("tran-van-uong"));
        }
    }

    @Test
    void withoutAUsablePcscLibraryTheDemoCardIsReadThroughTheApi() throws Exception {
        Path lib = Files.createDirectories(tmp.resolve("broken-lib"));
        Files.write(lib.resolve("libpcsclite.so.1"), new byte[0]);
        try (Kiosk k = Kiosk.start(tmp, Map.of("LD_LIBRARY_PATH", lib.toString()),
                List.of("-Dsun.security.smartcardio.library=/nonexistent"))) {
            JsonNode health = k.awaitHealth(h -> h.has("readerProblem"));
            assertThat(health.at("/readers/0/name").asText()).isEqualTo(MockDemoCards.READER);
            assertThat(health.get("readers")).hasSize(1);
            assertThat(health.get("readerProblem").asText()).contains("libpcsclite");

            readThroughTheApi(k, Personas.builtIn("nguyen-van-a"));
        }
    }

    private static void readThroughTheApi(Kiosk k, Persona p) throws Exception {
        k.expect("POST", "/api/session/start", "{}", 201);
        k.expect("POST", "/api/session/consent", "{\"accepted\":true,\"textVersion\":\"v1\",\"lang\":\"vi\"}", 200);
        k.expect("POST", "/api/session/key", Json.MAPPER.writeValueAsString(Map.of("idNumber", p.person().idNumber(),
                "dateOfBirth", p.person().dateOfBirth(), "issueDate", p.person().issueDate())), 200);
        k.expect("POST", "/api/demo/insert", "{\"persona\":\"" + p.name() + "\"}", 200);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String phase = null;
        while (System.nanoTime() < end) {
            phase = Json.MAPPER.readTree(k.expect("GET", "/api/session/state", null, 200)).path("phase").asText();
            if (!phase.equals("CARD") && !phase.equals("READING")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(phase).as(k.output()).isEqualTo("READY");
        JsonNode card = Json.MAPPER.readTree(k.expect("GET", "/api/session", null, 200));
        assertThat(card.at("/person/fullName").asText()).isEqualTo(p.person().fullName());
        assertThat(card.at("/person/idNumber").asText()).isEqualTo(p.person().idNumber());
        assertThat(card.at("/verification/overall").asText()).isEqualTo("AUTHENTIC");
        k.expect("POST", "/api/demo/remove", "{}", 200);
        k.expect("DELETE", "/api/session", null, 204);
    }

    private void readInChromium(Kiosk k, Persona p) throws Exception {
        try (Browser b = Browser.start(profile)) {
            b.driver.get(k.base.toString());
            b.until(d -> "true".equals(b.js("return document.body.dataset.ready")), 15);
            b.find("#start").click();
            b.screen("consent");
            b.find("#consent-check").click();
            b.find("#consent-accept").click();
            b.screen("key");
            b.typeCccdKey(p);
            b.find("#demo-details summary").click();
            b.find("#demo-insert-" + p.name()).click();
            b.screen("identity");
            assertThat(b.find("#id-name").getText()).isEqualTo(p.person().fullName());
            assertThat(b.find("#id-badges").getText()).contains("Thẻ thật");
            b.shot("demo-without-pcscd-identity");
        }
    }

    /** A kiosk in its own JVM: {@code KioskMain --demo --port 0} from the repository root. */
    private static final class Kiosk implements AutoCloseable {
        final Process process;
        final Path log;
        URI base;

        private Kiosk(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        static Kiosk start(Path tmp, Map<String, String> env, List<String> jvmOptions) throws Exception {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path")));
            cmd.addAll(jvmOptions);
            cmd.addAll(List.of(KioskMain.class.getName(), "--demo", "--port", "0", "--data-dir",
                    Files.createTempDirectory(tmp, "data").toString()));
            Path log = Files.createTempFile(tmp, "kiosk", ".log");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().putAll(env);
            Kiosk k = new Kiosk(pb.start(), log);
            try {
                k.base = k.awaitUrl();
                return k;
            } catch (Exception | Error e) {
                k.close();
                throw e;
            }
        }

        private URI awaitUrl() throws Exception {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < end) {
                Matcher m = URL.matcher(output());
                if (m.find()) {
                    return URI.create(m.group(1));
                }
                if (!process.isAlive()) {
                    throw new AssertionError("the kiosk exited with " + process.exitValue() + ":\n" + output());
                }
                Thread.sleep(100);
            }
            throw new AssertionError("the kiosk did not start within 60 s:\n" + output());
        }

        String output() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }

        JsonNode awaitHealth(Predicate<JsonNode> expected) throws Exception {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            JsonNode last = null;
            while (System.nanoTime() < end) {
                last = Json.MAPPER.readTree(expect("GET", "/api/health", null, 200));
                if (expected.test(last)) {
                    return last;
                }
                Thread.sleep(100);
            }
            throw new AssertionError("health stayed " + last + "\n" + output());
        }

        String expect(String method, String path, String json, int status) throws Exception {
            HttpRequest.Builder r = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json));
            HttpResponse<String> answer = HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isEqualTo(status);
            return answer.body();
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
