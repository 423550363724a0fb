package vn.cccd.kiosk.testing;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import vn.cccd.kiosk.config.StorageSettings;
import vn.cccd.reader.testing.SystemTestSupport;

/**
 * The two databases the storage tests run against: the embedded SQLite file, and a real PostgreSQL server at
 * {@code CCCD_TEST_POSTGRES_URL} (default: the role and database {@code .ci/start-services} creates). Each PostgreSQL
 * test gets a schema of its own, dropped at {@link Target#close()}. Without a server the PostgreSQL case is skipped,
 * or fails when {@code CCCD_REQUIRE_SYSTEM_TESTS} is set (CI).
 */
public final class TestDatabases {
    public static final String DEFAULT_POSTGRES_URL =
            "jdbc:postgresql://127.0.0.1:5432/cccd_test?user=cccd_test&password=cccd_test";

    /** Which database a parameterized test runs on. */
    public enum Kind {
        SQLITE, POSTGRESQL
    }

    private TestDatabases() {
    }

    /** For {@code @MethodSource}: both kinds. */
    public static List<Kind> kinds() {
        return List.of(Kind.SQLITE, Kind.POSTGRESQL);
    }

    public static String postgresUrl() {
        String env = System.getenv("CCCD_TEST_POSTGRES_URL");
        return env == null || env.isBlank() ? DEFAULT_POSTGRES_URL : env.strip();
    }

    /** A fresh database of that kind: SQLite in {@code dataDir}, or a new PostgreSQL schema. */
    public static Target open(Kind kind, Path dataDir) {
        if (kind == Kind.SQLITE) {
            return new Target(StorageSettings.defaults(), null);
        }
        String base = postgresUrl();
        String schema = "t_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
        boolean available;
        try (Connection c = connect(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            available = true;
        } catch (SQLException e) {
            available = false;
        }
        SystemTestSupport.requireComponent(available, "PostgreSQL at " + withoutQuery(base)
                + " (bash .ci/start-services creates role and database cccd_test)");
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new Target(StorageSettings.defaults().withUrl(url, null, null), schema);
    }

    private static Connection connect(String url) throws SQLException {
        DriverManager.setLoginTimeout(5);
        return DriverManager.getConnection(url);
    }

    private static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /** Storage settings for one test; closing drops the PostgreSQL schema. */
    public static final class Target implements AutoCloseable {
        public final StorageSettings settings;
        private final String schema;

        Target(StorageSettings settings, String schema) {
            this.settings = settings;
            this.schema = schema;
        }

        @Override
        public void close() throws SQLException {
            if (schema != null) {
                try (Connection c = connect(postgresUrl()); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }
}
