package vn.cccd.kiosk.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.kiosk.testing.KioskHarness;
import vn.cccd.reader.model.Json;
import vn.cccd.reader.testing.SystemTestSupport;

/**
 * Debian's Prometheus against the kiosk on loopback (issue 14, item 4): a central Prometheus server that scrapes the
 * kiosk's {@code /metrics} directly and also receives remote writes, and a Prometheus agent running the repository's
 * {@code docs/prometheus/kiosk-agent.yml} (the kiosk's port, the central URL and a 1 s interval substituted) that
 * scrapes the kiosk and forwards to the central one, as docs/DEPLOY.md describes. After two card reads, the central
 * server's HTTP API answers {@code cccd_card_reads_total} = 2 for the direct scrape and for the agent's station.
 * Skipped without /usr/bin/prometheus on a developer machine; failing in CI ({@code CCCD_REQUIRE_SYSTEM_TESTS}).
 */
@Tag("system")
class KioskFleetPrometheusSystemTest {
    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : processes) {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void aCentralPrometheusSeesTheKiosksCardReadsDirectlyAndThroughTheAgent() throws Exception {
        SystemTestSupport.requireComponent(Files.isExecutable(PROMETHEUS), "Debian's prometheus (/usr/bin/prometheus)");
        try (KioskHarness k = KioskHarness.start(tmp.resolve("kiosk"), b -> b.demo(true))) {
            var events = k.events();
            for (String persona : List.of("nguyen-van-a", "tran-van-uong")) {
                k.readyForCard(persona);
                KioskHarness.expect(k.post("/api/demo/insert", "{\"persona\":\"" + persona + "\"}"), 200);
                events.await("read-complete", 10);
                KioskHarness.expect(k.delete("/api/session"), 204);
                KioskHarness.expect(k.post("/api/demo/remove", "{}"), 200);
            }
            String kiosk = "127.0.0.1:" + k.base.getPort();

            int centralPort = freePort();
            Path central = Files.writeString(tmp.resolve("central.yml"), String.join("\n",
                    "global:", "  scrape_interval: 1s",
                    "scrape_configs:", "  - job_name: direct", "    static_configs:",
                    "      - targets: [\"" + kiosk + "\"]", ""));
            start("central", PROMETHEUS.toString(), "--config.file=" + central,
                    "--storage.tsdb.path=" + Files.createDirectories(tmp.resolve("central-data")),
                    "--web.listen-address=127.0.0.1:" + centralPort, "--web.enable-remote-write-receiver");

            String agentConfig = Files.readString(ROOT.resolve("docs/prometheus/kiosk-agent.yml"))
                    .replace("scrape_interval: 15s", "scrape_interval: 1s")
                    .replace("127.0.0.1:8080", kiosk)
                    .replace("https://prometheus.province.example/api/v1/write",
                            "http://127.0.0.1:" + centralPort + "/api/v1/write");
            assertThat(agentConfig).contains(kiosk, "127.0.0.1:" + centralPort, "station: \"kiosk-01\"");
            Path agent = Files.writeString(tmp.resolve("agent.yml"), agentConfig);
            start("agent", PROMETHEUS.toString(), "--enable-feature=agent", "--config.file=" + agent,
                    "--storage.agent.path=" + Files.createDirectories(tmp.resolve("agent-data")),
                    "--web.listen-address=127.0.0.1:" + freePort());

            URI api = URI.create("http://127.0.0.1:" + centralPort);
            // the two authentic reads; a card still on the reader when its session is closed may add a read that
            // the removal ends (CARD_REMOVED), so the other verdicts are not counted here
            assertThat(awaitValue(api, "sum(cccd_card_reads_total{job=\"direct\",verdict=\"AUTHENTIC\"})", "2"))
                    .isEqualTo("2");
            assertThat(awaitValue(api,
                    "sum(cccd_card_reads_total{station=\"kiosk-01\",province=\"ha-noi\",verdict=\"AUTHENTIC\"})", "2"))
                    .isEqualTo("2");
            assertThat(awaitValue(api, "cccd_card_reads_total{job=\"direct\",verdict=\"AUTHENTIC\",code=\"none\"}",
                    "2")).isEqualTo("2");
            // the agent forwards its scrape's health too: the fleet sees a kiosk whose agent cannot scrape it
            assertThat(awaitValue(api, "up{job=\"cccd-kiosk\",station=\"kiosk-01\"}", "1")).isEqualTo("1");
            // the example queries and alert expressions of docs/DEPLOY.md are valid PromQL on these metrics
            for (String q : DEPLOY_QUERIES) {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(api.resolve("/api/v1/query?query="
                        + URLEncoder.encode(q, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(q + ": " + r.body()).isEqualTo(200);
            }
        }
    }

    /** The queries docs/DEPLOY.md shows (kept identical). */
    static final List<String> DEPLOY_QUERIES = List.of(
            "sum by (province, station) (increase(cccd_card_reads_total[1h]))",
            "sum by (station, code) (increase(cccd_card_reads_total{verdict=\"FAILED\"}[1h]))",
            "histogram_quantile(0.95, sum by (le) (rate(cccd_card_read_duration_seconds_bucket{outcome=\"read\"}[1h])))",
            "cccd_reader_service_up == 0",
            "cccd_webhook_outbox_oldest_age_seconds > 600",
            "increase(cccd_storage_errors_total[15m]) > 0",
            "up{job=\"cccd-kiosk\"} == 0");

    private void start(String name, String... command) throws IOException {
        Path log = tmp.resolve(name + ".log");
        processes.add(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start());
    }

    /** Queries until the (single) result's value is {@code expected}, for 90 s; returns the last value seen. */
    private String awaitValue(URI api, String query, String expected) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String last = null;
        while (System.nanoTime() < end) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(api.resolve("/api/v1/query?query="
                        + URLEncoder.encode(query, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    JsonNode result = Json.MAPPER.readTree(r.body()).at("/data/result");
                    last = result.size() == 1 ? result.get(0).at("/value/1").asText() : "results: " + result;
                    if (expected.equals(last)) {
                        return last;
                    }
                }
            } catch (IOException e) {
                last = "not answering: " + e;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(query + " stayed " + last + "\ncentral: " + Files.readString(tmp.resolve("central.log"))
                + "\nagent: " + (Files.exists(tmp.resolve("agent.log")) ? Files.readString(tmp.resolve("agent.log")) : ""));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
