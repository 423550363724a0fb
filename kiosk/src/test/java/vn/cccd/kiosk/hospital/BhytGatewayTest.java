package vn.cccd.kiosk.hospital;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.cccd.kiosk.config.BhytGatewayConfig;
import vn.cccd.kiosk.testing.TestCards;

/** The BHYT check against a fake BHXH gateway on the loopback interface: token, look-up, result codes, outages. */
class BhytGatewayTest {
    private FakeBhxhGateway fake;
    private final Patient patient = Patient.of(TestCards.authentic("nguyen-van-a"));

    @BeforeEach
    void start() throws Exception {
        fake = new FakeBhxhGateway();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private BhytGateway gateway(Duration timeout) {
        return new BhytGateway(fake.config(timeout), Clock.systemDefaultZone());
    }

    @Test
    void aValidCardIsReportedWithTheReturnedCardNumberAndTheTokenIsTakenOnce() {
        BhytGateway g = gateway(Duration.ofSeconds(5));
        BhytCheck a = g.check(patient);
        BhytCheck b = g.check(patient);
        assertThat(a.status()).isEqualTo(BhytCheck.CHECKED);
        assertThat(a.code()).isEqualTo("000");
        assertThat(a.cardNumber()).isEqualTo(FakeBhxhGateway.CARD);
        assertThat(a.validTo()).isEqualTo("31/12/2026");
        assertThat(a.facility()).isEqualTo("79001");
        assertThat(a.patientWords().vi()).isEqualTo("Thẻ BHYT còn giá trị, thông tin chính xác");
        assertThat(b.code()).isEqualTo("000");
        assertThat(fake.tokens.get()).isEqualTo(1);
        // the request as documented: the ID number in maThe, dd/MM/yyyy, the officer named; the password as MD5 only
        var body = fake.lookupBodies.get(0);
        assertThat(body.path("maThe").asText()).isEqualTo(patient.idNumber());
        assertThat(body.path("ngaySinh").asText()).isEqualTo("01/01/1990");
        assertThat(body.path("hoTenCb").asText()).isEqualTo("Lê Thu Cán Bộ");
        assertThat(body.path("cccdCb").asText()).isEqualTo("079190000123");
        assertThat(fake.lookupQueries.get(0)).contains("token=tok-1", "id_token=id-1",
                "password=" + BhytGatewayConfig.md5(FakeBhxhGateway.PASSWORD));
        assertThat(String.join(" ", fake.tokenBodies) + String.join(" ", fake.lookupQueries))
                .doesNotContain(FakeBhxhGateway.PASSWORD);
    }

    @Test
    void everyDocumentedResultCodeHasPlainWordsAndMismatchesAreForStaffOnly() {
        List<String> documented = List.of("000", "001", "002", "003", "004", "010", "050", "051", "052", "053", "054",
                "055", "060", "061", "070", "100", "101", "110", "120", "121", "122", "123", "124", "130", "205", "401");
        assertThat(BhytResultCodes.all().keySet()).containsExactlyElementsOf(documented);
        BhytGateway g = gateway(Duration.ofSeconds(5));
        for (String code : documented) {
            if (code.equals("401")) {
                continue; // a login failure, below
            }
            fake.resultCode = code;
            BhytCheck c = g.check(patient);
            assertThat(c.code()).isEqualTo(code);
            assertThat(c.staffWords().vi()).as(code).isNotBlank().doesNotContain("không rõ");
            assertThat(c.staffWords().en()).as(code).isNotBlank().doesNotContain("unknown");
            if (BhytCheck.STAFF_ONLY.contains(code)) {
                assertThat(c.patientWords().vi()).isEqualTo("Thông tin thẻ BHYT cần nhân viên kiểm tra tại quầy tiếp đón");
                assertThat(c.forPatient().get("code")).isNull();
                assertThat(c.returnedName()).isNotNull();
            } else {
                assertThat(c.patientWords()).isEqualTo(c.staffWords());
                assertThat(c.returnedName()).isNull();
            }
        }
        fake.resultCode = "070";
        assertThat(g.check(patient).returnedDateOfBirth()).isEqualTo("02/02/1990");
        assertThat(BhytResultCodes.words("999").en()).contains("unknown result code: 999");
    }

    @Test
    void aSlowGatewayIsGivenUpAfterTheTimeoutAndTheCheckSaysSo() {
        fake.delay = Duration.ofSeconds(4);
        long start = System.nanoTime();
        BhytCheck c = gateway(Duration.ofSeconds(1)).check(patient);
        assertThat(c.status()).isEqualTo(BhytCheck.NOT_CHECKED);
        assertThat(c.problem()).isEqualTo("timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertThat(c.patientWords().vi()).startsWith("Chưa kiểm tra được thẻ BHYT");
    }

    @Test
    void aFailingOrStoppedGatewayOrARefusedLoginIsNotACheck() {
        BhytGateway g = gateway(Duration.ofSeconds(3));
        fake.httpStatus = 500;
        assertThat(g.check(patient).problem()).isEqualTo("unreachable");
        fake.httpStatus = 200;
        fake.refuseLogin = true;
        BhytGateway fresh = gateway(Duration.ofSeconds(3));
        assertThat(fresh.check(patient).problem()).isEqualTo("login");
        fake.close();
        assertThat(gateway(Duration.ofSeconds(3)).check(patient).problem()).isEqualTo("unreachable");
    }

    @Test
    void anExpiredTokenIsTakenAgainOnce() {
        BhytGateway g = gateway(Duration.ofSeconds(5));
        assertThat(g.check(patient).code()).isEqualTo("000");
        fake.expireNextToken = true;
        assertThat(g.check(patient).code()).isEqualTo("000");
        assertThat(fake.tokens.get()).isEqualTo(2);
    }
}
