package vn.cccd.kiosk.hospital;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cccd.kiosk.testing.KioskHarness.expect;
import static vn.cccd.kiosk.testing.KioskHarness.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cccd.kiosk.config.HospitalConfig;
import vn.cccd.kiosk.config.Mode;
import vn.cccd.kiosk.testing.FakeCardSource;
import vn.cccd.kiosk.testing.KioskHarness;
import vn.cccd.kiosk.testing.TestCards;
import vn.cccd.kiosk.testing.TestDatabases;
import vn.cccd.reader.model.Person;

/** The hospital endpoints over HTTP, as reception and the hospital system use them. */
class HospitalApiTest {
    static final HospitalConfig DEPARTMENTS = HospitalConfig.defaults().withDepartments(List.of(
            new HospitalConfig.Department("noi", "Khám Nội", "Internal medicine"),
            new HospitalConfig.Department("nhi", "Khám Nhi", "Paediatrics"),
            new HospitalConfig.Department("tmh", "Khám Tai Mũi Họng", null)));

    @TempDir
    Path data;

    static KioskHarness hospital(Path data) throws Exception {
        return KioskHarness.start(data, b -> b.mode(Mode.HOSPITAL).hospital(DEPARTMENTS).demo(true));
    }

    /** A session with the persona's card read. */
    static void readCard(KioskHarness k, String persona) throws Exception {
        var events = k.events();
        k.readyForCard(persona);
        k.cards.insert(KioskHarness.READER, FakeCardSource.personaCard(persona));
        events.await("read-complete", 10);
        events.close();
    }

    static void endSession(KioskHarness k) throws Exception {
        expect(k.delete("/api/session"), 204);
        k.cards.remove(KioskHarness.READER);
    }

    static JsonNode checkIn(KioskHarness k, String department, String bhyt) throws Exception {
        Map<String, Object> body = bhyt == null ? Map.of("department", department)
                : Map.of("department", department, "bhytCode", bhyt);
        return json(expect(k.post("/api/hospital/checkins", body), 201));
    }

    static List<TestDatabases.Kind> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void queueNumbersCountPerDepartmentPerDayAndSurviveARestart(TestDatabases.Kind kind) throws Exception {
        try (TestDatabases.Target t = TestDatabases.open(kind, data)) {
            queueNumbers(b -> b.mode(Mode.HOSPITAL).hospital(DEPARTMENTS).demo(true).storage(t.settings));
        }
    }

    private void queueNumbers(java.util.function.Consumer<vn.cccd.kiosk.config.KioskConfig.Builder> config)
            throws Exception {
        try (KioskHarness k = KioskHarness.start(data, config)) {
            readCard(k, "nguyen-thi-hong-nhung");
            JsonNode first = checkIn(k, "noi", "HS4010120878811");
            assertThat(first.get("queueNumber").asInt()).isEqualTo(1);
            assertThat(first.get("id").asText()).matches("[0-9a-f]{24}");
            assertThat(first.get("day").asText()).isEqualTo(LocalDate.now().toString());
            assertThat(first.get("department").get("vi").asText()).isEqualTo("Khám Nội");
            assertThat(first.get("ticket").asText()).endsWith("/ticket.pdf");
            endSession(k);
            readCard(k, "nguyen-van-a");
            assertThat(checkIn(k, "noi", null).get("queueNumber").asInt()).isEqualTo(2);
            assertThat(checkIn(k, "nhi", "  ").get("queueNumber").asInt()).as("another department").isEqualTo(1);
        }
        try (KioskHarness k = KioskHarness.start(data, config)) {
            readCard(k, "dang-quoc-viet");
            assertThat(checkIn(k, "noi", "0120878811").get("queueNumber").asInt()).as("after a restart").isEqualTo(3);
            assertThat(checkIn(k, "nhi", null).get("queueNumber").asInt()).isEqualTo(2);
        }
    }

    @Test
    void badRequestsGetTypedErrorsInBothLanguages() throws Exception {
        try (KioskHarness k = hospital(data)) {
            HttpResponse<String> noSession = k.post("/api/hospital/checkins", Map.of("department", "noi"));
            assertThat(noSession.statusCode()).isEqualTo(409);
            assertThat(json(noSession).get("code").asText()).isEqualTo("NO_SESSION");
            k.readyForCard("nguyen-van-a");
            HttpResponse<String> noCard = k.post("/api/hospital/checkins", Map.of("department", "noi"));
            assertThat(noCard.statusCode()).isEqualTo(409);
            assertThat(json(noCard).get("code").asText()).isEqualTo("NO_CARD");
            var events = k.events();
            k.cards.insert(KioskHarness.READER, FakeCardSource.personaCard("nguyen-van-a"));
            events.await("read-complete", 10);

            HttpResponse<String> bad = k.post("/api/hospital/checkins", Map.of("department", "noi",
                    "bhytCode", "HS6010120878811"));
            assertThat(bad.statusCode()).isEqualTo(400);
            JsonNode e = json(bad);
            assertThat(e.get("code").asText()).isEqualTo("INVALID_BHYT_CODE");
            assertThat(e.get("reason").asText()).isEqualTo("BENEFIT_LEVEL");
            assertThat(e.get("vi").asText()).contains("mức hưởng");
            assertThat(e.get("en").asText()).contains("benefit level");
            assertThat(bad.body()).doesNotContain("0120878811");

            HttpResponse<String> cccd = k.post("/api/hospital/checkins", Map.of("department", "noi",
                    "bhytCode", TestCards.person("nguyen-van-a").idNumber()));
            assertThat(json(cccd).get("reason").asText()).isEqualTo("ID_NUMBER_GIVEN");

            HttpResponse<String> dep = k.post("/api/hospital/checkins", Map.of("department", "rang-ham-mat"));
            assertThat(dep.statusCode()).isEqualTo(400);
            assertThat(json(dep).get("code").asText()).isEqualTo("UNKNOWN_DEPARTMENT");
            HttpResponse<String> extra = k.post("/api/hospital/checkins", Map.of("department", "noi", "name", "x"));
            assertThat(extra.statusCode()).as("unknown properties are refused").isEqualTo(400);
            // nothing was queued by the refused requests
            assertThat(checkIn(k, "noi", null).get("queueNumber").asInt()).isEqualTo(1);
            for (int i = 1; i < HospitalApi.MAX_PER_SESSION; i++) {
                checkIn(k, "nhi", null);
            }
            HttpResponse<String> tooMany = k.post("/api/hospital/checkins", Map.of("department", "nhi"));
            assertThat(tooMany.statusCode()).isEqualTo(409);
            assertThat(json(tooMany).get("code").asText()).isEqualTo("TOO_MANY_CHECKINS");
        }
    }

    @Test
    void departmentsComeFromTheConfiguration() throws Exception {
        try (KioskHarness k = hospital(data)) {
            JsonNode deps = json(expect(k.get("/api/hospital/departments"), 200));
            assertThat(deps.findValuesAsText("code")).containsExactly("noi", "nhi", "tmh");
            assertThat(deps.get(2).get("vi").asText()).isEqualTo("Khám Tai Mũi Họng");
            assertThat(deps.get(2).get("en").asText()).as("no English name: the Vietnamese one")
                    .isEqualTo("Khám Tai Mũi Họng");
        }
    }

    @Test
    void theTicketIsAn80mmReceiptWithTheNumberDepartmentAndTimeButNoPersonalData() throws Exception {
        try (KioskHarness k = hospital(data)) {
            readCard(k, "nguyen-thi-hong-nhung");
            checkIn(k, "tmh", null);
            JsonNode c = checkIn(k, "tmh", "HS4010120878811");
            HttpResponse<byte[]> png = k.getBytes(c.get("ticketImage").asText());
            assertThat(png.statusCode()).isEqualTo(200);
            assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png.body()));
            assertThat(image.getWidth()).as("80 mm at 110 dpi").isBetween(340, 350);
            HttpResponse<byte[]> pdf = k.getBytes(c.get("ticket").asText());
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
            Path samples = Path.of("target", "pdf-samples");
            Files.createDirectories(samples);
            Files.write(samples.resolve("hospital-ticket.pdf"), pdf.body());
            try (PDDocument doc = Loader.loadPDF(pdf.body())) {
                assertThat(doc.getNumberOfPages()).isEqualTo(1);
                PDPage page = doc.getPage(0);
                assertThat(page.getMediaBox().getWidth() / 72f * 25.4f).isCloseTo(80f, org.assertj.core.data.Offset.offset(0.1f));
                assertThat(page.getMediaBox().getHeight() / 72f * 25.4f).as("trimmed to the content, in mm")
                        .isBetween(60f, 110f);
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
                }
                String text = new PDFTextStripper().getText(doc);
                assertThat(text).contains("PHIẾU SỐ THỨ TỰ").contains("Khám Tai Mũi Họng").contains("Kiosk thử nghiệm");
                assertThat(text.lines().map(String::strip)).contains("2");
                assertThat(text).containsPattern("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
                assertThat(text).contains(c.get("id").asText().substring(0, 8).toUpperCase());
                Person p = TestCards.person("nguyen-thi-hong-nhung");
                assertThat(text).doesNotContain(p.fullName()).doesNotContain(p.idNumber())
                        .doesNotContain("0120878811").doesNotContain(p.dateOfBirth().substring(0, 4));
            }
        }
    }

    @Test
    void theFhirPatientHasTheCardsIdentityWithClearIdentifierSystemsAndConformsToR4() throws Exception {
        try (KioskHarness k = hospital(data)) {
            readCard(k, "nguyen-thi-hong-nhung");
            JsonNode c = checkIn(k, "noi", "hs 4 01 0120878811");
            HttpResponse<String> r = expect(k.get(c.get("patient").asText()), 200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/fhir+json");
            assertThat(r.body()).as("resourceType first").startsWith("{\n  \"resourceType\" : \"Patient\"");
            JsonNode p = json(r);
            assertThat(FhirR4Validation.errors(p)).isEmpty();
            Person person = TestCards.person("nguyen-thi-hong-nhung");
            assertThat(p.get("id").asText()).isEqualTo(c.get("id").asText());
            JsonNode ids = p.get("identifier");
            assertThat(ids).hasSize(2);
            assertThat(ids.get(0).get("system").asText()).isEqualTo("http://fhir.ehealth.gov.vn/core/sid/national_id");
            assertThat(ids.get(0).get("value").asText()).isEqualTo(person.idNumber());
            assertThat(ids.get(0).at("/type/coding/0/code").asText()).isEqualTo("NI");
            assertThat(ids.get(0).at("/type/coding/0/system").asText())
                    .isEqualTo("http://terminology.hl7.org/CodeSystem/v2-0203");
            assertThat(ids.get(1).get("system").asText())
                    .isEqualTo("http://fhir.ehealth.gov.vn/core/sid/insurance_number");
            assertThat(ids.get(1).get("value").asText()).isEqualTo("HS4010120878811");
            assertThat(p.at("/name/0/text").asText()).isEqualTo(person.fullName());
            assertThat(p.at("/name/0/family").asText()).isEqualTo(person.fullName().split(" ")[0]);
            assertThat(p.at("/name/0/family").asText() + " " + p.at("/name/0/given/0").asText())
                    .isEqualTo(person.fullName());
            assertThat(p.get("gender").asText()).isEqualTo("female");
            assertThat(p.get("birthDate").asText()).isEqualTo(person.dateOfBirth());
            assertThat(p.at("/address/0/text").asText()).isEqualTo(person.placeOfResidence());
            assertThat(r.body()).as("only what the check-in needs").doesNotContain(person.ethnicity())
                    .doesNotContain("religion").doesNotContain("photo");
        }
    }

    @Test
    void theQd130ExportFillsWhatTheCardGivesAndLeavesTheRestToTheHis() throws Exception {
        try (KioskHarness k = hospital(data)) {
            readCard(k, "dang-quoc-viet");
            JsonNode c = checkIn(k, "noi", "DN1790123456789");
            JsonNode q = json(expect(k.get(c.get("qd130").asText()), 200));
            Person person = TestCards.person("dang-quoc-viet");
            JsonNode f = q.get("fields");
            assertThat(f.at("/HO_TEN/value").asText()).isEqualTo(person.fullName());
            assertThat(f.at("/HO_TEN/source").asText()).isEqualTo("CARD");
            assertThat(f.at("/SO_CCCD/value").asText()).isEqualTo(person.idNumber());
            assertThat(f.at("/NGAY_SINH/value").asText()).isEqualTo(person.dateOfBirth().replace("-", "") + "0000")
                    .hasSize(12);
            assertThat(f.at("/GIOI_TINH/value").asText()).isEqualTo("Nam".equals(person.sex()) ? "1" : "2");
            assertThat(f.at("/DIA_CHI/value").asText()).isEqualTo(person.placeOfResidence());
            assertThat(f.at("/MA_THE_BHYT/value").asText()).isEqualTo("DN1790123456789");
            assertThat(f.at("/MA_THE_BHYT/source").asText()).isEqualTo("PATIENT");
            assertThat(f.at("/NGAY_VAO/value").asText()).matches("\\d{12}");
            assertThat(f.at("/MA_DANTOC/value").isNull()).isTrue();
            // no district after the 2025 merger (QĐ 1551); the new units' codes when the address converts to one
            assertThat(f.has("MAHUYEN_CU_TRU")).isFalse();
            var converted = vn.cccd.kiosk.address.AddressConverter.bundled().convert(person.placeOfResidence());
            boolean placed = converted.commune() != null;
            if (placed) {
                assertThat(f.at("/MATINH_CU_TRU/value").asText()).isEqualTo(converted.commune().province().code());
                assertThat(f.at("/MAXA_CU_TRU/value").asText()).isEqualTo(converted.commune().code()).hasSize(5);
            }
            List<String> his = Stream.concat(Stream.of("MA_LK", "STT", "MA_BN", "MA_QUOCTICH", "MA_DANTOC",
                    "MA_NGHE_NGHIEP", "DIEN_THOAI", "MA_DKBD", "GT_THE_TU", "GT_THE_DEN", "MA_DOITUONG_KCB", "LY_DO_VV"),
                    placed ? Stream.<String>empty() : Stream.of("MATINH_CU_TRU", "MAXA_CU_TRU")).toList();
            for (String name : his) {
                assertThat(f.at("/" + name + "/source").asText()).as(name).isEqualTo("HIS");
                assertThat(f.at("/" + name + "/note").asText()).as(name).contains("to be filled by the HIS");
            }
            assertThat(q.get("toBeFilledByHis").findValuesAsText("x")).isEmpty();
            List<String> listed = new java.util.ArrayList<>();
            q.get("toBeFilledByHis").forEach(n -> listed.add(n.asText()));
            assertThat(listed).containsExactlyInAnyOrderElementsOf(his);
            assertThat(q.toString()).doesNotContain(person.ethnicity());
        }
    }

    @Test
    void afterTheSessionOnlyStaffCanFetchACheckIn() throws Exception {
        try (KioskHarness k = hospital(data)) {
            readCard(k, "nguyen-van-a");
            JsonNode c = checkIn(k, "noi", null);
            endSession(k);
            for (String link : List.of("ticket", "ticketImage", "patient", "qd130")) {
                HttpResponse<String> r = k.get(c.get(link).asText());
                assertThat(r.statusCode()).as(link).isEqualTo(401);
            }
            readCard(k, "nguyen-thi-a");
            assertThat(k.get(c.get("patient").asText()).statusCode()).as("the next patient").isEqualTo(401);
            String token = json(expect(k.post("/api/operator/login", Map.of("pin", "0000")), 200)).get("token")
                    .asText();
            HttpResponse<String> staff = k.send(HttpRequest.newBuilder(k.base.resolve(c.get("patient").asText()))
                    .header("Authorization", "Bearer " + token).GET());
            assertThat(staff.statusCode()).isEqualTo(200);
            assertThat(json(staff).at("/identifier/0/value").asText())
                    .isEqualTo(TestCards.person("nguyen-van-a").idNumber());
            HttpResponse<String> unknown = k.send(HttpRequest.newBuilder(k.base.resolve(
                    "/api/hospital/checkins/000000000000000000000000/patient.json"))
                    .header("Authorization", "Bearer " + token).GET());
            assertThat(unknown.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void theDatabaseHoldsNoPersonalFieldInClearText() throws Exception {
        Person p = TestCards.person("tran-van-uong");
        try (KioskHarness k = hospital(data)) {
            readCard(k, "tran-van-uong");
            checkIn(k, "noi", "HS4010120878811");
        }
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(data)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                all.append(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
            }
        }
        assertThat(all.toString()).contains("hospital_checkin")
                .doesNotContain(p.idNumber()).doesNotContain(p.fullName()).doesNotContain(p.placeOfResidence())
                .doesNotContain("0120878811");
    }

    @Test
    void theRoutesExistOnlyInHospitalMode() throws Exception {
        try (KioskHarness k = KioskHarness.start(data)) {
            assertThat(k.get("/api/hospital/departments").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void theFhirValidatorFindsStructuralMistakes() throws Exception {
        JsonNode bad = vn.cccd.reader.model.Json.MAPPER.readTree("""
                {"resourceType":"Patient","gender":"f","birthDate":"01/02/1990","name":{"text":"A"},
                 "identifier":[{"system":"national_id","value":"","use":"main"}],
                 "ethnicity":"Kinh", "active":"true"}
                """);
        String problems = String.join("\n", FhirR4Validation.errors(bad));
        assertThat(problems).contains("Patient.gender").contains("Patient.birthDate").contains("Patient.identifier[0].use")
                .contains("ethnicity").contains("Patient.active");
    }
}
