package vn.cccd.kiosk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.kiosk.cards.ReaderStatus;
import vn.cccd.kiosk.testing.KioskHarness;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;
import vn.cccd.reader.model.Json;

/**
 * The staff card report over HTTP, on the demo reader (the mock chip read through the mock PC/SC provider, as the
 * kiosk reads any card): staff only, refused during a session, answered as a JSON download with none of the
 * holder's values, and written nowhere on the kiosk's disk.
 */
class CardReportApiTest {
    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> post(URI base, String path, String token, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void staffDownloadTheCardReportOfTheCardOnTheReaderWithNoneOfItsValuesAndNothingIsWrittenToDisk() throws Exception {
        KioskApp app = KioskApp.create(KioskHarness.config(data).demo(true).build());
        Server server = KioskServer.newServer(app);
        server.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getURI().getPort());
            Persona p = Personas.builtIn("nguyen-thi-hong-nhung");
            Map<String, String> key = Map.of("idNumber", p.person().idNumber(), "dateOfBirth", p.person().dateOfBirth(),
                    "expiryDate", p.document().expiryDate());

            assertThat(post(base, "/api/operator/card-report", null, key).statusCode()).isEqualTo(401);
            String token = Json.MAPPER.readTree(post(base, "/api/operator/login", null, Map.of("pin", "0000")).body())
                    .get("token").asText();
            HttpResponse<String> noCard = post(base, "/api/operator/card-report", token, key);
            assertThat(noCard.statusCode()).isEqualTo(409);
            assertThat(Json.MAPPER.readTree(noCard.body()).get("code").asText()).isEqualTo("NO_CARD");

            app.demo().insert(p.name());
            long until = System.currentTimeMillis() + 10_000;
            while (app.cards().readers().stream().noneMatch(ReaderStatus::cardPresent)
                    && System.currentTimeMillis() < until) {
                Thread.sleep(50);
            }
            HttpResponse<String> r = post(base, "/api/operator/card-report", token, key);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Disposition").orElse(""))
                    .startsWith("attachment").contains("cccd-card-report.json");
            JsonNode report = Json.MAPPER.readTree(r.body());
            assertThat(report.at("/report").asText()).isEqualTo("cccd-reader card report 1");
            assertThat(report.at("/outcome/completed").asBoolean()).isTrue();
            assertThat(report.at("/outcome/exitCode").asInt()).as("the demo trust anchors verify it").isZero();
            assertThat(report.at("/files").findValues("field").stream().map(JsonNode::asInt).toList()).contains(1, 2);
            List<String> values = List.of(p.person().idNumber(), p.person().fullName(),
                    p.person().fullName().toUpperCase(java.util.Locale.ROOT), p.documentNumber(),
                    p.person().placeOfResidence(), p.person().dateOfBirth(), p.person().dateOfBirth().substring(2)
                            .replace("-", ""),
                    java.time.LocalDate.parse(p.person().dateOfBirth())
                            .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
            for (String v : values) {
                assertThat(r.body()).doesNotContain(v);
            }
            // nothing of the report on the kiosk's disk (the processing log names the event only)
            try (Stream<Path> files = Files.walk(data)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    assertThat(content).as(f.toString()).doesNotContain("card report 1", "skeleton", "\"apdus\"");
                }
            }

            // a person's session has the reader: no report then
            assertThat(post(base, "/api/session/start", null, Map.of()).statusCode()).isEqualTo(201);
            HttpResponse<String> busy = post(base, "/api/operator/card-report", token, key);
            assertThat(busy.statusCode()).isEqualTo(409);
            assertThat(Json.MAPPER.readTree(busy.body()).get("code").asText()).isEqualTo("SESSION_ACTIVE");
        } finally {
            server.stop();
        }
    }
}
