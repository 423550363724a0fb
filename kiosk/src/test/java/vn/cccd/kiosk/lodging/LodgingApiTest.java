package vn.cccd.kiosk.lodging;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cccd.kiosk.testing.KioskHarness.expect;
import static vn.cccd.kiosk.testing.KioskHarness.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cccd.kiosk.testing.LodgingKiosk;
import vn.cccd.kiosk.testing.TestCards;
import vn.cccd.kiosk.testing.TestDatabases;
import vn.cccd.kiosk.testing.TestDatabases.Kind;

/**
 * The lodging register over HTTP, the same tests on SQLite and on a real PostgreSQL server: register from the card
 * (CCCD and foreign passport), nights, reminder, exports (the XLSX read back with an independent reader), check-out,
 * delete, staff-only access, refusals, data-subject find and erase.
 */
class LodgingApiTest {
    private static final LocalDate TODAY = LocalDate.now();
    private static final String ARRIVAL = TODAY + "T14:30";

    @TempDir
    Path data;

    static List<Kind> kinds() {
        return TestDatabases.kinds();
    }

    private static Map<String, Object> stay(String room, LocalDate departure) {
        // typed decomposed (as some keyboards send it): the register keeps and exports it in NFC
        return Map.of("room", room, "reason", Normalizer.normalize("Du lịch", Normalizer.Form.NFD), "arrival", ARRIVAL,
                "departure", departure.toString());
    }

    private static String register(LodgingKiosk l, String room, LocalDate departure) throws Exception {
        HttpResponse<String> r = expect(l.staff("POST", "/api/lodging/guests", stay(room, departure)), 201);
        return json(r).get("id").asText();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aCccdGuestIsRegisteredListedPerNightExportedAndCheckedOut(Kind kind) throws Exception {
        var who = TestCards.person("nguyen-thi-hong-nhung");
        try (TestDatabases.Target t = TestDatabases.open(kind, data); LodgingKiosk l = LodgingKiosk.start(data, t.settings)) {
            l.readCard("nguyen-thi-hong-nhung");
            // staff only
            assertThat(l.k.post("/api/lodging/guests", stay("101", TODAY.plusDays(2))).statusCode()).isEqualTo(401);
            String id = register(l, "101", TODAY.plusDays(2));

            // the contract's list is a JSON array of the night's guests; the desk's night view carries more
            JsonNode list = l.guests(TODAY.toString());
            assertThat(list.isArray()).isTrue();
            assertThat(list).hasSize(1);
            assertThat(list.get(0).get("id").asText()).isEqualTo(id);
            assertThat(list.get(0).get("fullName").asText()).isEqualTo(who.fullName());
            assertThat(l.guests(TODAY.plusDays(3).toString())).isEmpty();

            JsonNode tonight = l.night(TODAY.toString());
            assertThat(tonight.get("stayAddress").asText()).isEqualTo(LodgingKiosk.ADDRESS);
            JsonNode g = tonight.get("guests").get(0);
            assertThat(tonight.get("guests")).hasSize(1);
            assertThat(g.get("id").asText()).isEqualTo(id);
            assertThat(g.get("fullName").asText()).isEqualTo(who.fullName());
            assertThat(g.get("dateOfBirth").asText()).isEqualTo(who.dateOfBirth());
            assertThat(g.get("documentType").asText()).isEqualTo("CCCD");
            assertThat(g.get("documentNumber").asText()).isEqualTo(who.idNumber());
            assertThat(g.get("nationality").asText()).isEqualTo("Việt Nam");
            assertThat(g.get("foreign").asBoolean()).isFalse();
            assertThat(g.get("reason").asText()).isEqualTo("Du lịch");
            assertThat(g.get("arrival").asText()).isEqualTo(ARRIVAL);
            assertThat(g.get("stayAddress").asText()).isEqualTo(LodgingKiosk.ADDRESS);
            assertThat(g.get("verification").asText()).isEqualTo("AUTHENTIC");
            // what the register does not keep; sex and residence are kept for the police template (columns D, J-M)
            assertThat(g.has("ethnicity") || g.has("religion") || g.has("face")).isFalse();
            assertThat(g.get("sex").asText()).isEqualTo("F");
            assertThat(g.get("residence").asText()).isEqualTo(who.placeOfResidence());
            assertThat(tonight.get("reminder").get("notNotified").asInt()).isEqualTo(1);
            assertThat(tonight.get("reminder").get("deadline").asText()).isEqualTo(TODAY + "T23:00");

            // nights: the second night yes, the departure day no, the day before no
            assertThat(l.night(TODAY.plusDays(1).toString()).get("guests")).hasSize(1);
            assertThat(l.night(TODAY.plusDays(2).toString()).get("guests")).isEmpty();
            assertThat(l.night(TODAY.minusDays(1).toString()).get("guests")).isEmpty();

            // the CSV export: the law's content, dates as dd/MM/yyyy; afterwards the reminder is cleared
            HttpResponse<byte[]> csv = expect200(l.staffBytes("/api/lodging/guests/export?date=" + TODAY + "&format=csv"));
            String text = new String(csv.body(), StandardCharsets.UTF_8);
            assertThat(text).startsWith("\uFEFFSTT").contains(who.fullName()).contains(who.idNumber())
                    .contains(LocalDate.parse(who.dateOfBirth()).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")))
                    .contains("\"" + LodgingKiosk.ADDRESS.replace("\"", "\"\"") + "\"").contains("Du lịch");
            assertThat(text.split("\r\n")).hasSize(2);
            // the 2026 law's content: the date of birth is there, the old CMND number is not sent
            assertThat(who.oldIdNumber()).isNotBlank();
            assertThat(text).doesNotContain(who.oldIdNumber());
            assertThat(g.toString()).doesNotContain(who.oldIdNumber());
            assertThat(l.night(TODAY.toString()).get("reminder").get("notNotified").asInt()).isZero();

            // check-out today: no longer staying tonight, but still in the register
            JsonNode out = json(expect(l.staff("POST", "/api/lodging/guests/" + id + "/checkout", null), 200));
            assertThat(out.get("checkedOutAt").isNull()).isFalse();
            assertThat(l.staff("POST", "/api/lodging/guests/" + id + "/checkout", null).statusCode()).isEqualTo(409);
            assertThat(l.night(TODAY.toString()).get("guests")).isEmpty();
            expect(l.staff("GET", "/api/lodging/guests/" + id, null), 200);
            // delete
            expect(l.staff("DELETE", "/api/lodging/guests/" + id, null), 204);
            assertThat(l.staff("GET", "/api/lodging/guests/" + id, null).statusCode()).isEqualTo(404);
            assertThat(l.staff("DELETE", "/api/lodging/guests/" + id, null).statusCode()).isEqualTo(404);
        }
    }

    private static HttpResponse<byte[]> expect200(HttpResponse<byte[]> r) {
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return r;
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aForeignPassportGuestHasTheMrzNationalityAndTheNa17Flag(Kind kind) throws Exception {
        try (TestDatabases.Target t = TestDatabases.open(kind, data); LodgingKiosk l = LodgingKiosk.start(data, t.settings)) {
            l.readPassport();
            register(l, "202", TODAY.plusDays(1));
            JsonNode night = l.night(TODAY.toString());
            JsonNode g = night.get("guests").get(0);
            assertThat(g.get("documentType").asText()).isEqualTo("PASSPORT");
            assertThat(g.get("documentNumber").asText()).isEqualTo("UP4281930");
            assertThat(g.get("nationality").asText()).isEqualTo("UTO");
            assertThat(g.get("fullName").asText()).isEqualTo("KESSLER MARA LOUISE");
            assertThat(g.get("dateOfBirth").asText()).isEqualTo("1986-12-03");
            assertThat(g.get("foreign").asBoolean()).isTrue();
            assertThat(g.get("na17Required").asBoolean()).isTrue();
            assertThat(night.get("reminder").get("foreignNotNotified").asInt()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theXlsxExportHasOneRowPerGuestOfTheNight(Kind kind) throws Exception {
        try (TestDatabases.Target t = TestDatabases.open(kind, data); LodgingKiosk l = LodgingKiosk.start(data, t.settings)) {
            l.readCard("nguyen-van-a");
            register(l, "101", TODAY.plusDays(3));
            l.removeCard();
            l.readPassport();
            register(l, "102", TODAY.plusDays(1));
            l.removeCard();
            l.readCard("tran-van-uong");
            register(l, "103", TODAY.plusDays(2));

            HttpResponse<byte[]> x = expect200(l.staffBytes("/api/lodging/guests/export?date=" + TODAY.plusDays(1)
                    + "&format=xlsx"));
            assertThat(x.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("spreadsheetml"));
            List<List<String>> rows = new ArrayList<>();
            try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(x.body()))) {
                Sheet sheet = wb.getFirstSheet();
                assertThat(sheet.getName()).isEqualTo("Lưu trú " + TODAY.plusDays(1));
                for (Row r : sheet.read()) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < 12; i++) {
                        cells.add(r.getCellAsString(i).orElse(""));
                    }
                    rows.add(cells);
                }
            }
            // night +1: guests of rooms 101 and 103 (102 leaves that morning)
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0)).startsWith("STT (No.)", "Họ và tên (Full name)", "Ngày sinh (Date of birth)");
            var a = TestCards.person("nguyen-van-a");
            var u = TestCards.person("tran-van-uong");
            assertThat(rows.get(1)).containsExactly("1", a.fullName(), dmy(a.dateOfBirth()), "CCCD / Căn cước",
                    a.idNumber(), "Việt Nam", "Du lịch", dmy(TODAY.toString()) + " 14:30", dmy(TODAY.plusDays(3).toString()),
                    "101", LodgingKiosk.ADDRESS, "Không (No)");
            assertThat(rows.get(2).get(1)).isEqualTo(u.fullName());
            assertThat(rows.get(2).get(4)).isEqualTo(u.idNumber());
            assertThat(rows.get(2).get(9)).isEqualTo("103");

            // tonight's export includes the passport guest, flagged for NA17
            HttpResponse<byte[]> tonight = expect200(l.staffBytes("/api/lodging/guests/export?date=" + TODAY + "&format=xlsx"));
            try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(tonight.body()))) {
                List<Row> r = wb.getFirstSheet().read();
                assertThat(r).hasSize(4);
                assertThat(r.get(2).getCellAsString(5)).hasValue("UTO");
                assertThat(r.get(2).getCellAsString(11)).hasValue("Có (Yes)");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theKbttExportsSplitTheNightIntoTheVietnameseTemplateAndTheForeignXml(Kind kind) throws Exception {
        var nhung = TestCards.person("nguyen-thi-hong-nhung");
        try (TestDatabases.Target t = TestDatabases.open(kind, data); LodgingKiosk l = LodgingKiosk.start(data, t.settings)) {
            l.readCard("nguyen-thi-hong-nhung");
            register(l, "101", TODAY.plusDays(1));
            l.removeCard();
            l.readPassport();
            register(l, "202", TODAY.plusDays(1));

            HttpResponse<byte[]> x = expect200(l.staffBytes("/api/lodging/guests/export?date=" + TODAY + "&format=kbtt"));
            assertThat(x.headers().firstValue("X-Guest-Count")).hasValue("1");
            // the Vietnamese guest is notified by this file; the foreign guest is not yet
            JsonNode reminder = l.night(TODAY.toString()).get("reminder");
            assertThat(reminder.get("notNotified").asInt()).isEqualTo(1);
            assertThat(reminder.get("foreignNotNotified").asInt()).isEqualTo(1);
            try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(x.body()))) {
                Sheet sheet = wb.getFirstSheet();
                assertThat(sheet.getName()).isEqualTo("DS_KHACH_VIET_NAM_LUU_TRU");
                List<Row> rows = sheet.read();
                assertThat(rows).hasSize(5);
                Row r = rows.get(4);
                assertThat(r.getRowNum()).isEqualTo(5);
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < 19; i++) {
                    cells.add(r.getCellAsString(i).orElse(""));
                }
                // column M: the residence as the address converter gives it today (the chip's, when it cannot)
                var converted = vn.cccd.kiosk.address.AddressConverter.bundled().convert(nhung.placeOfResidence());
                String detail = converted.commune() != null ? converted.address() : nhung.placeOfResidence();
                assertThat(cells).containsExactly("1", nhung.fullName(), dmy(nhung.dateOfBirth()), "F - Nữ",
                        "VNM - Viet Nam", "1 - Thẻ CCCD", "", nhung.idNumber(), "", "1 - Thường trú", "101 - TP. Hà Nội",
                        "", detail, dmy(TODAY.toString()), dmy(TODAY.plusDays(1).toString()), "101",
                        "1 - Du lịch", "", "");
            }

            HttpResponse<byte[]> xml = expect200(l.staffBytes("/api/lodging/guests/export?date=" + TODAY
                    + "&format=kbtt-foreign"));
            String text = new String(xml.body(), StandardCharsets.UTF_8);
            assertThat(text).contains("<KHAI_BAO_TAM_TRU>", "<ho_ten>KESSLER MARA LOUISE</ho_ten>",
                    "<gioi_tinh>F</gioi_tinh>", "<ma_quoc_tich>UTO</ma_quoc_tich>", "<so_ho_chieu>UP4281930</so_ho_chieu>",
                    "<ngay_sinh>03/12/1986</ngay_sinh>").doesNotContain(nhung.idNumber());
            assertThat(l.night(TODAY.toString()).get("reminder").get("notNotified").asInt()).isZero();
        }
    }

    private static String dmy(String iso) {
        return LocalDate.parse(iso).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void badRequestsAreRefusedWithTypedErrors(Kind kind) throws Exception {
        try (TestDatabases.Target t = TestDatabases.open(kind, data); LodgingKiosk l = LodgingKiosk.start(data, t.settings)) {
            HttpResponse<String> noSession = l.staff("POST", "/api/lodging/guests", stay("1", TODAY.plusDays(1)));
            assertThat(noSession.statusCode()).isEqualTo(409);
            l.readCard("nguyen-van-a");
            assertThat(code(l.staff("POST", "/api/lodging/guests", stay("1", TODAY)))).isEqualTo("NOT_OVERNIGHT");
            assertThat(code(l.staff("POST", "/api/lodging/guests", Map.of("room", "1", "reason", "x",
                    "arrival", "hôm nay", "departure", TODAY.plusDays(1).toString())))).isEqualTo("INVALID_ARRIVAL");
            assertThat(code(l.staff("POST", "/api/lodging/guests", Map.of("room", "", "reason", "x",
                    "arrival", ARRIVAL, "departure", TODAY.plusDays(1).toString())))).isEqualTo("INVALID_ROOM");
            register(l, "1", TODAY.plusDays(2));
            HttpResponse<String> twice = l.staff("POST", "/api/lodging/guests", stay("2", TODAY.plusDays(3)));
            assertThat(twice.statusCode()).isEqualTo(409);
            assertThat(code(twice)).isEqualTo("ALREADY_REGISTERED");
            assertThat(l.staff("GET", "/api/lodging/guests/export?date=" + TODAY + "&format=pdf", null).statusCode())
                    .isEqualTo(400);
            assertThat(code(l.staff("GET", "/api/lodging/guests?date=31-12-2026", null))).isEqualTo("INVALID_DATE");
            assertThat(l.night(TODAY.toString()).get("guests")).hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theRegisterLeavesNoPersonalDataInTechnicalLogsOrTheProcessingLog(Kind kind) throws Exception {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
                new ch.qos.logback.core.read.ListAppender<>();
        logs.start();
        root.addAppender(logs);
        ch.qos.logback.classic.Logger ours = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("vn.cccd");
        ch.qos.logback.classic.Level before = ours.getLevel();
        ours.setLevel(ch.qos.logback.classic.Level.DEBUG);
        var who = TestCards.person("nguyen-thi-hong-nhung");
        try (TestDatabases.Target t = TestDatabases.open(kind, data); LodgingKiosk l = LodgingKiosk.start(data, t.settings)) {
            l.readCard("nguyen-thi-hong-nhung");
            String id = register(l, "101", TODAY.plusDays(1));
            assertThat(l.staff("POST", "/api/lodging/guests", stay("102", TODAY.plusDays(1))).statusCode()).isEqualTo(409);
            expect200(l.staffBytes("/api/lodging/guests/export?date=" + TODAY + "&format=xlsx"));
            expect(l.staff("POST", "/api/lodging/guests/" + id + "/checkout", null), 200);
            l.removeCard();
            l.readPassport();
            register(l, "103", TODAY.plusDays(1));
            expect(l.staff("GET", "/api/privacy/subject?idNumber=" + who.idNumber(), null), 200);
            expect(l.staff("DELETE", "/api/privacy/subject?idNumber=UP4281930", null), 200);
        } finally {
            root.detachAppender(logs);
            ours.setLevel(before);
        }
        String processing = java.nio.file.Files.readString(data.resolve(vn.cccd.kiosk.store.ProcessingLog.FILE_NAME));
        assertThat(processing).contains("lodging-guest-registered", "lodging-export", "lodging-checkout", "privacy-erase");
        List<String> lines = new ArrayList<>(logs.list.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage())).toList());
        lines.add(processing);
        for (String secret : List.of(who.fullName(), who.idNumber(), who.idNumber().substring(3), "KESSLER", "UP4281930")) {
            assertThat(lines).as("'%s' logged", secret).noneMatch(line -> line.contains(secret));
        }
    }

    private static String code(HttpResponse<String> r) {
        return json(r).get("code").asText();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aDataSubjectRequestFindsAndErasesOnePersonsRecordsOnly(Kind kind) throws Exception {
        var nhung = TestCards.person("nguyen-thi-hong-nhung");
        try (TestDatabases.Target t = TestDatabases.open(kind, data); LodgingKiosk l = LodgingKiosk.start(data, t.settings)) {
            l.readCard("nguyen-thi-hong-nhung");
            register(l, "1", TODAY.plusDays(1));
            l.removeCard();
            l.readCard("nguyen-van-a");
            register(l, "2", TODAY.plusDays(1));

            assertThat(l.k.get("/api/privacy/subject?idNumber=" + nhung.idNumber()).statusCode()).isEqualTo(401);
            JsonNode found = json(expect(l.staff("GET", "/api/privacy/subject?idNumber=" + nhung.idNumber(), null), 200));
            assertThat(found.get("count").asInt()).isEqualTo(1);
            JsonNode rec = found.get("records").get(0);
            assertThat(rec.get("table").asText()).isEqualTo("lodging_guest");
            assertThat(rec.get("fields").get("full_name").asText()).isEqualTo(nhung.fullName());
            assertThat(rec.get("fields").get("document_number").asText()).isEqualTo(nhung.idNumber());

            JsonNode erased = json(expect(l.staff("DELETE", "/api/privacy/subject?idNumber=" + nhung.idNumber(), null), 200));
            assertThat(erased.get("erased").asInt()).isEqualTo(1);
            assertThat(json(l.staff("GET", "/api/privacy/subject?idNumber=" + nhung.idNumber(), null)).get("count").asInt())
                    .isZero();
            JsonNode left = l.night(TODAY.toString()).get("guests");
            assertThat(left).hasSize(1);
            assertThat(left.get(0).get("fullName").asText()).isEqualTo(TestCards.person("nguyen-van-a").fullName());
            assertThat(code(l.staff("GET", "/api/privacy/subject", null))).isEqualTo("INVALID_ID_NUMBER");
        }
    }
}
