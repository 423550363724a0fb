package vn.cccd.kiosk.hospital;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cccd.kiosk.testing.KioskHarness.expect;
import static vn.cccd.kiosk.testing.KioskHarness.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.kiosk.config.Mode;
import vn.cccd.kiosk.testing.KioskHarness;
import vn.cccd.kiosk.testing.TestCards;
import vn.cccd.reader.model.Json;

/**
 * The webhook to the hospital system: a local HTTP endpoint that is down (connection refused), then answers 503,
 * then accepts. Every check-in arrives, with its idempotency key, also those made before a restart of the kiosk.
 */
class WebhookDeliveryTest {
    @TempDir
    Path data;
    private HttpServer his;

    /** What the hospital system accepted: idempotency key to bodies. */
    private final Map<String, List<JsonNode>> accepted = new ConcurrentHashMap<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private final AtomicInteger toRefuse = new AtomicInteger();

    @AfterEach
    void stop() {
        if (his != null) {
            his.stop(0);
        }
    }

    /**
     * A free port below Linux's ephemeral range (32768-60999), so that no port-0 server of the test (the kiosk)
     * can take it while the hospital system is meant to be down.
     */
    private static int freePort() throws Exception {
        java.util.Random random = new java.util.Random();
        for (int i = 0; i < 50; i++) {
            int port = 20_000 + random.nextInt(10_000);
            try (java.net.ServerSocket s = new java.net.ServerSocket(port, 1,
                    java.net.InetAddress.getByName("127.0.0.1"))) {
                s.setReuseAddress(true);
                return port;
            } catch (java.io.IOException e) {
                // taken: try another
            }
        }
        throw new IllegalStateException("no free port found");
    }

    private void hisUp(int port) throws Exception {
        his = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        his.createContext("/his/checkins", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
            if (toRefuse.getAndDecrement() > 0) {
                refusals.incrementAndGet();
                ex.sendResponseHeaders(503, -1);
                ex.close();
                return;
            }
            accepted.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>()))
                    .add(Json.MAPPER.readTree(body));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        his.start();
    }

    private KioskHarness kiosk(URI webhook) throws Exception {
        return KioskHarness.start(data, b -> b.mode(Mode.HOSPITAL).demo(true).hospital(HospitalApiTest.DEPARTMENTS
                .withWebhook(webhook, Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofMillis(400))));
    }

    private static int undelivered(KioskHarness k) throws Exception {
        String token = json(expect(k.post("/api/operator/login", Map.of("pin", "0000")), 200)).get("token").asText();
        return json(expect(k.send(HttpRequest.newBuilder(k.base.resolve("/api/hospital/status"))
                .header("Authorization", "Bearer " + token).GET()), 200)).get("undelivered").asInt();
    }

    @Test
    void checkInsMadeWhileTheHisIsDownArriveOnceItIsUpEvenAcrossARestart() throws Exception {
        int port = freePort();
        URI url = URI.create("http://127.0.0.1:" + port + "/his/checkins");
        List<String> ids = new ArrayList<>();
        try (KioskHarness k = kiosk(url)) {
            HospitalApiTest.readCard(k, "nguyen-thi-hong-nhung");
            ids.add(HospitalApiTest.checkIn(k, "noi", "HS4010120878811").get("id").asText());
            ids.add(HospitalApiTest.checkIn(k, "nhi", null).get("id").asText());
            HospitalApiTest.endSession(k);
            HospitalApiTest.readCard(k, "dang-quoc-viet");
            ids.add(HospitalApiTest.checkIn(k, "noi", null).get("id").asText());
            // several attempts fail while the HIS is down (100, 200, 400, 400 ms ...)
            Thread.sleep(1200);
            assertThat(undelivered(k)).isEqualTo(3);
        }
        try (KioskHarness k = kiosk(url)) {
            HospitalApiTest.readCard(k, "nguyen-van-a");
            ids.add(HospitalApiTest.checkIn(k, "tmh", null).get("id").asText());
            assertThat(undelivered(k)).isEqualTo(4);
            toRefuse.set(2); // the HIS comes up overloaded: 503 twice, then accepts
            hisUp(port);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (accepted.size() < ids.size() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(accepted.keySet()).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(refusals.get()).isEqualTo(2);
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (undelivered(k) > 0 && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertThat(undelivered(k)).isZero();
            Thread.sleep(500); // a duplicate would come now
        }
        for (String id : ids) {
            assertThat(accepted.get(id)).as("check-in %s accepted exactly once", id).hasSize(1);
            JsonNode body = accepted.get(id).get(0);
            assertThat(body.get("idempotencyKey").asText()).isEqualTo(id);
            assertThat(body.at("/checkin/id").asText()).isEqualTo(id);
            assertThat(body.at("/patient/resourceType").asText()).isEqualTo("Patient");
            assertThat(FhirR4Validation.errors(body.get("patient"))).isEmpty();
            assertThat(body.at("/qd130/fields/HO_TEN/source").asText()).isEqualTo("CARD");
        }
        JsonNode first = accepted.get(ids.get(0)).get(0);
        assertThat(first.at("/checkin/queueNumber").asInt()).isEqualTo(1);
        assertThat(first.at("/checkin/department/code").asText()).isEqualTo("noi");
        assertThat(first.at("/checkin/bhytCode").asText()).isEqualTo("HS4010120878811");
        assertThat(first.at("/patient/identifier/0/value").asText())
                .isEqualTo(TestCards.person("nguyen-thi-hong-nhung").idNumber());
        assertThat(accepted.get(ids.get(2)).get(0).at("/checkin/queueNumber").asInt()).isEqualTo(2);
    }

    @Test
    void aCheckInThatCannotBeReadDoesNotHoldUpTheOthers() throws Exception {
        int port = freePort();
        URI url = URI.create("http://127.0.0.1:" + port + "/his/checkins");
        try (KioskHarness k = kiosk(url)) {
            HospitalApiTest.readCard(k, "nguyen-van-a");
            String damaged = HospitalApiTest.checkIn(k, "noi", null).get("id").asText();
            String fine = HospitalApiTest.checkIn(k, "nhi", null).get("id").asText();
            // the stored patient of the first is altered: it no longer decrypts
            k.app.database().transaction(c -> {
                try (var q = c.prepareStatement("UPDATE hospital_checkin SET patient = ? WHERE id = ?")) {
                    q.setString(1, "v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
                    q.setString(2, damaged);
                    q.executeUpdate();
                }
                // and it comes first in the outbox, every pass
                try (var q = c.prepareStatement("UPDATE hospital_outbox SET next_attempt_at = 0 WHERE checkin_id = ?")) {
                    q.setString(1, damaged);
                    return q.executeUpdate();
                }
            });
            hisUp(port);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!accepted.containsKey(fine) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(accepted.keySet()).containsExactly(fine);
            assertThat(undelivered(k)).as("the damaged one waits, the others go").isEqualTo(1);
        }
    }

    @Test
    void retriesBackOffExponentiallyUpToTheMaximum() {
        WebhookSender s = new WebhookSender(URI.create("http://127.0.0.1:9/"), null, id -> java.util.Optional.empty(),
                Clock.systemUTC(), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(60), (e, d) -> { });
        long[] expected = {2, 4, 8, 16, 32, 60, 60, 60};
        for (int attempt = 1; attempt <= expected.length; attempt++) {
            long ms = s.delay(attempt).toMillis();
            long base = expected[attempt - 1] * 1000;
            assertThat(ms).as("attempt %d", attempt).isBetween(base, base + base / 10);
        }
        assertThat(s.delay(10_000).toMillis()).isBetween(60_000L, 66_000L);
    }
}
