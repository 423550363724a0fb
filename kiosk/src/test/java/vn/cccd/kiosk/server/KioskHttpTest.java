package vn.cccd.kiosk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cccd.kiosk.testing.KioskHarness.expect;
import static vn.cccd.kiosk.testing.KioskHarness.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.kiosk.testing.KioskHarness;
import vn.cccd.kiosk.web.http.SecurityHandler;

/** The HTTP surface: bad requests, limits, headers, static files, host and origin guards. */
class KioskHttpTest {
    @TempDir
    Path data;
    KioskHarness k;

    @BeforeEach
    void start() throws Exception {
        k = KioskHarness.start(data, b -> b.maxJsonBytes(4096));
    }

    @AfterEach
    void stop() {
        k.close();
    }

    @Test
    void theServerListensOnLoopbackOnly() {
        assertThat(k.server.getURI().getHost()).isIn("127.0.0.1", "localhost");
    }

    @Test
    void badRequestsGetAJsonErrorWithACode() throws Exception {
        expect(k.post("/api/session/start", "{}"), 201);
        check(k.post("/api/session/consent", "{\"accepted\": tru"), 400, "BAD_REQUEST");
        check(k.post("/api/session/consent", "{\"accepted\": true, \"textVersion\": \"v\", \"extra\": 1}"), 400,
                "BAD_REQUEST");
        check(k.post("/api/session/consent", "[1, 2]"), 400, "BAD_REQUEST");
        check(k.post("/api/session/consent", "{\"accepted\": true} {\"again\": 1}"), 400, "BAD_REQUEST");
        check(k.post("/api/session/consent", "{}"), 400, "BAD_REQUEST");
        check(k.post("/api/session/consent", ""), 400, "BAD_REQUEST");
        check(k.post("/api/session/consent", "{\"accepted\": true, \"textVersion\": \"v\", \"lang\": \"fr\"}"), 400,
                "BAD_REQUEST");
        check(k.send(HttpRequest.newBuilder(k.base.resolve("/api/session/consent")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"accepted\": true}"))), 415, "UNSUPPORTED_MEDIA_TYPE");
        expect(k.post("/api/session/consent", Map.of("accepted", true, "textVersion", "v")), 200);
        check(k.post("/api/session/key", Map.of("idNumber", "12345", "dateOfBirth", "1990-01-01")), 400, "INVALID_KEY");
        check(k.post("/api/session/key", Map.of("idNumber", "001090123456", "dateOfBirth", "01/01/1990")), 400,
                "INVALID_KEY");
        check(k.post("/api/session/key", Map.of("idNumber", "001090123456", "dateOfBirth", "2990-01-01")), 400,
                "INVALID_KEY");
        check(k.post("/api/session/key", Map.of("idNumber", "001090123456")), 400, "INVALID_KEY");
        check(k.post("/api/forms/ct01-2023/validate", "{\"fields\": {\"phone\": 5}}"), 400, "INVALID_FORM");
        check(k.post("/api/forms/ct01-2023/validate", "{\"fields\": \"x\"}"), 400, "BAD_REQUEST");
    }

    @Test
    void bodiesOverTheLimitAreRefused() throws Exception {
        String big = "{\"accepted\": true, \"textVersion\": \"" + "x".repeat(5000) + "\"}";
        check(k.post("/api/session/consent", big), 413, "TOO_LARGE");
    }

    @Test
    void unknownPathsAndMethods() throws Exception {
        check(k.get("/api/nothing"), 404, "NOT_FOUND");
        check(k.get("/api/forms/ct01.2023"), 404, "NOT_FOUND");
        HttpResponse<String> r = k.get("/api/session/start");
        check(r, 405, "METHOD_NOT_ALLOWED");
        assertThat(r.headers().firstValue("Allow")).hasValue("POST");
        check(k.send(HttpRequest.newBuilder(k.base.resolve("/api/health")).method("PUT",
                HttpRequest.BodyPublishers.noBody())), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (String path : new String[] {"/", "/api/health", "/api/nothing"}) {
            HttpResponse<String> r = k.get(path);
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).hasValue(SecurityHandler.CSP);
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        }
        assertThat(SecurityHandler.CSP).startsWith("default-src 'self'").doesNotContain("unsafe").doesNotContain("http");
        assertThat(k.get("/api/health").headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void theUiAndItsFontAreServedFromTheJar() throws Exception {
        HttpResponse<String> index = expect(k.get("/"), 200);
        assertThat(index.body()).contains("<html lang=\"vi\"");
        HttpResponse<byte[]> font = k.getBytes("/fonts/DejaVuSans.ttf");
        assertThat(font.statusCode()).isEqualTo(200);
        assertThat(font.headers().firstValue("Content-Type")).hasValue("font/ttf");
        assertThat(font.body().length).isGreaterThan(100_000);
        assertThat(k.get("/fonts/../config/kiosk.properties").statusCode()).isEqualTo(404);
        assertThat(k.get("/config/kiosk.properties").statusCode()).isEqualTo(404);
        assertThat(k.get("/vn/cccd/kiosk/KioskMain.class").statusCode()).isEqualTo(404);
    }

    @Test
    void aForeignHostNameIsRefused() throws Exception {
        // DNS rebinding: a page on evil.example resolving to 127.0.0.1
        try (Socket s = new Socket("127.0.0.1", k.base.getPort())) {
            s.getOutputStream().write(("GET /api/session HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 421").contains("BAD_HOST");
        }
        try (Socket s = new Socket("127.0.0.1", k.base.getPort())) {
            s.getOutputStream().write(("GET /api/health HTTP/1.1\r\nHost: localhost:" + k.base.getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void anotherOriginCannotDriveTheApi() throws Exception {
        HttpResponse<String> r = k.send(HttpRequest.newBuilder(k.base.resolve("/api/session/start"))
                .header("Content-Type", "application/json").header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        check(r, 403, "CROSS_ORIGIN");
        assertThat(json(k.get("/api/session/state")).get("active").asBoolean()).isFalse();
        r = k.send(HttpRequest.newBuilder(k.base.resolve("/api/session/start"))
                .header("Content-Type", "application/json").header("Origin", "http://127.0.0.1:" + k.base.getPort())
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(r.statusCode()).isEqualTo(201);
    }

    @Test
    void configTellsTheUiWhatItNeeds() throws Exception {
        JsonNode c = json(expect(k.get("/api/config"), 200));
        assertThat(c.get("station").asText()).isEqualTo("Kiosk thử nghiệm");
        assertThat(c.get("languages").get(0).asText()).isEqualTo("vi");
        assertThat(c.get("idleTimeoutSeconds").asLong()).isEqualTo(120);
        assertThat(c.get("idleWarningSeconds").asLong()).isEqualTo(30);
        assertThat(c.get("mode").asText()).isEqualTo("citizen");
    }

    private static void check(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode body = json(r);
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.get("message").asText()).isNotBlank();
    }
}
