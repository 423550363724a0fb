package vn.cccd.kiosk.hospital;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cccd.kiosk.config.StorageSettings;
import vn.cccd.kiosk.store.Database;
import vn.cccd.kiosk.store.StorageKey;
import vn.cccd.kiosk.store.SubjectRecord;
import vn.cccd.kiosk.testing.MutableClock;
import vn.cccd.kiosk.testing.TestCards;
import vn.cccd.kiosk.testing.TestDatabases;
import vn.cccd.kiosk.testing.TestDatabases.Kind;

/** Check-ins and the outbox on SQLite and on a real PostgreSQL server. */
class JdbcCheckinStoreTest {
    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T03:00:00Z"),
            ZoneId.of("Asia/Ho_Chi_Minh"));
    private final String key = StorageKey.generate();

    static List<Kind> kinds() {
        return TestDatabases.kinds();
    }

    private Database open(StorageSettings s) {
        return Database.open(s.withKeyEnv("K"), dir, clock, Map.of("K", key));
    }

    private static int ids;

    private static CheckinStore.NewCheckIn checkIn(String persona, String department, LocalDate day, Instant at,
            boolean deliver) {
        String id = String.format("%024x", ++ids);
        return new CheckinStore.NewCheckIn(id, day, department, at, "AUTHENTIC", "Kiosk 1",
                Patient.of(TestCards.authentic(persona)), BhytCode.parse("HS4010120878811"), deliver,
                new BhytCheck(BhytCheck.CHECKED, "000", null, "HS4010120878811", "01001", "01/01/2026", "31/12/2026",
                        "K1", null, null, null));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void queueNumbersPerDepartmentAndDayEncryptedFieldsAndTheOutbox(Kind kind) throws Exception {
        LocalDate today = LocalDate.of(2026, 6, 1);
        try (TestDatabases.Target t = TestDatabases.open(kind, dir)) {
            CheckIn first;
            try (Database db = open(t.settings)) {
                JdbcCheckinStore s = new JdbcCheckinStore(db, "Kiosk 1");
                first = s.add(checkIn("nguyen-van-a", "noi", today, clock.instant(), true));
                assertThat(first.queueNumber()).isEqualTo(1);
                assertThat(s.add(checkIn("nguyen-thi-a", "noi", today, clock.instant(), true)).queueNumber())
                        .isEqualTo(2);
                assertThat(s.add(checkIn("nguyen-thi-a", "nhi", today, clock.instant(), false)).queueNumber())
                        .isEqualTo(1);
                assertThat(s.add(checkIn("nguyen-thi-a", "noi", today.plusDays(1), clock.instant(), false))
                        .queueNumber()).as("a new day starts at 1").isEqualTo(1);
                // what is on disk: no clear text
                db.transaction(c -> {
                    try (PreparedStatement q = c.prepareStatement("SELECT patient, bhyt, subject_hash FROM"
                            + " hospital_checkin WHERE id = ?")) {
                        q.setString(1, first.id());
                        try (ResultSet r = q.executeQuery()) {
                            r.next();
                            String row = r.getString(1) + r.getString(2) + r.getString(3);
                            assertThat(row).doesNotContain(TestCards.person("nguyen-van-a").fullName())
                                    .doesNotContain(TestCards.person("nguyen-van-a").idNumber())
                                    .doesNotContain("0120878811").startsWith("v1:");
                        }
                    }
                    return null;
                });
                assertThat(s.undelivered()).isEqualTo(2);
                assertThat(s.due(clock.instant(), 10)).extracting(CheckinStore.Pending::checkinId)
                        .containsExactly(first.id(), String.format("%024x", ids - 2));
                s.failed(first.id(), 1, clock.instant().plusSeconds(60), "ConnectException");
                assertThat(s.due(clock.instant(), 10)).hasSize(1);
                assertThat(s.nextDue()).hasValue(clock.instant());
            }
            try (Database db = open(t.settings)) {
                JdbcCheckinStore s = new JdbcCheckinStore(db, "Kiosk 1");
                CheckIn again = s.find(first.id()).orElseThrow();
                assertThat(again.patient()).isEqualTo(first.patient());
                assertThat(again.bhyt()).isEqualTo(first.bhyt());
                assertThat(again.bhytCheck()).isEqualTo(first.bhytCheck());
                assertThat(again.bhytCheck().validTo()).isEqualTo("31/12/2026");
                assertThat(again.createdAt()).isEqualTo(first.createdAt());
                assertThat(s.add(checkIn("dang-quoc-viet", "noi", today, clock.instant(), false)).queueNumber())
                        .as("after reopening").isEqualTo(3);
                clock.advance(Duration.ofSeconds(61));
                assertThat(s.due(clock.instant(), 10)).extracting(CheckinStore.Pending::attempts).contains(1);
                s.delivered(first.id(), clock.instant());
                assertThat(s.undelivered()).isEqualTo(1);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aPatientsCheckInsAreFoundAndErasedWithTheirOutboxRowsAndOldOnesArePurged(Kind kind) throws Exception {
        LocalDate today = LocalDate.of(2026, 6, 1);
        try (TestDatabases.Target t = TestDatabases.open(kind, dir); Database db = open(t.settings)) {
            JdbcCheckinStore s = new JdbcCheckinStore(db, "Kiosk 1");
            String idNumber = TestCards.person("nguyen-van-a").idNumber();
            s.add(checkIn("nguyen-van-a", "noi", today, clock.instant(), true));
            s.add(checkIn("nguyen-van-a", "nhi", today, clock.instant(), true));
            s.add(checkIn("nguyen-thi-a", "noi", today, clock.instant(), true));
            assertThat(s.findBySubject(idNumber)).hasSize(2);
            List<SubjectRecord> found = db.findSubject(idNumber);
            assertThat(found).hasSize(2).allSatisfy(r -> {
                assertThat(r.table()).isEqualTo("hospital_checkin");
                assertThat(r.fields().get("patient").toString()).contains(idNumber);
            });
            assertThat(db.eraseSubject(idNumber)).containsEntry("hospital_checkin", 2);
            assertThat(s.findBySubject(idNumber)).isEmpty();
            assertThat(s.undelivered()).as("their outbox rows went with them").isEqualTo(1);
            // retention: the remaining check-in is purged once it is older than storage.retentionDays
            clock.advance(Duration.ofDays(t.settings.retentionDays() + 1));
            assertThat(db.purgeExpired()).isEqualTo(1);
            assertThat(s.undelivered()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void stationsSharingADatabaseShareTheQueueButEachDeliversItsOwnCheckIns(Kind kind) throws Exception {
        LocalDate today = LocalDate.of(2026, 6, 1);
        try (TestDatabases.Target t = TestDatabases.open(kind, dir); Database db = open(t.settings)) {
            JdbcCheckinStore one = new JdbcCheckinStore(db, "Kiosk 1");
            JdbcCheckinStore two = new JdbcCheckinStore(db, "Kiosk 2");
            CheckIn a = one.add(checkIn("nguyen-van-a", "noi", today, clock.instant(), true));
            CheckinStore.NewCheckIn n = checkIn("nguyen-thi-a", "noi", today, clock.instant(), true);
            CheckIn b = two.add(new CheckinStore.NewCheckIn(n.id(), n.day(), n.department(), n.createdAt(),
                    n.cardVerdict(), "Kiosk 2", n.patient(), n.bhyt(), true, BhytCheck.notChecked("timeout")));
            assertThat(List.of(a.queueNumber(), b.queueNumber())).as("one queue per department").containsExactly(1, 2);
            assertThat(one.due(clock.instant(), 10)).extracting(CheckinStore.Pending::checkinId).containsExactly(a.id());
            assertThat(two.due(clock.instant(), 10)).extracting(CheckinStore.Pending::checkinId).containsExactly(b.id());
            assertThat(one.undelivered()).isEqualTo(1);
            assertThat(two.find(a.id()).orElseThrow().station()).isEqualTo("Kiosk 1");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void concurrentCheckInsNeverShareAQueueNumber(Kind kind) throws Exception {
        LocalDate today = LocalDate.of(2026, 6, 1);
        try (TestDatabases.Target t = TestDatabases.open(kind, dir); Database db = open(t.settings)) {
            JdbcCheckinStore s = new JdbcCheckinStore(db, "Kiosk 1");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<CheckIn>> all = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    CheckinStore.NewCheckIn n = checkIn("nguyen-van-a", "noi", today, clock.instant(), false);
                    all.add(pool.submit(() -> s.add(n)));
                }
                List<Integer> numbers = new ArrayList<>();
                for (Future<CheckIn> f : all) {
                    numbers.add(f.get().queueNumber());
                }
                assertThat(numbers).doesNotHaveDuplicates().hasSize(40).allSatisfy(n -> assertThat(n).isBetween(1, 40));
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
