package vn.cccd.kiosk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cccd.kiosk.testing.KioskHarness.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.kiosk.testing.FakeCardSource;
import vn.cccd.kiosk.testing.KioskHarness;
import vn.cccd.kiosk.testing.KioskHarness.EventStream;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;
import vn.cccd.reader.qr.QrTestImages;

/** {@code POST /api/qr}, {@code POST /api/qr/text} and the key from a QR code, with the reader's decoder. */
class QrApiTest {
    @TempDir
    Path tmp;
    KioskHarness k;

    @BeforeEach
    void start() throws Exception {
        k = KioskHarness.start(KioskHarness.config(tmp).maxImageBytes(2 << 20).build(),
                new ReaderQrService(Clock.systemDefaultZone()));
    }

    @AfterEach
    void stop() throws Exception {
        k.close();
    }

    /** The QR text of a built-in persona's card. */
    static String payloadOf(String persona, String nameOverride) {
        Persona p = Personas.builtIn(persona);
        DateTimeFormatter ddmmyyyy = DateTimeFormatter.ofPattern("ddMMyyyy");
        var person = p.person();
        return person.idNumber() + "|" + (person.oldIdNumber() == null ? "" : person.oldIdNumber()) + "|"
                + (nameOverride == null ? person.fullName() : nameOverride) + "|"
                + LocalDate.parse(person.dateOfBirth()).format(ddmmyyyy) + "|" + person.sex() + "|"
                + (person.placeOfResidence() == null ? "" : person.placeOfResidence()) + "|"
                + LocalDate.parse(person.issueDate()).format(ddmmyyyy);
    }

    HttpResponse<String> postImage(String path, String type, byte[] bytes) throws Exception {
        return k.send(HttpRequest.newBuilder(k.base.resolve(path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    @Test
    void anImageGivesTheQrJson() throws Exception {
        String payload = payloadOf("nguyen-thi-hong-nhung", null);
        byte[] png = QrTestImages.png(QrTestImages.code(payload, 4));
        for (String path : new String[] {"/api/qr", "/api/qr?frame=1"}) {
            HttpResponse<String> r = postImage(path, "image/png", png);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode j = json(r);
            assertThat(j.get("format").asText()).isIn("CCCD2021", "CAN_CUOC2024");
            assertThat(j.get("payload").asText()).isEqualTo(payload);
            assertThat(j.at("/fields/fullName").asText()).isEqualTo(Personas.builtIn("nguyen-thi-hong-nhung")
                    .person().fullName());
            assertThat(r.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        }
        HttpResponse<String> jpeg = postImage("/api/qr", "image/jpeg",
                QrTestImages.jpeg(QrTestImages.code(payload, 4), 0.8f));
        assertThat(json(jpeg).get("payload").asText()).isEqualTo(payload);
    }

    @Test
    void imagesWithoutACccdCodeGetTypedErrors() throws Exception {
        HttpResponse<String> blank = postImage("/api/qr", "image/png",
                QrTestImages.png(new java.awt.image.BufferedImage(320, 240, java.awt.image.BufferedImage.TYPE_BYTE_GRAY)));
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(json(blank).get("code").asText()).isEqualTo("NO_QR");
        HttpResponse<String> link = postImage("/api/qr", "image/png",
                QrTestImages.png(QrTestImages.code("https://example.vn/x", 4)));
        assertThat(json(link).get("code").asText()).isEqualTo("NOT_CCCD");
        HttpResponse<String> garbage = postImage("/api/qr", "image/png", "not a picture".getBytes(StandardCharsets.UTF_8));
        assertThat(garbage.statusCode()).isEqualTo(415);
        assertThat(json(garbage).get("code").asText()).isEqualTo("NOT_AN_IMAGE");
        HttpResponse<String> huge = postImage("/api/qr", "image/png", new byte[3 << 20]);
        assertThat(huge.statusCode()).isEqualTo(413);
        HttpResponse<String> text = postImage("/api/qr", "text/plain", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(text.statusCode()).isEqualTo(415);
    }

    @Test
    void aTooLargeImageIsAnswered413EveryTimeNotABrokenConnection() throws Exception {
        // the kiosk reads and drops a declared-too-large body before answering; closing while the client still
        // sends would reset the connection and lose the answer (seen under load)
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> huge = postImage("/api/qr", "image/png", new byte[(3 << 20) + i]);
            assertThat(huge.statusCode()).isEqualTo(413);
            assertThat(json(huge).get("code").asText()).isEqualTo("TOO_LARGE");
        }
    }

    @Test
    void scannerTextIsParsedAndRepaired() throws Exception {
        String payload = payloadOf("nguyen-thi-hong-nhung", null);
        String mangled = new String(payload.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        HttpResponse<String> r = k.post("/api/qr/text", Map.of("payload", mangled + "\r\n"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode j = json(r);
        assertThat(j.at("/fields/fullName").asText()).isEqualTo(Personas.builtIn("nguyen-thi-hong-nhung").person()
                .fullName());
        assertThat(j.get("warnings").get(0).get("code").asText()).isEqualTo("TEXT_REPAIRED");
        HttpResponse<String> bad = k.post("/api/qr/text", Map.of("payload", "001090123456|012345678|NGUYỄN VĂN A"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(json(bad).get("code").asText()).isEqualTo("INVALID_CCCD_QR");
        assertThat(json(bad).get("message").asText()).doesNotContain("001090123456");
        HttpResponse<String> missing = k.post("/api/qr/text", Map.of());
        assertThat(missing.statusCode()).isEqualTo(400);
    }

    @Test
    void scannerTextWithMoreFieldsKeepsThemAndNamesAFieldInAnUnexpectedPlace() throws Exception {
        String payload = "001090123456|Trần Văn Hùng|Nguyễn Văn A|01011990|Nam|Hà Nội|15042021|001090111111";
        HttpResponse<String> r = k.post("/api/qr/text", Map.of("payload", payload));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode j = json(r);
        assertThat(j.at("/fields/fullName").asText()).isEqualTo("Nguyễn Văn A");
        assertThat(j.at("/fields/oldIdNumber").isNull()).isTrue();
        assertThat(j.at("/fields/extra/0/field").asInt()).isEqualTo(2);
        assertThat(j.at("/fields/extra/0/value").asText()).isEqualTo("Trần Văn Hùng");
        assertThat(j.at("/fields/extra/1/kind").asText()).isEqualTo("CANCELLED_ID_NUMBER");
        assertThat(j.at("/warnings/0/code").asText()).isEqualTo("UNEXPECTED_FIELD");
        assertThat(j.at("/warnings/0/field").asText()).isEqualTo("oldIdNumber");
        assertThat(j.at("/warnings/0/message").asText()).contains("field 2").doesNotContain("Hùng");
    }

    void startSession() throws Exception {
        KioskHarness.expect(k.post("/api/session/start", "{}"), 201);
        KioskHarness.expect(k.post("/api/session/consent", Map.of("accepted", true, "textVersion", "test-1",
                "lang", "vi")), 200);
    }

    @Test
    void theQrCodeOpensTheChipAndIsCheckedAgainstIt() throws Exception {
        EventStream events = k.events();
        startSession();
        KioskHarness.expect(k.post("/api/session/key", Map.of("qrPayload", payloadOf("nguyen-thi-hong-nhung", null))),
                200);
        k.cards.insert(KioskHarness.READER, FakeCardSource.personaCard("nguyen-thi-hong-nhung"));
        events.await("read-complete", 10);
        JsonNode s = json(KioskHarness.expect(k.get("/api/session"), 200));
        assertThat(s.at("/verification/qrMatchesChip").asBoolean()).isTrue();
        assertThat(s.at("/verification/overall").asText()).isEqualTo("AUTHENTIC");
    }

    @Test
    void aQrCodeThatDisagreesWithTheChipMakesTheCardNotAuthentic() throws Exception {
        EventStream events = k.events();
        startSession();
        // same number and dates (so the chip opens), another name: a doctored card
        KioskHarness.expect(k.post("/api/session/key",
                Map.of("qrPayload", payloadOf("nguyen-thi-hong-nhung", "Trần Thị Hồng Nhung"))), 200);
        k.cards.insert(KioskHarness.READER, FakeCardSource.personaCard("nguyen-thi-hong-nhung"));
        events.await("read-complete", 10);
        JsonNode s = json(KioskHarness.expect(k.get("/api/session"), 200));
        assertThat(s.at("/verification/qrMatchesChip").asBoolean()).isFalse();
        assertThat(s.at("/verification/overall").asText()).isEqualTo("NOT_AUTHENTIC");
    }

    @Test
    void aTypedKeyLeavesTheCrossCheckEmpty() throws Exception {
        EventStream events = k.events();
        k.readyForCard("nguyen-thi-hong-nhung");
        k.cards.insert(KioskHarness.READER, FakeCardSource.personaCard("nguyen-thi-hong-nhung"));
        events.await("read-complete", 10);
        JsonNode s = json(KioskHarness.expect(k.get("/api/session"), 200));
        assertThat(s.at("/verification/qrMatchesChip").isNull()).isTrue();
    }

    @Test
    void aKeyFromABrokenQrCodeIsRefused() throws Exception {
        startSession();
        HttpResponse<String> r = k.post("/api/session/key", Map.of("qrPayload", "https://example.vn/"));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r).get("code").asText()).isEqualTo("NOT_CCCD");
    }
}
