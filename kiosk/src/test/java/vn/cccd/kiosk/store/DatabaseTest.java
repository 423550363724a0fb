package vn.cccd.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.cccd.kiosk.store.TestPeople.ID;
import static vn.cccd.kiosk.store.TestPeople.NAME;
import static vn.cccd.kiosk.store.TestPeople.PEOPLE;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cccd.kiosk.config.StorageSettings;
import vn.cccd.kiosk.testing.MutableClock;
import vn.cccd.kiosk.testing.TestDatabases;
import vn.cccd.kiosk.testing.TestDatabases.Kind;

/** The storage layer on SQLite and on a real PostgreSQL server: migrations, key check, subjects, retention. */
class DatabaseTest {
    @TempDir
    Path dir;

    private final MutableClock clock = TestPeople.clock();

    private static Database open(StorageSettings s, Path dir, MutableClock clock, String key) {
        return Database.open(s.withKeyEnv("K"), dir, clock, Map.of("K", key));
    }

    private static void insert(Database db, String id, String idNumber, String name, long retainFrom) {
        db.transaction(c -> TestPeople.insert(c, db.cipher(), id, idNumber, name, retainFrom));
    }

    @ParameterizedTest
    @MethodSource(TestPeople.KINDS)
    void migrationsRunOnceInOrderAndSurviveAReopen(Kind kind) throws Exception {
        String key = StorageKey.generate();
        try (TestDatabases.Target t = TestDatabases.open(kind, dir)) {
            try (Database db = open(t.settings, dir, clock, key)) {
                assertThat(db.schemaVersion("core")).isEqualTo(1);
                db.migrate("testmod");
                assertThat(db.schemaVersion("testmod")).isEqualTo(2);
                db.register(PEOPLE);
                insert(db, "a", ID, NAME, clock.millis());
            }
            try (Database db = open(t.settings, dir, clock, key)) {
                // applying again is a no-op (V1 would fail: the table exists) and the row is still there
                db.migrate("testmod");
                db.register(PEOPLE);
                assertThat(db.findSubject(ID)).singleElement()
                        .satisfies(r -> assertThat(r.fields()).containsEntry("full_name", NAME));
            }
        }
    }

    /** PostgreSQL only: an SQLite file is one kiosk's, opened by one process. */
    @Test
    void stationsStartingAtOnceOnANewPostgresqlDatabaseApplyEachScriptOnce() throws Exception {
        String key = StorageKey.generate();
        try (TestDatabases.Target t = TestDatabases.open(Kind.POSTGRESQL, dir)) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
            try {
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<Integer>> stations = new java.util.ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    stations.add(pool.submit(() -> {
                        go.await();
                        try (Database db = open(t.settings, dir, clock, key)) {
                            db.migrate("testmod");
                            return db.schemaVersion("testmod");
                        }
                    }));
                }
                go.countDown();
                for (java.util.concurrent.Future<Integer> f : stations) {
                    assertThat(f.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(2);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @MethodSource(TestPeople.KINDS)
    void aWrongKeyIsRefusedAtStartWithAClearError(Kind kind) throws Exception {
        try (TestDatabases.Target t = TestDatabases.open(kind, dir)) {
            open(t.settings, dir, clock, StorageKey.generate()).close();
            assertThatThrownBy(() -> open(t.settings, dir, clock, StorageKey.generate()))
                    .isInstanceOfSatisfying(StorageException.class,
                            e -> assertThat(e.code()).isEqualTo(StorageException.Code.WRONG_KEY))
                    .hasMessageContaining("storage key does not match");
        }
    }

    @Test
    void missingOrMalformedKeysAreTypedErrors() {
        StorageSettings s = StorageSettings.defaults();
        assertThatThrownBy(() -> Database.open(s.withKeyEnv("NOPE"), dir, clock, Map.of()))
                .isInstanceOfSatisfying(StorageException.class,
                        e -> assertThat(e.code()).isEqualTo(StorageException.Code.NO_KEY))
                .hasMessageContaining("NOPE");
        assertThatThrownBy(() -> Database.open(s.withKeyEnv("K"), dir, clock, Map.of("K", "c2hvcnQ=")))
                .isInstanceOfSatisfying(StorageException.class,
                        e -> assertThat(e.code()).isEqualTo(StorageException.Code.BAD_KEY));
        assertThatThrownBy(() -> Database.open(s.withKeyFile(dir.resolve("absent.key")), dir, clock, Map.of()))
                .isInstanceOfSatisfying(StorageException.class,
                        e -> assertThat(e.code()).isEqualTo(StorageException.Code.NO_KEY));
    }

    @Test
    void theDefaultKeyFileIsCreatedOwnerOnlyAndReused() throws Exception {
        try (Database db = Database.open(StorageSettings.defaults(), dir, clock, Map.of())) {
            db.migrate("testmod");
        }
        Path key = dir.resolve(StorageKey.DEFAULT_FILE);
        assertThat(Files.getPosixFilePermissions(key)).hasSize(2);
        try (Database db = Database.open(StorageSettings.defaults(), dir, clock, Map.of())) {
            assertThat(db.schemaVersion("testmod")).isEqualTo(2);
        }
    }

    @Test
    void personalValuesAreNotInTheSqliteFilesInPlainText() throws Exception {
        try (Database db = open(StorageSettings.defaults(), dir, clock, StorageKey.generate())) {
            db.migrate("testmod");
            db.register(PEOPLE);
            for (int i = 0; i < 20; i++) {
                insert(db, "r" + i, ID, NAME, clock.millis());
            }
            assertThat(db.findSubject(ID)).hasSize(20);
        }
        byte[] all = new byte[0];
        for (String f : List.of("kiosk.db", "kiosk.db-wal")) {
            Path p = dir.resolve(f);
            if (Files.exists(p)) {
                byte[] b = Files.readAllBytes(p);
                byte[] joined = new byte[all.length + b.length];
                System.arraycopy(all, 0, joined, 0, all.length);
                System.arraycopy(b, 0, joined, all.length, b.length);
                all = joined;
            }
        }
        assertThat(all.length).isGreaterThan(4096);
        String latin1 = new String(all, StandardCharsets.ISO_8859_1);
        assertThat(latin1).doesNotContain(new String(NAME.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))
                .doesNotContain(new String("Ngọc".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))
                .doesNotContain(ID).contains("test_person");
    }

    @ParameterizedTest
    @MethodSource(TestPeople.KINDS)
    void aValueMovedToAnotherRowDoesNotDecrypt(Kind kind) throws Exception {
        try (TestDatabases.Target t = TestDatabases.open(kind, dir);
                Database db = open(t.settings, dir, clock, StorageKey.generate())) {
            db.migrate("testmod");
            db.register(PEOPLE);
            insert(db, "a", ID, NAME, clock.millis());
            insert(db, "b", "001099000001", "Someone Else", clock.millis());
            db.transaction(c -> {
                String stolen;
                try (PreparedStatement p = c.prepareStatement("SELECT full_name FROM test_person WHERE id = 'b'");
                        ResultSet r = p.executeQuery()) {
                    r.next();
                    stolen = r.getString(1);
                }
                try (PreparedStatement p = c.prepareStatement("UPDATE test_person SET full_name = ? WHERE id = 'a'")) {
                    p.setString(1, stolen);
                    return p.executeUpdate();
                }
            });
            assertThatThrownBy(() -> db.findSubject(ID)).isInstanceOfSatisfying(StorageException.class,
                    e -> assertThat(e.code()).isEqualTo(StorageException.Code.CORRUPT));
        }
    }

    @ParameterizedTest
    @MethodSource(TestPeople.KINDS)
    void findAndEraseOnePersonLeavesOthers(Kind kind) throws Exception {
        try (TestDatabases.Target t = TestDatabases.open(kind, dir);
                Database db = open(t.settings, dir, clock, StorageKey.generate())) {
            db.migrate("testmod");
            db.register(PEOPLE);
            insert(db, "a1", ID, NAME, clock.millis());
            insert(db, "a2", " 0793 0123 4567 ", NAME, clock.millis()); // same number typed with spaces
            insert(db, "b", "001099000001", "Someone Else", clock.millis());
            assertThat(db.findSubject(ID)).extracting(SubjectRecord::id).containsExactly("a1", "a2");
            assertThat(db.eraseSubject(ID)).containsEntry("test_person", 2);
            assertThat(db.findSubject(ID)).isEmpty();
            assertThat(db.findSubject("001099000001")).singleElement()
                    .satisfies(r -> assertThat(r.fields()).containsEntry("full_name", "Someone Else"));
        }
    }

    @ParameterizedTest
    @MethodSource(TestPeople.KINDS)
    void retentionPurgesOnlyRecordsOlderThanTheConfiguredDays(Kind kind) throws Exception {
        try (TestDatabases.Target t = TestDatabases.open(kind, dir);
                Database db = open(t.settings.withRetentionDays(7), dir, clock, StorageKey.generate())) {
            db.migrate("testmod");
            db.register(PEOPLE);
            insert(db, "old", ID, NAME, clock.millis() - Duration.ofDays(8).toMillis());
            insert(db, "recent", ID, NAME, clock.millis() - Duration.ofDays(6).toMillis());
            db.startMaintenance(); // purges at once
            assertThat(db.findSubject(ID)).extracting(SubjectRecord::id).containsExactly("recent");
            clock.advance(Duration.ofDays(2));
            assertThat(db.purgeExpired()).isEqualTo(1);
            assertThat(db.findSubject(ID)).isEmpty();
        }
    }

    @Test
    void aNestedTransactionIsRefusedAndTheOuterOneRolledBack() throws Exception {
        try (Database db = open(StorageSettings.defaults(), dir, clock, StorageKey.generate())) {
            db.migrate("testmod");
            db.register(PEOPLE);
            assertThatThrownBy(() -> db.transaction(c -> {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO test_person (id, subject_hash, full_name,"
                        + " retain_from) VALUES ('x', 'h', 'n', 0)")) {
                    p.executeUpdate();
                }
                return db.transaction(inner -> 1);
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining("nested");
            int rows = db.transaction(c -> {
                try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM test_person");
                        ResultSet r = p.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            });
            assertThat(rows).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource(TestPeople.KINDS)
    void aFailingScriptIsAMigrationErrorNamingItAndLeavesTheEarlierVersionsApplied(Kind kind) throws Exception {
        try (TestDatabases.Target t = TestDatabases.open(kind, dir);
                Database db = open(t.settings, dir, clock, StorageKey.generate())) {
            assertThatThrownBy(() -> db.migrate("brokenmod")).isInstanceOfSatisfying(StorageException.class,
                    e -> assertThat(e.code()).isEqualTo(StorageException.Code.MIGRATION_FAILED))
                    .hasMessageContaining("brokenmod").hasMessageContaining("V2__no_such_table");
            assertThat(db.schemaVersion("brokenmod")).isEqualTo(1);
            // V2 was rolled back as a whole: its first statement left nothing behind
            assertThatThrownBy(() -> db.transaction(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeQuery("SELECT x FROM broken_half").next();
                }
            }))
                    .isInstanceOf(StorageException.class);
        }
    }
}
