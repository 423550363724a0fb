package vn.cccd.kiosk.lodging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cccd.kiosk.config.LodgingSettings;
import vn.cccd.kiosk.config.StorageSettings;
import vn.cccd.kiosk.store.Database;
import vn.cccd.kiosk.store.StorageKey;
import vn.cccd.kiosk.testing.LodgingKiosk;
import vn.cccd.kiosk.testing.MutableClock;
import vn.cccd.kiosk.testing.TestCards;
import vn.cccd.kiosk.testing.TestDatabases;
import vn.cccd.kiosk.testing.TestDatabases.Kind;

/** The register's rules with a clock the test moves: nights, deadlines, retention, encryption at rest. */
class GuestRegisterTest {
    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final LodgingSettings PLACE = new LodgingSettings("Nhà nghỉ Sen", "Số 5 Hàng Gai, Hà Nội");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(LocalDateTime.parse("2026-06-10T12:00").atZone(VN).toInstant(), VN);

    static List<Kind> kinds() {
        return TestDatabases.kinds();
    }

    private void at(String localTime) {
        clock.set(LocalDateTime.parse(localTime).atZone(VN).toInstant());
    }

    private Database open(StorageSettings s, int retentionDays) {
        return Database.open(s.withRetentionDays(retentionDays).withKeyEnv("K"), dir, clock, Map.of("K", KEY));
    }

    private static final String KEY = StorageKey.generate();

    @Test
    void theNotificationDeadlineIs23hOr8hNextMorningForLateArrivals() {
        assertThat(GuestRegister.deadline(LocalDateTime.parse("2026-06-10T14:30"))).isEqualTo("2026-06-10T23:00");
        assertThat(GuestRegister.deadline(LocalDateTime.parse("2026-06-10T23:20"))).isEqualTo("2026-06-11T08:00");
        assertThat(GuestRegister.deadline(LocalDateTime.parse("2026-06-10T22:59"))).isEqualTo("2026-06-10T23:00");
        assertThat(GuestRegister.deadline(LocalDateTime.parse("2026-06-10T23:00"))).isEqualTo("2026-06-11T08:00");
        // 02:00 belongs to the night that began the day before
        assertThat(GuestRegister.nightOf(LocalDateTime.parse("2026-06-11T02:00"))).isEqualTo("2026-06-10");
        assertThat(GuestRegister.deadline(LocalDateTime.parse("2026-06-11T02:00"))).isEqualTo("2026-06-11T08:00");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void nightsCountFromTheFirstNightToTheMorningOfDepartureOrCheckOut(Kind kind) throws Exception {
        try (TestDatabases.Target t = TestDatabases.open(kind, dir); Database db = open(t.settings, 30)) {
            GuestRegister r = new GuestRegister(db, PLACE, "K1", clock);
            Guest late = r.register(TestCards.authentic("nguyen-van-a"), new GuestRegister.Stay("1", "Du lịch",
                    LocalDateTime.parse("2026-06-11T01:30"), LocalDate.parse("2026-06-12")));
            assertThat(r.night(LocalDate.parse("2026-06-10"))).extracting(Guest::id).containsExactly(late.id());
            assertThat(r.night(LocalDate.parse("2026-06-11"))).extracting(Guest::id).containsExactly(late.id());
            assertThat(r.night(LocalDate.parse("2026-06-12"))).isEmpty();
            at("2026-06-11T09:00");
            assertThat(r.currentNight()).isEqualTo("2026-06-11");
            r.checkout(late.id());
            assertThat(r.night(LocalDate.parse("2026-06-10"))).hasSize(1);
            assertThat(r.night(LocalDate.parse("2026-06-11"))).isEmpty();
            at("2026-06-12T03:00");
            assertThat(r.currentNight()).isEqualTo("2026-06-11");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theReminderCountsGuestsNotYetNotifiedAndTurnsOverdue(Kind kind) throws Exception {
        try (TestDatabases.Target t = TestDatabases.open(kind, dir); Database db = open(t.settings, 30)) {
            GuestRegister r = new GuestRegister(db, PLACE, "K1", clock);
            LocalDate night = LocalDate.parse("2026-06-10");
            r.register(TestCards.authentic("nguyen-van-a"), new GuestRegister.Stay("1", "Du lịch",
                    LocalDateTime.parse("2026-06-10T14:00"), night.plusDays(1)));
            r.register(LodgingKiosk.passport(), new GuestRegister.Stay("2", "Du lịch",
                    LocalDateTime.parse("2026-06-10T15:00"), night.plusDays(2)));
            GuestRegister.Reminder before = r.reminder(night);
            assertThat(before.notNotified()).isEqualTo(2);
            assertThat(before.foreignNotNotified()).isEqualTo(1);
            assertThat(before.deadline()).isEqualTo("2026-06-10T23:00");
            assertThat(before.overdue()).isFalse();
            at("2026-06-10T23:01");
            assertThat(r.reminder(night).overdue()).isTrue();
            assertThat(r.markNotified(night)).isEqualTo(2);
            GuestRegister.Reminder after = r.reminder(night);
            assertThat(after.notNotified()).isZero();
            assertThat(after.deadline()).isNull();
            assertThat(after.overdue()).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void recordsArePurgedRetentionDaysAfterTheStayEnded(Kind kind) throws Exception {
        try (TestDatabases.Target t = TestDatabases.open(kind, dir); Database db = open(t.settings, 30)) {
            GuestRegister r = new GuestRegister(db, PLACE, "K1", clock);
            Guest staying = r.register(TestCards.authentic("nguyen-van-a"), new GuestRegister.Stay("1", "Du lịch",
                    LocalDateTime.parse("2026-06-10T14:00"), LocalDate.parse("2026-06-12")));
            Guest leftEarly = r.register(TestCards.authentic("dang-quoc-viet"), new GuestRegister.Stay("2", "Công tác",
                    LocalDateTime.parse("2026-06-10T14:00"), LocalDate.parse("2026-06-20")));
            at("2026-06-11T10:00");
            r.checkout(leftEarly.id());
            at("2026-07-11T09:59");
            assertThat(db.purgeExpired()).isZero();
            at("2026-07-11T10:01");
            assertThat(db.purgeExpired()).isEqualTo(1);
            assertThat(r.get(leftEarly.id())).isEmpty();
            assertThat(r.get(staying.id())).isPresent();
            // the retention of the other counts from its departure day (12 June, 00:00)
            at("2026-07-12T00:01");
            db.startMaintenance(); // the purge at start
            assertThat(r.get(staying.id())).isEmpty();
        }
    }

    @Test
    void noPersonalValueIsInTheDatabaseFilesInPlainText() throws Exception {
        var who = TestCards.person("nguyen-thi-hong-nhung");
        try (Database db = open(StorageSettings.defaults(), 30)) {
            GuestRegister r = new GuestRegister(db, PLACE, "K1", clock);
            Guest g = r.register(TestCards.authentic("nguyen-thi-hong-nhung"), new GuestRegister.Stay("7",
                    "Chữa bệnh tại Bệnh viện Bạch Mai", LocalDateTime.parse("2026-06-10T14:00"), LocalDate.parse("2026-06-11")));
            assertThat(r.get(g.id()).orElseThrow().fullName()).isEqualTo(who.fullName());
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String f : List.of("kiosk.db", "kiosk.db-wal")) {
            if (Files.exists(dir.resolve(f))) {
                all.write(Files.readAllBytes(dir.resolve(f)));
            }
        }
        String bytes = all.toString(StandardCharsets.ISO_8859_1);
        assertThat(bytes).contains("lodging_guest");
        for (String secret : List.of(who.fullName(), who.idNumber(), who.idNumber().substring(3), "Bạch Mai",
                who.dateOfBirth())) {
            assertThat(bytes).as("'%s' in the database files", secret)
                    .doesNotContain(new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void csvCellsAreQuotedAndFormulasStayText() {
        assertThat(GuestExport.csvCell("Số 5, Hàng Gai")).isEqualTo("\"Số 5, Hàng Gai\"");
        assertThat(GuestExport.csvCell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(GuestExport.csvCell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(GuestExport.csvCell("+84 912")).isEqualTo("'+84 912");
        assertThat(GuestExport.csvCell("Du lịch")).isEqualTo("Du lịch");
    }

    @Test
    void aCardWithoutNameOrNumberIsRefused() {
        var base = TestCards.authentic("nguyen-van-a");
        var p = base.person();
        var noName = new vn.cccd.reader.model.CardReadResult(base.document(), new vn.cccd.reader.model.Person(p.idNumber(),
                null, p.dateOfBirth(), null, null, null, null, null, null, null, null, null, null, null, null, null),
                null, base.verification(), base.dataGroups(), base.stats());
        assertThatThrownBy(() -> GuestRegister.identity(noName)).isInstanceOfSatisfying(LodgingException.class,
                e -> assertThat(e.code()).isEqualTo("NO_NAME"));
        assertThat(GuestRegister.identity(LodgingKiosk.passport()).foreign()).isTrue();
        assertThat(GuestRegister.identity(base).foreign()).isFalse();
    }

    @Test
    void theStoredDurationOfAStayIsBounded() {
        clock.advance(Duration.ZERO);
        try (Database db = open(StorageSettings.defaults(), 30)) {
            GuestRegister r = new GuestRegister(db, PLACE, "K1", clock);
            assertThatThrownBy(() -> r.register(TestCards.authentic("nguyen-van-a"), new GuestRegister.Stay("1", "x",
                    LocalDateTime.parse("2026-06-10T14:00"), LocalDate.parse("2028-01-01"))))
                    .isInstanceOfSatisfying(LodgingException.class, e -> assertThat(e.code()).isEqualTo("INVALID_DEPARTURE"));
            assertThatThrownBy(() -> r.register(TestCards.authentic("nguyen-van-a"), new GuestRegister.Stay("1", "x",
                    LocalDateTime.parse("2025-06-10T14:00"), LocalDate.parse("2025-06-11"))))
                    .isInstanceOfSatisfying(LodgingException.class, e -> assertThat(e.code()).isEqualTo("INVALID_ARRIVAL"));
        }
    }
}
