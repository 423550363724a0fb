package vn.cccd.kiosk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cccd.kiosk.testing.KioskHarness.expect;
import static vn.cccd.kiosk.testing.KioskHarness.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.kiosk.store.ProcessingLog;
import vn.cccd.kiosk.testing.FakeCardSource;
import vn.cccd.kiosk.testing.KioskHarness;
import vn.cccd.kiosk.testing.TestCards;
import vn.cccd.kiosk.testing.TestForms;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.error.NoCardException;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.model.Json;
import vn.cccd.reader.model.Person;

/** The session API end to end over HTTP, with a fake card source. */
class KioskApiTest {
    @TempDir
    Path data;
    KioskHarness k;

    @BeforeEach
    void start() throws Exception {
        k = KioskHarness.start(data);
    }

    @AfterEach
    void stop() throws Exception {
        k.close();
    }

    @Test
    void healthListsTheReadersAndCardPresence() throws Exception {
        // listen first: a card inserted before the stream opens is announced to nobody (the race that made this flaky)
        var events = k.events();
        events.await("reader", 5);
        k.cards.insert(KioskHarness.READER, FakeCardSource.personaCard("nguyen-van-a"));
        events.await("card-inserted", 10);
        JsonNode h = json(expect(k.get("/api/health"), 200));
        assertThat(h.get("status").asText()).isEqualTo("UP");
        assertThat(h.get("readers").findValuesAsText("name")).contains(KioskHarness.READER);
        JsonNode reader = h.get("readers").get(0);
        assertThat(reader.get("name").asText()).isEqualTo(KioskHarness.READER);
        assertThat(reader.get("cardPresent").asBoolean()).isTrue();
    }

    @Test
    void aBrokenSmartCardServiceIsReportedNotFatal() throws Exception {
        k.cards.broken(true);
        Thread.sleep(300);
        JsonNode h = json(expect(k.get("/api/health"), 200));
        assertThat(h.get("status").asText()).isEqualTo("UP");
        assertThat(h.get("readers")).isEmpty();
        assertThat(h.get("readerProblem").asText()).contains("SCARD_E_NO_SERVICE");
        k.cards.broken(false);
        Thread.sleep(300);
        assertThat(json(k.get("/api/health")).has("readerProblem")).isFalse();
    }

    @Test
    void theWholeFlowFromConsentToPdf() throws Exception {
        var events = k.events();
        assertThat(events.await("session-state", 5).data().get("active").asBoolean()).isFalse();
        assertThat(k.get("/api/session").statusCode()).isEqualTo(404);
        k.readyForCard("nguyen-thi-hong-nhung");
        k.cards.insert(KioskHarness.READER, FakeCardSource.personaCard("nguyen-thi-hong-nhung"));
        assertThat(events.await("card-inserted", 5).data().get("reader").asText()).isEqualTo(KioskHarness.READER);
        JsonNode progress = events.await("read-progress", 5).data();
        assertThat(progress.get("file").asText()).isEqualTo("COM");
        assertThat(progress.has("done")).isTrue();
        assertThat(progress.has("total")).isTrue();
        JsonNode complete = events.await("read-complete", 5).data();
        assertThat(complete.get("overall").asText()).isEqualTo("AUTHENTIC");
        // no personal data in events
        assertThat(complete.toString()).doesNotContain("Nhung").doesNotContain("001195004821");

        HttpResponse<String> session = expect(k.get("/api/session"), 200);
        assertThat(session.headers().firstValue("Cache-Control")).hasValue("no-store");
        CardReadResult expected = TestCards.authentic("nguyen-thi-hong-nhung");
        assertThat(Json.MAPPER.readTree(session.body())).isEqualTo(Json.MAPPER.readTree(Json.write(expected)));

        JsonNode pre = json(expect(k.get("/api/forms/ct01-2023/prefill"), 200));
        assertThat(pre.get("formId").asText()).as("the former id still names CT01").isEqualTo("ct01");
        assertThat(pre.get("fields").get("fullName").asText()).isEqualTo("Nguyễn Thị Hồng Nhung");
        assertThat(pre.get("fields").get("dateOfBirth").asText()).isEqualTo("17/08/1995");
        assertThat(pre.get("fields").get("idNumber").asText()).isEqualTo("001195004821");
        assertThat(pre.get("missing").toString()).contains("headName").doesNotContain("phone");

        Map<String, Object> input = Map.of("fields", TestForms.ct01Typed());
        assertThat(json(expect(k.post("/api/forms/ct01-2023/validate", input), 200)).get("ok").asBoolean()).isTrue();
        HttpResponse<byte[]> pdf = k.postForBytes("/api/forms/ct01-2023/pdf", input);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Nguyễn Thị Hồng Nhung", "Trần Văn Ưởng", "TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ",
                    pdf.headers().firstValue("X-Form-Reference").orElseThrow());
        }
        JsonNode export = json(expect(k.post("/api/forms/ct01-2023/export", input), 200));
        assertThat(export.get("formId").asText()).isEqualTo("ct01");
        assertThat(export.get("digest").asText()).startsWith("sha256:");
        assertThat(export.get("fields").findValuesAsText("value")).contains("Nguyễn Thị Hồng Nhung", "Trần Văn Ưởng");
        JsonNode fullName = null;
        for (JsonNode f : export.get("fields")) {
            if (f.get("id").asText().equals("fullName")) {
                fullName = f;
            }
        }
        assertThat(fullName.get("source").asText()).isEqualTo("chip");

        JsonNode doc = json(expect(k.post("/api/forms/ct01-2023/documents", input), 201));
        HttpResponse<byte[]> stored = k.getBytes(doc.get("pdf").asText());
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(new String(stored.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(json(expect(k.get(doc.get("json").asText()), 200)).get("reference").asText())
                .isEqualTo(doc.get("reference").asText());
        // the TT116 CT01 with its eight footnotes runs to two pages, as the official one (TT116 PDF pp. 20-21)
        assertThat(doc.get("pages").asInt()).isEqualTo(2);
        HttpResponse<byte[]> page = k.getBytes(doc.get("preview").asText() + "/1");
        assertThat(page.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(page.body())).getWidth()).isGreaterThan(800);
        assertThat(k.getBytes(doc.get("preview").asText() + "/3").statusCode()).isEqualTo(404);

        expect(k.delete("/api/session"), 204);
        assertThat(events.await("session-cleared", 5).data().get("reason").asText()).isEqualTo("done");
        assertThat(k.get("/api/session").statusCode()).isEqualTo(404);
        assertThat(k.getBytes(doc.get("pdf").asText()).statusCode()).isEqualTo(404);
        assertThat(json(k.get("/api/forms/ct01-2023/prefill")).get("fields").has("fullName")).isFalse();

        // the processing log says what happened, never to whom
        String log = Files.readString(data.resolve(ProcessingLog.FILE_NAME));
        assertThat(log).contains("\"event\":\"consent\"", "\"textVersion\":\"test-1\"", "\"event\":\"card-read\"",
                "\"verdict\":\"AUTHENTIC\"", "\"event\":\"document\"", "\"reason\":\"done\"");
        Person p = expected.person();
        assertThat(log).doesNotContain(p.idNumber(), p.fullName(), "Nguyễn", "0912345678");
    }

    @Test
    void nothingIsReadBeforeConsent() throws Exception {
        k.cards.insert(KioskHarness.READER, FakeCardSource.personaCard("nguyen-van-a"));
        var p = TestCards.person("nguyen-van-a");
        HttpResponse<String> r = k.post("/api/session/key", Map.of("idNumber", p.idNumber(), "dateOfBirth", p.dateOfBirth()));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(json(r).get("code").asText()).isEqualTo("NO_SESSION");
        expect(k.post("/api/session/start", "{}"), 201);
        r = k.post("/api/session/key", Map.of("idNumber", p.idNumber(), "dateOfBirth", p.dateOfBirth()));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(json(r).get("code").asText()).isEqualTo("NO_CONSENT");
        Thread.sleep(200);
        assertThat(k.cards.reads()).isZero();
        // declining ends the session
        expect(k.post("/api/session/consent", Map.of("accepted", false)), 200);
        assertThat(json(k.get("/api/session/state")).get("active").asBoolean()).isFalse();
    }

    @Test
    void aCardAlreadyOnTheReaderIsReadOnceTheKeyIsGiven() throws Exception {
        var events = k.events();
        k.cards.insert(KioskHarness.READER, FakeCardSource.personaCard("nguyen-van-a"));
        events.await("card-inserted", 5);
        k.readyForCard("nguyen-van-a");
        events.await("read-complete", 5);
        assertThat(json(k.get("/api/session")).get("person").get("fullName").asText())
                .isEqualTo(TestCards.person("nguyen-van-a").fullName());
    }

    @Test
    void keysWithoutIssueDateAreTriedInTurn() throws Exception {
        var events = k.events();
        var p = TestCards.person("nguyen-thi-a");
        expect(k.post("/api/session/start", "{}"), 201);
        expect(k.post("/api/session/consent", Map.of("accepted", true, "textVersion", "t", "lang", "en")), 200);
        expect(k.post("/api/session/key", Map.of("idNumber", p.idNumber(), "dateOfBirth", p.dateOfBirth())), 200);
        k.cards.insert(KioskHarness.READER, FakeCardSource.personaCard("nguyen-thi-a"));
        events.await("read-complete", 5);
    }

    @Test
    void aWrongKeyAsksForTheKeyAgain() throws Exception {
        var events = k.events();
        expect(k.post("/api/session/start", "{}"), 201);
        expect(k.post("/api/session/consent", Map.of("accepted", true, "textVersion", "t")), 200);
        expect(k.post("/api/session/key", Map.of("idNumber", "001195004822", "dateOfBirth", "1995-08-17",
                "issueDate", "2021-04-15")), 200);
        k.cards.insert(KioskHarness.READER, FakeCardSource.personaCard("nguyen-thi-hong-nhung"));
        JsonNode failed = events.await("read-failed", 5).data();
        assertThat(failed.get("code").asText()).isEqualTo("ACCESS_DENIED");
        assertThat(failed.get("message").asText()).isNotBlank();
        JsonNode state = json(k.get("/api/session/state"));
        assertThat(state.get("phase").asText()).isEqualTo("KEY");
        assertThat(state.get("error").get("code").asText()).isEqualTo("ACCESS_DENIED");
        // the right key reads the card that is still there only when it is put back or on retry
        var p = TestCards.person("nguyen-thi-hong-nhung");
        expect(k.post("/api/session/key", Map.of("idNumber", p.idNumber(), "dateOfBirth", p.dateOfBirth(),
                "issueDate", p.issueDate())), 200);
        events.await("read-complete", 5);
    }

    @Test
    void takingTheCardAwayAfterTheReadWipesTheSession() throws Exception {
        var events = k.events();
        k.readyForCard("nguyen-van-a");
        k.cards.insert(KioskHarness.READER, FakeCardSource.personaCard("nguyen-van-a"));
        events.await("read-complete", 5);
        expect(k.get("/api/session"), 200);
        k.cards.remove(KioskHarness.READER);
        events.await("card-removed", 5);
        assertThat(events.await("session-cleared", 5).data().get("reason").asText()).isEqualTo("card-removed");
        assertThat(k.get("/api/session").statusCode()).isEqualTo(404);
        assertThat(json(k.get("/api/session/state")).get("active").asBoolean()).isFalse();
    }

    @Test
    void aCardTakenAwayDuringTheReadCanBePutBack() throws Exception {
        var events = k.events();
        k.readyForCard("nguyen-van-a");
        FakeCardSource.FakeCard card = FakeCardSource.personaCard("nguyen-van-a").pausingAt("DG2");
        k.cards.insert(KioskHarness.READER, card);
        card.awaitPaused();
        assertThat(json(k.get("/api/session/state")).get("phase").asText()).isEqualTo("READING");
        k.cards.remove(KioskHarness.READER);
        JsonNode failed = events.await("read-failed", 5).data();
        assertThat(failed.get("code").asText()).isEqualTo("CARD_REMOVED");
        assertThat(json(k.get("/api/session/state")).get("phase").asText()).isEqualTo("CARD");
        k.cards.insert(KioskHarness.READER, FakeCardSource.personaCard("nguyen-van-a"));
        events.await("read-complete", 5);
    }

    @Test
    void aCardSwappedBetweenTwoPollsIsReadWhenTheFirstAttemptFoundNoCard() throws Exception {
        var events = k.events();
        k.cards.insert(KioskHarness.READER, FakeCardSource.personaCard("nguyen-van-a")
                .failingWith(NoCardException.noCard("the card left before the connection")));
        events.await("card-inserted", 5);
        k.readyForCard("nguyen-van-a"); // a card is on the reader: the key starts a read, which finds none
        assertThat(events.await("read-failed", 5).data().get("code").asText()).isEqualTo("NO_CARD");
        k.cards.swap(KioskHarness.READER, FakeCardSource.personaCard("nguyen-van-a"));
        events.await("read-complete", 5);
    }

    @Test
    void aFailedReadCanBeRetriedWithTheCardInPlace() throws Exception {
        var events = k.events();
        k.readyForCard("nguyen-van-a");
        FakeCardSource.FakeCard card = FakeCardSource.personaCard("nguyen-van-a")
                .failingWith(new MalformedDataException("DG13 length field is longer than the file"));
        k.cards.insert(KioskHarness.READER, card);
        assertThat(events.await("read-failed", 5).data().get("code").asText()).isEqualTo("MALFORMED_DATA");
        card.failingWith(null);
        expect(k.post("/api/session/retry", "{}"), 200);
        events.await("read-complete", 5);
    }

    @Test
    void twoParentsCardsForTheBirthRegistration() throws Exception {
        var events = k.events();
        k.readyForCard("nguyen-thi-hong-nhung");
        k.cards.insert(KioskHarness.READER, FakeCardSource.personaCard("nguyen-thi-hong-nhung"));
        events.await("read-complete", 5);
        var father = TestCards.person("dang-quoc-viet");
        // the second person must agree too
        HttpResponse<String> r = k.post("/api/session/second-card", Map.of("idNumber", father.idNumber(),
                "dateOfBirth", father.dateOfBirth(), "issueDate", father.issueDate()));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("code").asText()).isEqualTo("NO_CONSENT");
        expect(k.post("/api/session/second-card", Map.of("consent", true, "idNumber", father.idNumber(),
                "dateOfBirth", father.dateOfBirth(), "issueDate", father.issueDate())), 200);
        Thread.sleep(200);
        assertThat(k.cards.reads()).as("the first card is not read again").isEqualTo(1);
        k.cards.remove(KioskHarness.READER);
        events.await("card-removed", 5);
        k.cards.insert(KioskHarness.READER, FakeCardSource.personaCard("dang-quoc-viet"));
        assertThat(events.await("read-complete", 5).data().get("card").asInt()).isEqualTo(1);
        k.cards.remove(KioskHarness.READER);
        events.await("card-removed", 5);
        Thread.sleep(200);
        assertThat(json(k.get("/api/session/state")).get("cards")).hasSize(2);
        assertThat(json(k.get("/api/session/cards/1")).get("person").get("fullName").asText()).isEqualTo(father.fullName());
        JsonNode pre = json(expect(k.get("/api/forms/khai-sinh/prefill"), 200));
        assertThat(pre.get("fields").get("motherName").asText()).isEqualTo("Nguyễn Thị Hồng Nhung");
        assertThat(pre.get("fields").get("fatherName").asText()).isEqualTo(father.fullName());
        assertThat(pre.get("cards").get("mother").asInt()).isZero();
        JsonNode onlyRequester = json(expect(k.get("/api/forms/khai-sinh/prefill?roles=-,father"), 200));
        assertThat(onlyRequester.get("fields").has("motherName")).isFalse();
        assertThat(k.get("/api/forms/khai-sinh/prefill?roles=aunt").statusCode()).isEqualTo(400);
        // a third card is refused
        assertThat(json(k.post("/api/session/second-card", Map.of("consent", true, "idNumber", father.idNumber(),
                "dateOfBirth", father.dateOfBirth()))).get("code").asText()).isEqualTo("TOO_MANY_CARDS");
        expect(k.delete("/api/session"), 204);
        assertThat(k.get("/api/session/cards/1").statusCode()).isEqualTo(404);
    }

    @Test
    void theFaceIsServedAsAnImage() throws Exception {
        var events = k.events();
        k.readyForCard("nguyen-van-a");
        k.cards.insert(KioskHarness.READER, FakeCardSource.personaCard("nguyen-van-a"));
        events.await("read-complete", 5);
        HttpResponse<byte[]> face = k.getBytes("/api/session/cards/0/face");
        assertThat(face.statusCode()).isEqualTo(200);
        assertThat(face.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(face.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(face.body()[0] & 0xFF).isEqualTo(0xFF);
        assertThat(face.body()[1] & 0xFF).isEqualTo(0xD8);
        assertThat(k.getBytes("/api/session/cards/3/face").statusCode()).isEqualTo(404);
    }

    @Test
    void formValidationErrorsComePerFieldInBothLanguages() throws Exception {
        var events = k.events();
        k.readyForCard("nguyen-van-a");
        k.cards.insert(KioskHarness.READER, FakeCardSource.personaCard("nguyen-van-a"));
        events.await("read-complete", 5);
        Map<String, String> typed = new HashMap<>(TestForms.ct01Typed());
        typed.put("phone", "123");
        typed.put("fullName", "Người Khác");
        HttpResponse<String> r = k.post("/api/forms/ct01-2023/pdf", Map.of("fields", typed));
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode body = json(r);
        assertThat(body.get("code").asText()).isEqualTo("INVALID_FORM");
        assertThat(body.get("errors").get("phone").get("vi").asText()).contains("10 chữ số");
        assertThat(body.get("errors").get("phone").get("en").asText()).contains("10 digits");
        assertThat(body.get("errors").get("fullName").get("vi").asText()).contains("từ chip");
    }

    @Test
    void formsAreListedWithTitleAndAudience() throws Exception {
        JsonNode forms = json(expect(k.get("/api/forms"), 200));
        assertThat(forms.findValuesAsText("id")).containsExactly("ct01", "khai-sinh", "ly-lich-tu-phap-uy-quyen",
                "ly-lich-tu-phap", "xac-nhan-hon-nhan");
        assertThat(forms.get(0).get("title").asText()).isEqualTo("Tờ khai thay đổi thông tin cư trú");
        assertThat(forms.get(0).get("audience").asText()).isEqualTo("citizen");
        assertThat(json(k.get("/api/forms?lang=en")).get(0).get("title").asText()).startsWith("Declaration");
        JsonNode def = json(expect(k.get("/api/forms/khai-sinh"), 200));
        assertThat(def.get("cardRoles")).hasSize(2);
        assertThat(json(k.get("/api/forms/ct99")).get("code").asText()).isEqualTo("NO_FORM");
    }

    @Test
    void documentsNeedASession() throws Exception {
        HttpResponse<String> r = k.post("/api/forms/ct01-2023/pdf", Map.of("fields", TestForms.ct01Typed()));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(json(r).get("code").asText()).isEqualTo("NO_SESSION");
    }

    @Test
    void printingWithoutAPrinterSaysSo() throws Exception {
        var events = k.events();
        k.readyForCard("nguyen-van-a");
        k.cards.insert(KioskHarness.READER, FakeCardSource.personaCard("nguyen-van-a"));
        events.await("read-complete", 5);
        JsonNode doc = json(expect(k.post("/api/forms/ct01-2023/documents", Map.of("fields", TestForms.ct01Typed())), 201));
        assertThat(doc.get("print").isNull()).isTrue();
        HttpResponse<String> r = k.post("/api/session/documents/" + doc.get("id").asText() + "/print", "{}");
        assertThat(r.statusCode()).isEqualTo(501);
        assertThat(json(r).get("code").asText()).isEqualTo("NO_PRINTER");
    }

    @Test
    void withoutAQrServiceTheQrEndpointsSaySo() throws Exception {
        HttpResponse<String> r = k.post("/api/qr/text", Map.of("payload", "001195004821|151987654|Nguyễn Thị Hồng Nhung|17081995|Nữ|Hà Nội|15042021"));
        assertThat(r.statusCode()).isEqualTo(501);
        assertThat(json(r).get("code").asText()).isEqualTo("QR_UNAVAILABLE");
        r = k.send(java.net.http.HttpRequest.newBuilder(k.base.resolve("/api/qr")).header("Content-Type", "image/png")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0x89, 'P', 'N', 'G'})));
        assertThat(r.statusCode()).isEqualTo(501);
        r = k.send(java.net.http.HttpRequest.newBuilder(k.base.resolve("/api/qr")).header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("x")));
        assertThat(r.statusCode()).isEqualTo(415);
    }

    @Test
    void demoEndpointsExistOnlyInDemoMode() throws Exception {
        for (String path : List.of("/api/demo/insert", "/api/demo/remove")) {
            HttpResponse<String> r = k.post(path, Map.of("persona", "nguyen-van-a"));
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(json(r).get("code").asText()).isEqualTo("DEMO_OFF");
        }
        assertThat(json(k.get("/api/config")).get("demo").asBoolean()).isFalse();
        assertThat(json(k.get("/api/config")).has("demoPin")).isFalse();
    }
}
