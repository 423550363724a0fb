package vn.cccd.kiosk.lodging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cccd.kiosk.testing.TestDatabases;
import vn.cccd.kiosk.testing.TestDatabases.Kind;
import vn.cccd.kiosk.testing.TestCards;
import vn.cccd.reader.model.Json;

/**
 * A 201 means the guest is on disk: the kiosk runs as its own JVM (lodging mode, demo reader), two threads register
 * guests in a loop over HTTP, the process is killed with SIGKILL while requests are in flight, a new kiosk starts on
 * the same data directory (or PostgreSQL schema), and every guest that got a 201 is there.
 */
class LodgingDurabilityTest {
    private static final String[] PERSONAS = {"nguyen-van-a", "dang-quoc-viet"};

    @TempDir
    Path dir;

    static List<Kind> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyAcknowledgedGuestSurvivesSigkill(Kind kind) throws Exception {
        try (TestDatabases.Target t = TestDatabases.open(kind, dir)) {
            Path config = config(t.settings.url());
            List<String> acknowledged = new CopyOnWriteArrayList<>();
            int attempts;
            Kiosk first = Kiosk.start(config, dir.resolve("data"));
            try {
                String token = first.login();
                first.readCard(PERSONAS[0]);
                AtomicReference<Throwable> failure = new AtomicReference<>();
                // one person, one-night stays on different nights: every request is a valid, distinct registration
                LocalDate today = LocalDate.now();
                List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
                int i = 0;
                for (; i < 31 && acknowledged.size() < 12; i++) {
                    LocalDate night = today.minusDays(29).plusDays(i);
                    CompletableFuture<HttpResponse<String>> f = first.postAsync(token, "/api/lodging/guests", Map.of(
                            "room", "R" + i, "reason", "Công tác", "arrival", night + "T20:00",
                            "departure", night.plusDays(1).toString()));
                    inFlight.add(f.whenComplete((r, e) -> {
                        if (r != null && r.statusCode() == 201) {
                            acknowledged.add(json(r.body()).get("id").asText());
                        } else if (r != null) {
                            failure.compareAndSet(null, new AssertionError(r.statusCode() + " " + r.body()));
                        }
                    }));
                    if (inFlight.size() >= 3) {
                        inFlight.remove(0).exceptionally(e -> null).get(30, TimeUnit.SECONDS);
                    }
                }
                attempts = i;
                // SIGKILL with requests still in flight: no shutdown hook, no close, no flush
                first.process.destroyForcibly();
                assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                for (CompletableFuture<HttpResponse<String>> f : inFlight) {
                    f.exceptionally(e -> null).get(30, TimeUnit.SECONDS);
                }
                assertThat(failure.get()).isNull();
            } finally {
                first.process.destroyForcibly();
            }
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(12);

            Kiosk second = Kiosk.start(config, dir.resolve("data"));
            try {
                String token = second.login();
                String name = TestCards.person(PERSONAS[0]).fullName();
                for (String id : acknowledged) {
                    HttpResponse<String> r = second.get(token, "/api/lodging/guests/" + id);
                    assertThat(r.statusCode()).as("guest %s acknowledged before the kill", id).isEqualTo(200);
                    assertThat(json(r.body()).get("fullName").asText()).isEqualTo(name);
                }
                // nothing beyond what was attempted, and the register still takes new guests after the crash
                JsonNode all = json(second.get(token, "/api/privacy/subject?idNumber="
                        + TestCards.person(PERSONAS[0]).idNumber()).body());
                assertThat(all.get("count").asInt()).isBetween(acknowledged.size(), attempts);
                second.readCard(PERSONAS[1]);
                assertThat(second.post(token, "/api/lodging/guests", Map.of("room", "9", "reason", "Du lịch",
                        "arrival", LocalDate.now() + "T15:00", "departure", LocalDate.now().plusDays(1).toString()))
                        .statusCode()).isEqualTo(201);
            } finally {
                second.stop();
            }
        }
    }

    private Path config(String storageUrl) throws IOException {
        Path repo = Path.of("").toAbsolutePath().getParent();
        String props = "kiosk.mode=lodging\n"
                + "lodging.name=Nhà nghỉ Thử\n"
                + "lodging.address=Số 1 phố Thử, Hà Nội\n"
                + "readers.pcsc=false\nreaders.pollMillis=100\n"
                + "forms.dir=" + repo.resolve("config/forms") + "\n"
                + "storage.url=" + storageUrl + "\n";
        Path f = dir.resolve("kiosk.properties");
        Files.writeString(f, props, StandardCharsets.UTF_8);
        return f;
    }

    private static JsonNode json(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** The kiosk as a child JVM in demo mode (staff PIN 0000, the mock reader). */
    private static final class Kiosk {
        final Process process;
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        final URI base;

        private Kiosk(Process process, URI base) {
            this.process = process;
            this.base = base;
        }

        static Kiosk start(Path config, Path data) throws Exception {
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process p = new ProcessBuilder(java.toString(), "-cp", classPath, "vn.cccd.kiosk.KioskMain", "--config",
                    config.toString(), "--port", "0", "--data-dir", data.toString(), "--demo")
                    .redirectErrorStream(true).start();
            CompletableFuture<URI> url = new CompletableFuture<>();
            List<String> output = new CopyOnWriteArrayList<>();
            Thread pump = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        output.add(line);
                        int at = line.indexOf("CCCD kiosk: ");
                        if (at >= 0) {
                            url.complete(URI.create(line.substring(at + 12).split("\\s")[0]));
                        }
                    }
                } catch (IOException e) {
                    // the process ended
                }
                url.completeExceptionally(new AssertionError("the kiosk ended: " + output));
            }, "kiosk-output");
            pump.setDaemon(true);
            pump.start();
            try {
                return new Kiosk(p, url.get(120, TimeUnit.SECONDS));
            } catch (Exception e) {
                p.destroyForcibly();
                throw e;
            }
        }

        String login() throws Exception {
            HttpResponse<String> r = send(HttpRequest.newBuilder(base.resolve("/api/operator/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"pin\":\"0000\"}")));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return json(r.body()).get("token").asText();
        }

        /** Start, consent, key, then the demo card on the mock reader; waits until it is read. */
        void readCard(String persona) throws Exception {
            var who = TestCards.person(persona);
            expect(post(null, "/api/session/start", Map.of()), 201);
            expect(post(null, "/api/session/consent", Map.of("accepted", true, "textVersion", "t", "lang", "vi")), 200);
            expect(post(null, "/api/session/key", Map.of("idNumber", who.idNumber(), "dateOfBirth", who.dateOfBirth(),
                    "issueDate", who.issueDate())), 200);
            expect(post(null, "/api/demo/remove", Map.of()), 200);
            expect(post(null, "/api/demo/insert", Map.of("persona", persona)), 200);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                JsonNode s = json(get(null, "/api/session/state").body());
                if (s.path("cards").size() > 0) {
                    return;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("the demo card was not read");
        }

        private static void expect(HttpResponse<String> r, int status) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        }

        HttpResponse<String> get(String token, String path) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).GET();
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return send(b);
        }

        HttpResponse<String> post(String token, String path, Object body) throws Exception {
            return send(postRequest(token, path, body));
        }

        CompletableFuture<HttpResponse<String>> postAsync(String token, String path, Object body) {
            return http.sendAsync(postRequest(token, path, body).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        private HttpRequest.Builder postRequest(String token, String path, Object body) {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return b;
        }

        private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
            return http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
