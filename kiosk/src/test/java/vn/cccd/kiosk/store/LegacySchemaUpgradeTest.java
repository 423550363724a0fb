package vn.cccd.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.cccd.kiosk.store.TestPeople.ID;
import static vn.cccd.kiosk.store.TestPeople.PEOPLE;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cccd.kiosk.config.StorageSettings;
import vn.cccd.kiosk.testing.MutableClock;
import vn.cccd.kiosk.testing.TestDatabases;
import vn.cccd.kiosk.testing.TestDatabases.Kind;

/**
 * A database written by the kiosk's own migration runner (before Flyway; the fixture
 * {@code legacy/runner-core1-testmod1-lodging1.sql} is its schema and {@code schema_version} rows) is upgraded in
 * place by the current code: the recorded versions become Flyway baselines, later scripts apply, rows and key stay.
 */
class LegacySchemaUpgradeTest {
    private static final String NAME = "Lê Văn Thử Nghiệm";

    @TempDir
    Path dir;

    private final MutableClock clock = TestPeople.clock();

    @ParameterizedTest
    @MethodSource(TestPeople.KINDS)
    void aDatabaseOfTheEarlierRunnerKeepsItsRowsAndGetsTheLaterScripts(Kind kind) throws Exception {
        String key = StorageKey.generate();
        FieldCipher cipher = new FieldCipher(Base64.getDecoder().decode(key));
        try (TestDatabases.Target t = TestDatabases.open(kind, dir)) {
            try (Connection c = connect(t.settings); Statement s = c.createStatement()) {
                for (String statement : fixture().split(";\\s*\\n")) {
                    if (!statement.isBlank()) {
                        s.execute(statement);
                    }
                }
                try (PreparedStatement p = c.prepareStatement("INSERT INTO storage_meta (name, value) VALUES (?, ?)")) {
                    p.setString(1, "key_check");
                    p.setString(2, cipher.keyCheck());
                    p.executeUpdate();
                }
                TestPeople.insert(c, cipher, "old", ID, NAME, clock.millis());
            }
            StorageSettings settings = t.settings.withKeyEnv("K");
            for (int start = 0; start < 2; start++) { // the second start finds the baselines already there
                try (Database db = Database.open(settings, dir, clock, Map.of("K", key))) {
                    db.migrate("testmod");
                    db.migrate("lodging");
                    db.register(PEOPLE);
                    assertThat(db.schemaVersion("core")).isEqualTo(1);
                    assertThat(db.schemaVersion("testmod")).isEqualTo(2);
                    // V2 and V3 (the police outbox) apply on top of the adopted V1
                    assertThat(db.schemaVersion("lodging")).isEqualTo(3);
                    assertThat(db.findSubject(ID)).singleElement().satisfies(r -> {
                        assertThat(r.id()).isEqualTo("old");
                        assertThat(r.fields()).containsEntry("full_name", NAME).containsEntry("note", null);
                    });
                    // lodging V2's columns are there
                    int rows = db.transaction(c -> {
                        try (PreparedStatement p = c.prepareStatement(
                                "SELECT COUNT(*) FROM lodging_guest WHERE sex IS NULL AND card_kind IS NULL");
                                ResultSet r = p.executeQuery()) {
                            r.next();
                            return r.getInt(1);
                        }
                    });
                    assertThat(rows).isZero();
                }
            }
            // the key check written by the earlier kiosk still guards the database
            assertThatThrownBy(() -> Database.open(settings, dir, clock, Map.of("K", StorageKey.generate())))
                    .isInstanceOfSatisfying(StorageException.class,
                            e -> assertThat(e.code()).isEqualTo(StorageException.Code.WRONG_KEY));
        }
    }

    private Connection connect(StorageSettings settings) throws Exception {
        return DriverManager.getConnection(settings.postgres() ? settings.url()
                : "jdbc:sqlite:" + dir.resolve(Database.SQLITE_FILE));
    }

    private static String fixture() throws Exception {
        try (InputStream in = LegacySchemaUpgradeTest.class.getResourceAsStream(
                "/legacy/runner-core1-testmod1-lodging1.sql")) {
            StringBuilder sql = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("--")) {
                    sql.append(line).append('\n');
                }
            }
            return sql.toString();
        }
    }
}
