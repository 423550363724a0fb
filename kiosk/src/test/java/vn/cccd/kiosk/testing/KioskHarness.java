package vn.cccd.kiosk.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.jetty.server.Server;
import vn.cccd.kiosk.config.KioskConfig;
import vn.cccd.kiosk.server.KioskApp;
import vn.cccd.kiosk.server.KioskServer;
import vn.cccd.kiosk.server.QrService;
import vn.cccd.reader.model.Json;

/** A kiosk on a free port over a {@link FakeCardSource}, with an HTTP client and an event-stream reader. */
public final class KioskHarness implements AutoCloseable {
    public static final String READER = "Fake Reader 0";
    public final FakeCardSource cards = new FakeCardSource(READER, FakeDemoCards.READER);
    public final KioskApp app;
    public final Server server;
    public final URI base;
    /** Keeps the UI cookie once {@link #unlock(String)} got it (the kiosk sets no other cookie). */
    public final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .cookieHandler(new java.net.CookieManager()).build();
    private final List<EventStream> streams = new ArrayList<>();

    private KioskHarness(KioskConfig config, boolean fakeDemo, QrService qr) throws Exception {
        app = KioskApp.create(config, cards, fakeDemo ? new FakeDemoCards(cards) : null, qr, Clock.systemDefaultZone());
        server = KioskServer.newServer(app);
        server.start();
        URI u = server.getURI();
        base = URI.create("http://127.0.0.1:" + u.getPort());
    }

    /** Test defaults: port 0, no PC/SC, fast polling, station values for the forms. */
    public static KioskConfig.Builder config(Path dataDir) {
        return KioskConfig.builder().port(0).pcscReaders(false).pollInterval(Duration.ofMillis(50))
                .dataDir(dataDir).stationName("Kiosk thử nghiệm").prefill(Map.of(
                        "authority.police", "Công an phường Đồng Tâm",
                        "authority.commune", "Ủy ban nhân dân phường Đồng Tâm",
                        "authority.criminalRecords", "Công an thành phố Hà Nội",
                        "place", "Hà Nội"));
    }

    public static KioskHarness start(Path dataDir) throws Exception {
        return start(dataDir, b -> { });
    }

    public static KioskHarness start(Path dataDir, Consumer<KioskConfig.Builder> tweak) throws Exception {
        KioskConfig.Builder b = config(dataDir);
        tweak.accept(b);
        KioskConfig c = b.build();
        return new KioskHarness(c, c.demo(), null);
    }

    public static KioskHarness start(KioskConfig config, QrService qr) throws Exception {
        return new KioskHarness(config, config.demo(), qr);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    public HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public HttpResponse<String> post(String path, Object body) throws IOException, InterruptedException {
        return post(path, Json.write(body));
    }

    public HttpResponse<byte[]> postForBytes(String path, Object body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
    }

    public HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return http.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public static JsonNode json(HttpResponse<String> r) {
        try {
            return Json.MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }

    /** A UI secret file in {@code dir} as the Debian package makes one: 32 random bytes in base64, one line. */
    public static Path uiSecretFile(Path dir) throws IOException {
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        return java.nio.file.Files.writeString(dir.resolve("ui.secret"),
                java.util.Base64.getEncoder().encodeToString(random) + "\n", StandardCharsets.US_ASCII);
    }

    /** Opens the launcher's address with the UI secret: this client then holds the UI cookie (303 expected). */
    public HttpResponse<String> unlock(String secret) throws IOException, InterruptedException {
        return expect(get("/ui/start?secret=" + java.net.URLEncoder.encode(secret, StandardCharsets.UTF_8)), 303);
    }

    /** Start, consent and key for a persona: the session then waits for the card. */
    public void readyForCard(String persona) throws Exception {
        var p = vn.cccd.mock.persona.Personas.builtIn(persona).person();
        expect(post("/api/session/start", "{}"), 201);
        expect(post("/api/session/consent", Map.of("accepted", true, "textVersion", "test-1", "lang", "vi")), 200);
        expect(post("/api/session/key", Map.of("idNumber", p.idNumber(), "dateOfBirth", p.dateOfBirth(),
                "issueDate", p.issueDate())), 200);
    }

    public static HttpResponse<String> expect(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new AssertionError("expected " + status + " but got " + r.statusCode() + ": " + r.body());
        }
        return r;
    }

    /** Opens {@code GET /api/events}. */
    public EventStream events() {
        EventStream s = new EventStream();
        streams.add(s);
        return s;
    }

    @Override
    public void close() {
        for (EventStream s : streams) {
            s.close();
        }
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the kiosk did not stop", e);
        }
    }

    /** One SSE event. */
    public record Event(String name, JsonNode data) {
    }

    /** Reads an event stream on a background thread into a queue. */
    public final class EventStream implements AutoCloseable {
        private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
        private final CompletableFuture<HttpResponse<Stream<String>>> response;
        private volatile Stream<String> lines;

        EventStream() {
            response = http.sendAsync(HttpRequest.newBuilder(base.resolve("/api/events")).GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            Thread t = new Thread(this::pump, "test-sse");
            t.setDaemon(true);
            t.start();
        }

        private void pump() {
            try {
                lines = response.get(10, TimeUnit.SECONDS).body();
                String[] name = {null};
                lines.forEach(line -> {
                    if (line.startsWith("event: ")) {
                        name[0] = line.substring(7);
                    } else if (line.startsWith("data: ") && name[0] != null) {
                        try {
                            queue.add(new Event(name[0], Json.MAPPER.readTree(line.substring(6))));
                        } catch (IOException e) {
                            queue.add(new Event("unparseable", null));
                        }
                        name[0] = null;
                    }
                });
            } catch (Exception e) {
                // stream closed
            }
        }

        /** The next event called {@code name}, skipping others; fails after {@code seconds}. */
        public Event await(String name, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            List<String> seen = new ArrayList<>();
            while (true) {
                long left = deadline - System.nanoTime();
                Event e = left <= 0 ? null : queue.poll(left, TimeUnit.NANOSECONDS);
                if (e == null) {
                    throw new AssertionError("no '" + name + "' event within " + seconds + " s; saw " + seen);
                }
                if (e.name().equals(name)) {
                    return e;
                }
                seen.add(e.name());
            }
        }

        /** Every event received so far (and clears the queue). */
        public List<Event> drain() {
            List<Event> out = new ArrayList<>();
            queue.drainTo(out);
            return out;
        }

        @Override
        public void close() {
            Stream<String> l = lines;
            if (l != null) {
                l.close();
            }
            response.cancel(true);
        }
    }
}
