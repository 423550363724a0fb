package vn.cccd.kiosk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cccd.kiosk.testing.KioskHarness.expect;
import static vn.cccd.kiosk.testing.KioskHarness.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.kiosk.config.PinHash;
import vn.cccd.kiosk.testing.FakeDemoCards;
import vn.cccd.kiosk.testing.KioskHarness;
import vn.cccd.kiosk.testing.TestForms;

class DemoAndOperatorApiTest {
    @TempDir
    Path data;

    @Test
    void demoPersonasCanBePlacedAndTakenAway() throws Exception {
        try (KioskHarness k = KioskHarness.start(data, b -> b.demo(true))) {
            var events = k.events();
            JsonNode personas = json(expect(k.get("/api/demo/personas"), 200));
            assertThat(personas.findValuesAsText("name")).contains("nguyen-thi-hong-nhung", "mara-kessler");
            k.readyForCard("nguyen-thi-hong-nhung");
            expect(k.post("/api/demo/insert", Map.of("persona", "nguyen-thi-hong-nhung")), 200);
            assertThat(events.await("card-inserted", 5).data().get("reader").asText()).isEqualTo(FakeDemoCards.READER);
            events.await("read-complete", 5);
            HttpResponse<String> again = k.post("/api/demo/insert", Map.of("persona", "nguyen-van-a"));
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(json(again).get("code").asText()).isEqualTo("CARD_PRESENT");
            assertThat(json(expect(k.post("/api/demo/remove", "{}"), 200)).get("removed").asBoolean()).isTrue();
            events.await("session-cleared", 5);
            assertThat(json(expect(k.post("/api/demo/remove", "{}"), 200)).get("removed").asBoolean()).isFalse();
            HttpResponse<String> unknown = k.post("/api/demo/insert", Map.of("persona", "nobody"));
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(json(unknown).get("code").asText()).isEqualTo("UNKNOWN_PERSONA");
            JsonNode config = json(k.get("/api/config"));
            assertThat(config.get("demo").asBoolean()).isTrue();
            assertThat(config.get("demoPin").asText()).isEqualTo("0000");
        }
    }

    @Test
    void inDemoModeTheStaffPinIs0000() throws Exception {
        try (KioskHarness k = KioskHarness.start(data, b -> b.demo(true))) {
            HttpResponse<String> status = k.get("/api/operator/status");
            assertThat(status.statusCode()).isEqualTo(401);
            assertThat(json(status).get("code").asText()).isEqualTo("UNAUTHORIZED");
            assertThat(json(k.post("/api/operator/login", Map.of("pin", "1234"))).get("code").asText()).isEqualTo("WRONG_PIN");
            String token = json(expect(k.post("/api/operator/login", Map.of("pin", "0000")), 200)).get("token").asText();
            HttpResponse<String> ok = k.send(HttpRequest.newBuilder(k.base.resolve("/api/operator/status"))
                    .header("Authorization", "Bearer " + token).GET());
            JsonNode s = json(expect(ok, 200));
            assertThat(s.get("demo").asBoolean()).isTrue();
            assertThat(s.get("forms")).hasSize(5);
            k.send(HttpRequest.newBuilder(k.base.resolve("/api/operator/logout")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
            assertThat(k.send(HttpRequest.newBuilder(k.base.resolve("/api/operator/status"))
                    .header("Authorization", "Bearer " + token).GET()).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void guessingThePinLocksTheLogin() throws Exception {
        PinHash pin = PinHash.create("482915", 10_000);
        try (KioskHarness k = KioskHarness.start(data, b -> b.operatorPin(pin))) {
            for (int i = 0; i < 5; i++) {
                assertThat(k.post("/api/operator/login", Map.of("pin", "00000" + i)).statusCode()).isEqualTo(401);
            }
            HttpResponse<String> locked = k.post("/api/operator/login", Map.of("pin", "482915"));
            assertThat(locked.statusCode()).isEqualTo(429);
            assertThat(json(locked).get("code").asText()).isEqualTo("LOCKED");
            assertThat(json(locked).get("retryAfterSeconds").asLong()).isPositive();
        }
    }

    @Test
    void aParallelBurstOfGuessesGetsAtMostFivePinsCheckedAndTheRightPinThenNoToken() throws Exception {
        try (KioskHarness k = KioskHarness.start(data, b -> b.demo(true))) {
            List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> burst = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                burst.add(k.http.sendAsync(login(k, "10" + (i % 10) + "0"), HttpResponse.BodyHandlers.ofString()));
            }
            Map<String, Integer> codes = new java.util.TreeMap<>();
            for (var f : burst) {
                codes.merge(json(f.get(20, java.util.concurrent.TimeUnit.SECONDS)).get("code").asText(), 1, Integer::sum);
            }
            // the budget is five evaluated PINs in a row, however many arrive together
            assertThat(codes).containsOnlyKeys("WRONG_PIN", "LOCKED");
            assertThat(codes.get("WRONG_PIN")).isEqualTo(5);
            assertThat(codes.get("LOCKED")).isEqualTo(7);
            HttpResponse<String> right = k.post("/api/operator/login", Map.of("pin", "0000"));
            assertThat(right.statusCode()).isEqualTo(429);
            assertThat(json(right).get("code").asText()).isEqualTo("LOCKED");
        }
    }

    private static HttpRequest login(KioskHarness k, String pin) {
        return HttpRequest.newBuilder(k.base.resolve("/api/operator/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"pin\":\"" + pin + "\"}")).build();
    }

    @Test
    void withoutAConfiguredPinStaffFunctionsAreOff() throws Exception {
        try (KioskHarness k = KioskHarness.start(data)) {
            HttpResponse<String> r = k.post("/api/operator/login", Map.of("pin", "0000"));
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(json(r).get("code").asText()).isEqualTo("OPERATOR_DISABLED");
        }
    }

    @Test
    void aConfiguredPrintCommandGetsThePdf() throws Exception {
        Path out = data.resolve("printed.pdf");
        try (KioskHarness k = KioskHarness.start(data, b -> b.demo(true)
                .printCommand(List.of("dd", "of=" + out, "status=none")))) {
            var events = k.events();
            k.readyForCard("nguyen-van-a");
            expect(k.post("/api/demo/insert", Map.of("persona", "nguyen-van-a")), 200);
            events.await("read-complete", 5);
            JsonNode doc = json(expect(k.post("/api/forms/ct01-2023/documents", Map.of("fields", TestForms.ct01Typed())), 201));
            assertThat(doc.get("print").asText()).endsWith("/print");
            HttpResponse<String> printed = expect(k.post(doc.get("print").asText(), "{}"), 202);
            assertThat(json(printed).get("printed").asBoolean()).isTrue();
            assertThat(Files.readAllBytes(out)).isEqualTo(k.getBytes(doc.get("pdf").asText()).body());
        }
    }

    @Test
    void aPrintCommandThatIsNotInstalledIsATypedPrintFailureNotAnInternalError() throws Exception {
        Path missing = data.resolve("no-such-print-command");
        try (KioskHarness k = KioskHarness.start(data, b -> b.demo(true).printCommand(List.of(missing.toString())))) {
            var events = k.events();
            k.readyForCard("nguyen-van-a");
            expect(k.post("/api/demo/insert", Map.of("persona", "nguyen-van-a")), 200);
            events.await("read-complete", 5);
            JsonNode doc = json(expect(k.post("/api/forms/ct01-2023/documents", Map.of("fields", TestForms.ct01Typed())), 201));
            HttpResponse<String> r = k.post(doc.get("print").asText(), "{}");
            assertThat(r.statusCode()).isEqualTo(502);
            assertThat(json(r).get("code").asText()).isEqualTo("PRINT_FAILED");
            assertThat(json(r).get("message").asText()).contains("could not be started");
        }
    }

}
