package vn.cccd.kiosk.lodging.police;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cccd.kiosk.config.LodgingSettings;
import vn.cccd.kiosk.config.PoliceApiConfig;
import vn.cccd.kiosk.config.StorageSettings;
import vn.cccd.kiosk.lodging.Guest;
import vn.cccd.kiosk.lodging.GuestRegister;
import vn.cccd.kiosk.store.Database;
import vn.cccd.kiosk.store.StorageKey;
import vn.cccd.kiosk.testing.LodgingKiosk;
import vn.cccd.kiosk.testing.MutableClock;
import vn.cccd.kiosk.testing.TestCards;
import vn.cccd.kiosk.testing.TestDatabases;

/**
 * The police submission against {@link FakePolicePortal}, driven pass by pass with a clock the test moves (no
 * sleeps): every guest confirmed, a partial answer, success for zero rows, a refused login and an expired token, 5xx
 * with growing delays, a slow answer past the time-out, the early checkout change. Synthetic personas only.
 */
@Timeout(60)
class PoliceSubmissionTest {
    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final LocalDate NIGHT = LocalDate.parse("2026-07-10");
    private static final Duration FIRST = Duration.ofSeconds(30);
    private static final String KEY = StorageKey.generate();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(NIGHT.atTime(15, 0).atZone(VN).toInstant(), VN);
    private final FakePolicePortal.Portal portal = new FakePolicePortal.Portal();
    private final List<Map<String, ?>> recorded = new ArrayList<>();
    private FakePolicePortal fake;
    private Database db;
    private GuestRegister register;
    private PoliceSubmission police;

    private void start(String password, Duration timeout) throws Exception {
        start(password, timeout, StorageSettings.defaults());
    }

    private void start(String password, Duration timeout, StorageSettings storage) throws Exception {
        portal.today = NIGHT;
        portal.now = clock::instant;
        fake = new FakePolicePortal(portal);
        db = Database.open(storage.withKeyEnv("K"), dir, clock, Map.of("K", KEY));
        PoliceApiConfig config = fake.config(password, timeout, FIRST);
        register = new GuestRegister(db, new LodgingSettings("Nhà nghỉ Sen", "Số 5 Hàng Gai, Hà Nội", config), "K1",
                clock);
        police = new PoliceSubmission(config, db, register, clock, (event, details) -> recorded.add(details));
    }

    @AfterEach
    void stop() {
        if (police != null) {
            police.close();
            police = null;
        }
        if (db != null) {
            db.close();
            db = null;
        }
        if (fake != null) {
            fake.close();
            fake = null;
        }
    }

    private Guest guest(String persona, String room, String arrival) {
        Guest g = register.register(TestCards.authentic(persona), new GuestRegister.Stay(room, "Du lịch",
                LocalDateTime.parse(arrival), NIGHT.plusDays(2)));
        police.registered(g);
        return g;
    }

    private Guest passport(String room) {
        Guest g = register.register(LodgingKiosk.passport(), new GuestRegister.Stay(room, "Du lịch",
                NIGHT.atTime(16, 0), NIGHT.plusDays(1)));
        police.registered(g);
        return g;
    }

    @Test
    void everyGuestConfirmedMakesTheNightNotifiedOnceWithTheDocumentedRecords() throws Exception {
        start(FakePolicePortal.PASSWORD, Duration.ofSeconds(5));
        var nhung = TestCards.person("nguyen-thi-hong-nhung");
        guest("nguyen-thi-hong-nhung", "101", "2026-07-10T14:00");
        guest("dang-quoc-viet", "102", "2026-07-10T14:30");
        passport("103");
        assertThat(police.status(NIGHT).state()).isEqualTo("SENDING");

        police.sendDue();

        PoliceSubmission.NightStatus s = police.status(NIGHT);
        assertThat(s.state()).isEqualTo("NOTIFIED");
        assertThat(s.at()).isEqualTo(clock.instant().toString());
        assertThat(s.confirmed()).isEqualTo(3);
        assertThat(register.night(NIGHT)).allSatisfy(g -> assertThat(g.notifiedAt()).isNotNull());
        // the token: the documented form and the client credential as HTTP Basic
        assertThat(portal.tokenForms).singleElement().satisfies(f -> assertThat(f).contains("grant-type=api_cslt")
                .contains("username=" + FakePolicePortal.USER));
        // API5: the date of birth, the 12-digit number as a CCCD (1), never the old CMND number
        assertThat(portal.vietnamese).hasSize(2);
        JsonNode r = portal.vietnamese.stream().filter(n -> n.path("soPhong").asText().equals("101")).findFirst()
                .orElseThrow();
        assertThat(r.path("hoTen").asText()).isEqualTo(nhung.fullName());
        assertThat(r.path("ngayThangNamSinhStr").asText()).isEqualTo(nhung.dateOfBirth());
        assertThat(r.path("soGiayTo").asText()).isEqualTo(nhung.idNumber());
        assertThat(r.path("loaiGiayTo").asInt()).isEqualTo(1);
        assertThat(r.path("lyDoCuTru").asInt()).isEqualTo(1);
        assertThat(r.path("ngayDenCsltStr").asText()).isEqualTo("2026-07-10 14:00:00");
        assertThat(r.toString()).doesNotContain(nhung.oldIdNumber());
        // API4: the passport with its MRZ nationality code
        assertThat(portal.foreign).singleElement().satisfies(f -> {
            assertThat(f.path("loaiNgayThangNamSinh").asText()).isEqualTo("D");
            assertThat(f.path("quocTich").asText()).isEqualTo("UTO");
        });
        // exactly once: nothing more to send, on this pass or after a new guest of another night
        police.sendDue();
        assertThat(portal.calls(PoliceClient.VIETNAMESE)).isEqualTo(1);
        assertThat(portal.imported(nhung.idNumber())).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("vn.cccd.kiosk.testing.TestDatabases#kinds")
    void theOutboxKeepsANoticeUntilConfirmedOnSqliteAndPostgresql(TestDatabases.Kind kind) throws Exception {
        try (TestDatabases.Target t = TestDatabases.open(kind, dir)) {
            start(FakePolicePortal.PASSWORD, Duration.ofSeconds(5), t.settings);
            fake.status = 503;
            guest("nguyen-van-a", "801", "2026-07-10T14:00");
            police.sendDue();
            assertThat(police.status(NIGHT).state()).isEqualTo("SENDING");
            // a guest added meanwhile: the notice is due again at once, and the next pass sends both
            guest("dang-quoc-viet", "802", "2026-07-10T14:10");
            assertThat(police.outbox().due(clock.instant(), 10)).hasSize(1);
            fake.status = 0;
            police.sendDue();
            assertThat(police.status(NIGHT).state()).isEqualTo("NOTIFIED");
            assertThat(police.status(NIGHT).confirmed()).isEqualTo(2);
            stop();
        }
    }

    @Test
    void aPartialAnswerLeavesTheNightFailedNamingTheRefusedGuestsRoom() throws Exception {
        start(FakePolicePortal.PASSWORD, Duration.ofSeconds(5));
        var a = TestCards.person("nguyen-van-a");
        guest("nguyen-van-a", "201", "2026-07-10T14:00");
        // arrived three days ago and still staying: the portal takes today's or yesterday's arrivals only
        clock.set(NIGHT.minusDays(3).atTime(15, 0).atZone(VN).toInstant());
        register.register(TestCards.authentic("dang-quoc-viet"), new GuestRegister.Stay("202", "Công tác",
                NIGHT.minusDays(3).atTime(14, 0), NIGHT.plusDays(1)));
        clock.set(NIGHT.atTime(15, 5).atZone(VN).toInstant());

        police.sendDue();

        PoliceSubmission.NightStatus s = police.status(NIGHT);
        assertThat(s.state()).isEqualTo("FAILED");
        assertThat(s.problem()).contains("guest in room 202: Ngày đến Cslt phải là ngày hiện tại hoặc hôm qua")
                .contains("refused 1 of 2");
        // the other guest's fate is not in the answer: not notified
        assertThat(register.night(NIGHT)).allSatisfy(g -> assertThat(g.notifiedAt()).isNull());

        // the owner resends: the portal calls the first guest a duplicate, which confirms it; it was imported once
        police.queue(NIGHT);
        police.sendDue();
        assertThat(police.status(NIGHT).state()).isEqualTo("FAILED");
        assertThat(register.night(NIGHT)).filteredOn(g -> g.room().equals("201"))
                .allSatisfy(g -> assertThat(g.notifiedAt()).isNotNull());
        assertThat(portal.imported(a.idNumber())).isEqualTo(1);
    }

    @Test
    void successForZeroImportedRowsIsNotNotified() throws Exception {
        start(FakePolicePortal.PASSWORD, Duration.ofSeconds(5));
        fake.zeroRows = true;
        guest("nguyen-van-a", "301", "2026-07-10T14:00");

        police.sendDue();

        PoliceSubmission.NightStatus s = police.status(NIGHT);
        assertThat(s.state()).isEqualTo("FAILED");
        assertThat(s.problem()).contains("confirmed 0 of 1 guests");
        assertThat(register.night(NIGHT)).allSatisfy(g -> assertThat(g.notifiedAt()).isNull());
    }

    @Test
    void aRefusedLoginFailsWithoutRetryingAndAnExpiredTokenIsTakenAnew() throws Exception {
        start("not-the-password", Duration.ofSeconds(5));
        guest("nguyen-van-a", "401", "2026-07-10T14:00");
        police.sendDue();
        assertThat(police.status(NIGHT).state()).isEqualTo("FAILED");
        assertThat(police.status(NIGHT).problem()).contains("refused the establishment's login");
        assertThat(police.outbox().nextDue()).isEmpty();
        assertThat(portal.calls(PoliceClient.VIETNAMESE)).isZero();
        stop();

        start(FakePolicePortal.PASSWORD, Duration.ofSeconds(5));
        police.queue(NIGHT);
        police.sendDue();
        assertThat(police.status(NIGHT).state()).isEqualTo("NOTIFIED");
        fake.expireTokens();
        guest("dang-quoc-viet", "402", "2026-07-10T18:00");
        police.sendDue();
        assertThat(police.status(NIGHT).state()).isEqualTo("NOTIFIED");
        // the refused login, the first token, and the one taken after the 401
        assertThat(portal.issuedTokens).hasSize(2);

        assertThat(portal.calls(PoliceClient.VIETNAMESE)).isEqualTo(3); // one, then a 401 and the same call again

        // a token less than 60 s from its expiry is not used: a new one is taken before the call, with no 401
        fake.tokenLifetimeSeconds = 30;
        fake.expireTokens();
        guest("nguyen-thi-hong-nhung", "403", "2026-07-10T19:00");
        police.sendDue(); // 401, a token that expires in 30 s, the call again
        guest("tran-van-uong", "404", "2026-07-10T20:00");
        police.sendDue(); // a new token first, then one call
        assertThat(police.status(NIGHT).state()).isEqualTo("NOTIFIED");
        assertThat(portal.issuedTokens).hasSize(4);
        assertThat(portal.calls(PoliceClient.VIETNAMESE)).isEqualTo(6);
    }

    @Test
    void a5xxIsRetriedAfterGrowingDelaysUntilThePortalAnswers() throws Exception {
        start(FakePolicePortal.PASSWORD, Duration.ofSeconds(5));
        fake.status = 503;
        guest("nguyen-van-a", "501", "2026-07-10T14:00");

        police.sendDue();
        PoliceSubmission.NightStatus s = police.status(NIGHT);
        assertThat(s.state()).isEqualTo("SENDING");
        assertThat(s.attempts()).isEqualTo(1);
        assertThat(s.problem()).contains("HTTP 503");
        Instant next = police.outbox().nextDue().orElseThrow();
        assertThat(Duration.between(clock.instant(), next)).isBetween(FIRST, FIRST.plus(FIRST.dividedBy(10)));

        long calls = portal.requests.size();
        police.sendDue(); // not yet due
        assertThat(portal.requests).hasSize((int) calls);

        clock.set(next);
        police.sendDue();
        assertThat(police.status(NIGHT).attempts()).isEqualTo(2);
        Instant second = police.outbox().nextDue().orElseThrow();
        assertThat(Duration.between(clock.instant(), second)).isBetween(FIRST.multipliedBy(2),
                FIRST.multipliedBy(2).plus(FIRST.dividedBy(5)));

        fake.status = 0;
        clock.set(second);
        police.sendDue();
        assertThat(police.status(NIGHT).state()).isEqualTo("NOTIFIED");
        assertThat(police.status(NIGHT).attempts()).isEqualTo(3);
    }

    @Test
    void aSlowAnswerTimesOutAndTheResendIsConfirmedAsAlreadyDeclared() throws Exception {
        start(FakePolicePortal.PASSWORD, Duration.ofSeconds(1));
        var a = TestCards.person("nguyen-van-a");
        fake.hold();
        guest("nguyen-van-a", "601", "2026-07-10T14:00");

        police.sendDue(); // bounded by the time-out
        assertThat(police.status(NIGHT).state()).isEqualTo("SENDING");
        assertThat(police.status(NIGHT).problem()).contains("no answer from the police API");

        fake.release();
        clock.set(police.outbox().nextDue().orElseThrow());
        police.sendDue();
        assertThat(police.status(NIGHT).state()).isEqualTo("NOTIFIED");
        assertThat(portal.imported(a.idNumber())).isEqualTo(1);
    }

    @Test
    void anEarlyCheckoutSendsTheChangeAndAnUnknownGuestsRefusalHidesTheNumber() throws Exception {
        start(FakePolicePortal.PASSWORD, Duration.ofSeconds(5));
        var a = TestCards.person("nguyen-van-a");
        Guest g = guest("nguyen-van-a", "701", "2026-07-10T14:00");
        police.sendDue();
        clock.set(NIGHT.plusDays(1).atTime(9, 0).atZone(VN).toInstant());
        police.checkedOut(register.checkout(g.id()));
        police.sendDue();
        assertThat(portal.changes).singleElement().satisfies(c -> {
            assertThat(c.path("loai").asText()).isEqualTo("TS");
            assertThat(c.path("soGiayTo").asText()).isEqualTo(a.idNumber());
            assertThat(c.path("loaiGiayTo").asInt()).isEqualTo(1);
        });
        assertThat(police.outbox().find(PoliceOutbox.checkoutRef(g.id())).orElseThrow().state())
                .isEqualTo(PoliceOutbox.State.NOTIFIED);

        // a guest the portal does not have (marked notified by an export): its message echoes the number
        var v = TestCards.person("dang-quoc-viet");
        clock.set(NIGHT.atTime(15, 0).atZone(VN).toInstant());
        Guest other = register.register(TestCards.authentic("dang-quoc-viet"), new GuestRegister.Stay("702",
                "Du lịch", NIGHT.atTime(15, 0), NIGHT.plusDays(3)));
        register.markNotified(List.of(other.id()));
        clock.set(NIGHT.plusDays(1).atTime(10, 0).atZone(VN).toInstant());
        police.checkedOut(register.checkout(other.id()));
        police.sendDue();
        PoliceOutbox.Entry e = police.outbox().find(PoliceOutbox.checkoutRef(other.id())).orElseThrow();
        assertThat(e.state()).isEqualTo(PoliceOutbox.State.FAILED);
        assertThat(e.problem()).contains("guest in room 702").contains("không tồn tại").doesNotContain(v.idNumber());
    }
}
