package vn.cccd.kiosk.hospital;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cccd.kiosk.testing.KioskHarness.expect;
import static vn.cccd.kiosk.testing.KioskHarness.json;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import vn.cccd.kiosk.config.Mode;
import vn.cccd.kiosk.testing.KioskHarness;
import vn.cccd.kiosk.testing.TestCards;
import vn.cccd.reader.model.Person;

/**
 * Privacy of hospital check-ins: logs (our code at DEBUG) and the processing log hold no name, ID number, birth date,
 * address or BHYT code, also while delivering to the hospital system; the data-subject endpoints list and erase a
 * patient's check-ins, also after the kiosk was switched to another mode.
 */
class HospitalPrivacyTest {
    @TempDir
    Path data;

    private static String token(KioskHarness k) throws Exception {
        return json(expect(k.post("/api/operator/login", Map.of("pin", "0000")), 200)).get("token").asText();
    }

    private static HttpResponse<String> staff(KioskHarness k, String method, String path) throws Exception {
        return k.send(HttpRequest.newBuilder(k.base.resolve(path)).header("Authorization", "Bearer " + token(k))
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    @Test
    void checkInsLeaveNoPersonalDataInLogsAndAreFoundAndErasedOnRequest() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger ours = (Logger) LoggerFactory.getLogger("vn.cccd");
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        Level oursLevel = ours.getLevel();
        ours.setLevel(Level.DEBUG);
        HttpServer his = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger received = new AtomicInteger();
        AtomicInteger calls = new AtomicInteger();
        his.createContext("/his", ex -> {
            ex.getRequestBody().readAllBytes();
            // the first delivery fails, so that the retry path logs too
            int status = calls.getAndIncrement() == 0 ? 500 : 200;
            if (status == 200) {
                received.incrementAndGet();
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        his.start();
        Person nhung = TestCards.person("nguyen-thi-hong-nhung");
        Person viet = TestCards.person("dang-quoc-viet");
        try (KioskHarness k = KioskHarness.start(data, b -> b.mode(Mode.HOSPITAL).demo(true).hospital(
                HospitalApiTest.DEPARTMENTS.withWebhook(URI.create("http://127.0.0.1:" + his.getAddress().getPort()
                        + "/his"), Duration.ofSeconds(2), Duration.ofMillis(50), Duration.ofMillis(200))))) {
            HospitalApiTest.readCard(k, "nguyen-thi-hong-nhung");
            HospitalApiTest.checkIn(k, "noi", "HS4010120878811");
            k.post("/api/hospital/checkins", Map.of("department", "noi", "bhytCode", "HS9010120878811"));
            HospitalApiTest.endSession(k);
            HospitalApiTest.readCard(k, "dang-quoc-viet");
            JsonNode vietCheckIn = HospitalApiTest.checkIn(k, "nhi", "0123456789");
            HospitalApiTest.endSession(k);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (received.get() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(received.get()).isEqualTo(2);

            JsonNode found = json(expect(staff(k, "GET", "/api/privacy/subject?idNumber=" + nhung.idNumber()), 200));
            assertThat(found.get("count").asInt()).isEqualTo(1);
            JsonNode record = found.get("records").get(0);
            assertThat(record.get("table").asText()).isEqualTo("hospital_checkin");
            assertThat(record.at("/fields/patient").asText()).contains(nhung.fullName());
            assertThat(record.at("/fields/bhyt").asText()).isEqualTo("HS4010120878811");
            JsonNode erased = json(expect(staff(k, "DELETE", "/api/privacy/subject?idNumber=" + nhung.idNumber()),
                    200));
            assertThat(erased.get("erased").asInt()).isEqualTo(1);
            assertThat(json(staff(k, "GET", "/api/privacy/subject?idNumber=" + nhung.idNumber())).get("count")
                    .asInt()).isZero();
            assertThat(staff(k, "GET", vietCheckIn.get("patient").asText()).statusCode()).as("another patient's stays")
                    .isEqualTo(200);
        } finally {
            his.stop(0);
            root.detachAppender(logs);
            ours.setLevel(oursLevel);
        }
        // switched to the citizen mode: the hospital table is still covered by data-subject requests
        try (KioskHarness k = KioskHarness.start(data, b -> b.mode(Mode.CITIZEN).demo(true))) {
            assertThat(k.get("/api/hospital/departments").statusCode()).isEqualTo(404);
            JsonNode found = json(expect(staff(k, "GET", "/api/privacy/subject?idNumber=" + viet.idNumber()), 200));
            assertThat(found.get("count").asInt()).isEqualTo(1);
            assertThat(json(expect(staff(k, "DELETE", "/api/privacy/subject?idNumber=" + viet.idNumber()), 200))
                    .get("erased").asInt()).isEqualTo(1);
        }
        StringBuilder written = new StringBuilder();
        for (ILoggingEvent e : logs.list) {
            written.append(e.getFormattedMessage()).append('\n');
            if (e.getThrowableProxy() != null) {
                written.append(e.getThrowableProxy().getMessage()).append('\n');
            }
        }
        assertThat(written.toString()).as("the log was captured").contains("delivered to the hospital system");
        String processing = Files.readString(data.resolve("processing-log.jsonl"), StandardCharsets.UTF_8);
        assertThat(processing).contains("hospital-checkin").contains("hospital-webhook-delivered");
        for (Person p : List.of(nhung, viet)) {
            for (String secret : List.of(p.fullName(), p.idNumber(), p.dateOfBirth(), p.placeOfResidence())) {
                assertThat(written.toString()).doesNotContain(secret);
                assertThat(processing).doesNotContain(secret);
            }
        }
        for (String code : List.of("0120878811", "0123456789")) {
            assertThat(written.toString()).doesNotContain(code);
            assertThat(processing).doesNotContain(code);
        }
    }
}
