package vn.cccd.kiosk.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.kiosk.server.KioskApp;
import vn.cccd.kiosk.server.KioskServer;
import vn.cccd.kiosk.testing.KioskHarness;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;
import vn.cccd.reader.model.Json;

/**
 * {@code GET /metrics} (issue 14, item 4) after a real read of every built-in persona on the demo reader (the mock
 * chip, the reader library, verification): the reads are counted by verdict, timed, and the sessions by how they
 * ended; and no value of any persona (name, numbers, dates, places, MRZ document number) appears anywhere in it.
 */
class MetricsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path data;

    @Test
    void readsOfEveryPersonaAreCountedAndNoneOfTheirValuesAppear() throws Exception {
        KioskApp app = KioskApp.create(KioskHarness.config(data).demo(true).build());
        Server server = KioskServer.newServer(app);
        server.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getURI().getPort());
            List<Persona> personas = Personas.builtIn();
            for (Persona p : personas) {
                read(base, p);
            }
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            String metrics = r.body();

            String reads = String.join("\n", metrics.lines().filter(l -> l.startsWith("cccd_")).toList());
            assertThat(sum(metrics, "cccd_card_reads_total")).as(reads).isEqualTo(personas.size());
            assertThat(value(metrics, "cccd_card_reads_total{code=\"none\",verdict=\"AUTHENTIC\"}"))
                    .isEqualTo(personas.size());
            assertThat(value(metrics, "cccd_card_read_duration_seconds_count{outcome=\"read\"}")).isEqualTo(personas.size());
            assertThat(metrics).contains("cccd_card_read_duration_seconds_bucket{outcome=\"read\",le=\"");
            assertThat(value(metrics, "cccd_sessions_started_total{mode=\"citizen\"}")).isEqualTo(personas.size());
            assertThat(value(metrics, "cccd_sessions_ended_total{mode=\"citizen\",reason=\"done\"}"))
                    .isEqualTo(personas.size());
            assertThat(value(metrics, "cccd_readers")).isEqualTo(1);
            assertThat(value(metrics, "cccd_reader_service_up")).isEqualTo(1);
            assertThat(metrics).contains("cccd_pcsc_reconnects_total", "jvm_memory_used_bytes",
                    "jetty_threads_busy", "jetty_connections_current");

            for (Persona p : personas) {
                for (String value : values(p)) {
                    assertThat(metrics).as(p.name()).doesNotContain(value);
                }
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void documentsLodgingAndStorageEventsBecomeClosedSetLabelsOnly() {
        try (KioskMetrics m = new KioskMetrics("lodging")) {
            m.event("pdf", Map.of("formId", "ct01-2023", "reference", "R-ABC"));
            m.event("document", Map.of("formId", "ct01-2023", "reference", "R-DEF"));
            m.event("lodging-guest-registered", Map.of("guest", "g-123", "foreign", true));
            m.event("session-cleared", Map.of("reason", "Nguyễn Văn A rút thẻ")); // not a closed-set value
            m.storageError("BUSY");
            String s = m.scrape();
            assertThat(value(s, "cccd_documents_total{form=\"ct01-2023\",kind=\"pdf\"}")).isEqualTo(1);
            assertThat(value(s, "cccd_documents_total{form=\"ct01-2023\",kind=\"document\"}")).isEqualTo(1);
            assertThat(value(s, "cccd_lodging_registrations_total{foreign=\"true\"}")).isEqualTo(1);
            assertThat(value(s, "cccd_sessions_ended_total{mode=\"lodging\",reason=\"other\"}")).isEqualTo(1);
            assertThat(value(s, "cccd_storage_errors_total{code=\"BUSY\"}")).isEqualTo(1);
            assertThat(s).doesNotContain("R-ABC", "g-123", "Nguy", "rút");
        }
    }

    /** Start, consent, key, the persona's card on the demo reader, wait for the read, done. */
    private static void read(URI base, Persona p) throws Exception {
        expect(base, "POST", "/api/session/start", "{}", 201);
        expect(base, "POST", "/api/session/consent", "{\"accepted\":true,\"textVersion\":\"v1\",\"lang\":\"vi\"}", 200);
        Map<String, String> key = new LinkedHashMap<>();
        key.put("dateOfBirth", p.person().dateOfBirth());
        if (p.document().type() == Persona.DocumentType.PASSPORT) {
            key.put("documentNumber", p.documentNumber());
            key.put("expiryDate", p.document().expiryDate());
        } else {
            key.put("idNumber", p.person().idNumber());
            key.put("issueDate", p.person().issueDate());
        }
        expect(base, "POST", "/api/session/key", Json.MAPPER.writeValueAsString(key), 200);
        expect(base, "POST", "/api/demo/insert", "{\"persona\":\"" + p.name() + "\"}", 200);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String phase = "";
        while (System.nanoTime() < end) {
            phase = Json.MAPPER.readTree(expect(base, "GET", "/api/session/state", null, 200)).path("phase").asText();
            if (!phase.equals("CARD") && !phase.equals("READING")) {
                break;
            }
            Thread.sleep(50);
        }
        assertThat(phase).as(p.name()).isEqualTo("READY");
        expect(base, "DELETE", "/api/session", null, 204);
        expect(base, "POST", "/api/demo/remove", "{}", 200);
        // the next person's key must not meet this card still seen on the reader (a read of no card: NO_CARD)
        while (System.nanoTime() < end && Json.MAPPER.readTree(expect(base, "GET", "/api/health", null, 200))
                .at("/readers/0/cardPresent").asBoolean()) {
            Thread.sleep(20);
        }
    }

    private static String expect(URI base, String method, String path, String json, int status) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json").method(method, json == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(status);
        return r.body();
    }

    /** Every text value of the persona's person and document of 4 characters or more, and the persona's name. */
    private static List<String> values(Persona p) throws Exception {
        List<String> out = new ArrayList<>(List.of(p.name(), p.documentNumber()));
        for (Object record : List.of(p.person(), p.document())) {
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                Object v = c.getAccessor().invoke(record);
                if (v instanceof String s && s.length() >= 4) {
                    out.add(s);
                }
            }
        }
        assertThat(out).hasSizeGreaterThan(5);
        return out;
    }

    /** The value of one exact series (name with its labels as Micrometer writes them, sorted). */
    static double value(String metrics, String series) {
        for (String line : metrics.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        throw new AssertionError("no series " + series + " in:\n" + metrics);
    }

    private static double sum(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{[^}]*} (\\S+)$").matcher(metrics);
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }
}
