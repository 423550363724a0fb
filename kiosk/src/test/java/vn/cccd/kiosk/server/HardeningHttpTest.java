package vn.cccd.kiosk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cccd.kiosk.testing.KioskHarness.expect;
import static vn.cccd.kiosk.testing.KioskHarness.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.kiosk.testing.KioskHarness;
import vn.cccd.kiosk.web.http.SecurityHandler;

/** Issue 16, item 6: what a hostile page or a broken client gets from the kiosk's HTTP side. */
class HardeningHttpTest {
    @TempDir
    Path data;

    private static HttpResponse<byte[]> get(KioskHarness k, String path, String site) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(k.base.resolve(path)).GET();
        if (site != null) {
            b.header("Sec-Fetch-Site", site);
        }
        return k.http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void anotherSitesPageCannotFetchTheSessionOrThePortrait() throws Exception {
        try (KioskHarness k = KioskHarness.start(data, b -> b.demo(true))) {
            var events = k.events();
            k.readyForCard("nguyen-van-a");
            expect(k.post("/api/demo/insert", Map.of("persona", "nguyen-van-a")), 200);
            events.await("read-complete", 10);
            for (String path : new String[] {"/api/session", "/api/session/cards/0", "/api/session/cards/0/face",
                    "/api/session/state", "/api/forms/ct01-2023/prefill"}) {
                for (String site : new String[] {"cross-site", "same-site"}) {
                    HttpResponse<byte[]> r = get(k, path, site);
                    assertThat(r.statusCode()).as(path + " " + site).isEqualTo(403);
                    String body = new String(r.body(), StandardCharsets.UTF_8);
                    assertThat(body).contains("CROSS_SITE").doesNotContain("Nguyễn", "001");
                }
                assertThat(get(k, path, "same-origin").statusCode()).as(path).isEqualTo(200);
                assertThat(get(k, path, null).statusCode()).as(path + " (no browser)").isEqualTo(200);
            }
            HttpResponse<byte[]> foreignOrigin = k.http.send(HttpRequest.newBuilder(k.base.resolve("/api/session"))
                    .header("Origin", "http://evil.example").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(foreignOrigin.statusCode()).isEqualTo(403);
            assertThat(get(k, "/api/health", "cross-site").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aQueryThatIsNotUtf8IsABadRequest() throws Exception {
        try (KioskHarness k = KioskHarness.start(data)) {
            HttpResponse<String> r = k.get("/api/forms?lang=%ff%fe");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(json(r).get("code").asText()).isEqualTo("BAD_QUERY");
            assertThat(k.get("/api/forms?lang=en").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void jsonErrorsNameTheFieldButNoInternalClass() throws Exception {
        try (KioskHarness k = KioskHarness.start(data)) {
            expect(k.post("/api/session/start", "{}"), 201);
            String[][] bodies = {
                {"{\"accepted\": \"perhaps\"}", "INVALID_JSON"},
                {"{\"accepted\": true, \"textVersion\": \"v\", \"extra\": 1}", "INVALID_JSON"},
                {"[1, 2]", "INVALID_JSON"},
                {"{\"accepted\": tru", "MALFORMED_JSON"},
                {"{\"accepted\": true} {\"again\": 1}", "INVALID_JSON"},
            };
            for (String[] b : bodies) {
                HttpResponse<String> r = k.post("/api/session/consent", b[0]);
                assertThat(r.statusCode()).as(b[0]).isEqualTo(400);
                JsonNode e = json(r);
                assertThat(e.get("code").asText()).isEqualTo("BAD_REQUEST");
                assertThat(e.get("reason").asText()).as(b[0]).isEqualTo(b[1]);
                assertThat(e.get("message").asText()).as(b[0]).contains(" / ")
                        .doesNotContain("vn.cccd", "java.", "KioskApi", "Consent", "`", "$", "known properties");
            }
            assertThat(json(k.post("/api/session/consent", "{\"accepted\": \"perhaps\"}")).get("field").asText())
                    .isEqualTo("accepted");
        }
    }

    /** Sends raw bytes and returns the status line and headers of the answer. */
    private static String raw(KioskHarness k, String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", k.base.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder head = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0) {
                head.append((char) c);
                if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                    break;
                }
            }
            return head.toString();
        }
    }

    @Test
    void jettysOwnErrorPagesCarryTheSecurityHeaders() throws Exception {
        try (KioskHarness k = KioskHarness.start(data, b -> b.maxJsonBytes(4096))) {
            String host = "Host: 127.0.0.1:" + k.base.getPort() + "\r\n";
            Map<String, String> attacks = Map.of(
                    "400", "GET / HTTP/1.1\r\n" + host + "Bad Header Line\r\nConnection: close\r\n\r\n",
                    "413", "POST /api/session/consent HTTP/1.1\r\n" + host + "Content-Type: application/json\r\n"
                            + "Content-Length: 50000000\r\nConnection: close\r\n\r\n{",
                    "414", "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n",
                    "431", "GET / HTTP/1.1\r\n" + host + "X-Big: " + "b".repeat(20_000) + "\r\nConnection: close\r\n\r\n");
            for (Map.Entry<String, String> a : attacks.entrySet()) {
                String head = raw(k, a.getValue());
                assertThat(head).as(a.getKey()).startsWith("HTTP/1.1 " + a.getKey());
                String lower = head.toLowerCase(java.util.Locale.ROOT);
                assertThat(lower).as(head)
                        .contains("content-security-policy: " + SecurityHandler.CSP.toLowerCase(java.util.Locale.ROOT))
                        .contains("x-content-type-options: nosniff")
                        .contains("x-frame-options: sameorigin")
                        .contains("referrer-policy: no-referrer")
                        .contains("cache-control: no-store");
            }
        }
    }
}
