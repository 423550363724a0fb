package vn.cccd.kiosk.hospital;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cccd.kiosk.testing.KioskHarness.expect;
import static vn.cccd.kiosk.testing.KioskHarness.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.kiosk.config.Mode;
import vn.cccd.kiosk.testing.KioskHarness;

/** Check-in at a kiosk whose hospital configured the BHXH gateway (a local fake): what patient, staff and HIS see. */
class BhytCheckInTest {
    @TempDir
    Path data;

    private static String ticketText(KioskHarness k, JsonNode c) throws Exception {
        try (PDDocument doc = Loader.loadPDF(k.getBytes(c.get("ticket").asText()).body())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void theReturnedCardNumberGoesOnTheTicketAndIntoTheHisPayloadAndMismatchesOnlyToStaff() throws Exception {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try {
            checkInsAgainstTheFake();
        } finally {
            root.detachAppender(logs);
        }
        // neither the account, its password (plain or hashed), the token, the officer nor the patient is logged
        String logged = String.join("\n", logs.list.stream().map(e -> e.getFormattedMessage()).toList())
                + java.nio.file.Files.readString(data.resolve(vn.cccd.kiosk.store.ProcessingLog.FILE_NAME));
        assertThat(logged).contains("hospital-checkin");
        var person = vn.cccd.kiosk.testing.TestCards.person("nguyen-van-a");
        for (String secret : java.util.List.of(FakeBhxhGateway.USER, FakeBhxhGateway.PASSWORD,
                vn.cccd.kiosk.config.BhytGatewayConfig.md5(FakeBhxhGateway.PASSWORD), "tok-1", "079190000123",
                person.idNumber(), person.fullName(), FakeBhxhGateway.CARD)) {
            assertThat(logged).as("'%s' logged", secret).doesNotContain(secret);
        }
    }

    private void checkInsAgainstTheFake() throws Exception {
        try (FakeBhxhGateway fake = new FakeBhxhGateway();
                KioskHarness k = KioskHarness.start(data, b -> b.mode(Mode.HOSPITAL).demo(true)
                        .hospital(HospitalApiTest.DEPARTMENTS.withBhyt(fake.config(Duration.ofSeconds(2)))))) {
            HospitalApiTest.readCard(k, "nguyen-van-a");
            JsonNode c = HospitalApiTest.checkIn(k, "noi", null);
            assertThat(c.get("bhyt").get("status").asText()).isEqualTo("CHECKED");
            assertThat(c.get("bhyt").get("code").asText()).isEqualTo("000");
            assertThat(c.get("bhyt").get("cardNumber").asText()).isEqualTo(FakeBhxhGateway.CARD);
            assertThat(c.get("bhyt").get("vi").asText()).isEqualTo("Thẻ BHYT còn giá trị, thông tin chính xác");
            assertThat(ticketText(k, c)).contains("Thẻ BHYT / Insurance card: " + FakeBhxhGateway.CARD);
            JsonNode qd = json(expect(k.get(c.get("qd130").asText()), 200)).get("fields");
            assertThat(qd.get("MA_THE_BHYT").get("value").asText()).isEqualTo(FakeBhxhGateway.CARD);
            assertThat(qd.get("MA_THE_BHYT").get("source").asText()).isEqualTo("BHXH_GATEWAY");
            assertThat(qd.get("GT_THE_DEN").get("value").asText()).isEqualTo("20261231");
            assertThat(qd.get("MA_DKBD").get("value").asText()).isEqualTo("79001");
            JsonNode fhir = json(expect(k.get(c.get("patient").asText()), 200));
            assertThat(fhir.get("identifier").findValuesAsText("value")).contains(FakeBhxhGateway.CARD);
            HospitalApiTest.endSession(k);

            // a birth date the gateway holds differently: the patient is told staff will check; staff see both
            fake.resultCode = "070";
            HospitalApiTest.readCard(k, "nguyen-van-a");
            JsonNode m = HospitalApiTest.checkIn(k, "nhi", null);
            assertThat(m.get("bhyt").get("code").isNull()).isTrue();
            assertThat(m.get("bhyt").get("vi").asText()).contains("nhân viên kiểm tra");
            assertThat(ticketText(k, m)).doesNotContain("02/02/1990").contains("nhân viên kiểm tra");
            assertThat(k.get("/api/hospital/checkins/" + m.get("id").asText() + "/bhyt").statusCode()).isEqualTo(401);
            String token = json(expect(k.post("/api/operator/login", Map.of("pin", "0000")), 200)).get("token").asText();
            JsonNode staff = json(expect(k.send(HttpRequest.newBuilder(k.base.resolve("/api/hospital/checkins/"
                    + m.get("id").asText() + "/bhyt")).header("Authorization", "Bearer " + token).GET()), 200));
            assertThat(staff.get("code").asText()).isEqualTo("070");
            assertThat(staff.get("vi").asText()).isEqualTo("Ngày sinh không khớp với thông tin thẻ");
            assertThat(staff.get("gatewayDateOfBirth").asText()).isEqualTo("02/02/1990");
            HospitalApiTest.endSession(k);

            // the gateway goes down: the check-in goes on and says the check was not made
            fake.stop();
            HospitalApiTest.readCard(k, "nguyen-van-a");
            JsonNode down = HospitalApiTest.checkIn(k, "tmh", null);
            assertThat(down.get("queueNumber").asInt()).isEqualTo(1);
            assertThat(down.get("bhyt").get("status").asText()).isEqualTo("NOT_CHECKED");
            assertThat(down.get("bhyt").get("vi").asText()).startsWith("Chưa kiểm tra được thẻ BHYT");
            assertThat(ticketText(k, down)).contains("Chưa kiểm tra được thẻ BHYT");
        }
    }

    @Test
    void withoutAGatewayTheCheckInSaysNoCheckWasMade() throws Exception {
        try (KioskHarness k = HospitalApiTest.hospital(data)) {
            HospitalApiTest.readCard(k, "nguyen-van-a");
            JsonNode c = HospitalApiTest.checkIn(k, "noi", "HS4010120878811");
            assertThat(c.get("bhyt").get("status").asText()).isEqualTo("NOT_CONFIGURED");
            assertThat(c.get("bhyt").get("vi").asText()).startsWith("Chưa kiểm tra thẻ BHYT");
            assertThat(ticketText(k, c)).contains("Chưa kiểm tra thẻ BHYT").doesNotContain("0120878811");
            JsonNode qd = json(expect(k.get(c.get("qd130").asText()), 200)).get("fields");
            assertThat(qd.get("MA_THE_BHYT").get("source").asText()).isEqualTo("PATIENT");
        }
    }
}
