package vn.cccd.kiosk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schema migrations with Flyway (SQLite support is in flyway-core, PostgreSQL in flyway-database-postgresql).
 * Each feature ("module": {@code core}, {@code lodging}, {@code hospital}) has its own scripts,
 * {@code /db/<module>/V<n>__<what>.sql} on the class path, its own version sequence and its own Flyway history
 * table {@code flyway_history_<module>}, so features never collide and a feature's new script is just a new file.
 * {@code {{bytes}}} in a script is the binary column type of the {@link Dialect}.
 *
 * <p>Databases written before Flyway carry the versions the kiosk's own runner applied in
 * {@code schema_version (module, version, description, applied_at)}. {@link #adoptLegacyVersions()} gives each such
 * module a Flyway baseline at its recorded version, so later scripts apply on top and the data stays; the old table
 * is left as it was.
 */
final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    /** The table of the runner the kiosk used before Flyway. */
    static final String LEGACY_TABLE = "schema_version";
    static final String HISTORY_TABLE_PREFIX = "flyway_history_";
    private static final Pattern MODULE = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private final DatabaseTarget target;
    private final SharedConnection shared;

    Migrations(DatabaseTarget target, SharedConnection shared) {
        this.target = target;
        this.shared = shared;
    }

    /**
     * Applies the module's scripts not yet applied, in version order, each in its own transaction. Several
     * stations starting at once on PostgreSQL apply each script once (Flyway locks its history table).
     *
     * @throws StorageException {@code MIGRATION_FAILED} naming the module and script, {@code UNAVAILABLE}
     */
    void migrate(String module) {
        check(module);
        MigrateResult result = shared.exclusive(() -> run(module, () -> configure(module, "0")
                // "0": a module new to a database that already holds other modules' tables starts below V1
                .baselineOnMigrate(true)
                .baselineDescription("before the first script")
                .failOnMissingLocations(true)
                // a misnamed script is an error, not silently skipped
                .validateMigrationNaming(true)
                .load().migrate()));
        for (MigrateOutput m : result.migrations) {
            LOG.info("schema {} V{} applied ({})", module, m.version, m.description);
        }
    }

    /** The highest applied version of a module (a legacy baseline included), 0 when none. */
    int version(String module) {
        check(module);
        MigrationInfo current = shared.exclusive(() -> run(module, () -> configure(module, "0").load().info()
                .current()));
        return current == null || current.getVersion() == null ? 0
                : Integer.parseInt(current.getVersion().getVersion());
    }

    /** Baselines, once, every module the old runner recorded in {@code schema_version}. */
    void adoptLegacyVersions() {
        Map<String, Integer> legacy = shared.transaction(Migrations::legacyVersions);
        legacy.forEach((module, version) -> {
            if (!MODULE.matcher(module).matches()) {
                LOG.warn("schema_version names an unknown module; left alone");
                return;
            }
            shared.exclusive(() -> run(module, () -> {
                Flyway flyway = configure(module, Integer.toString(version))
                        .baselineDescription("applied before Flyway (schema_version)").load();
                if (flyway.info().current() == null) {
                    flyway.baseline();
                    LOG.info("schema {}: V{} recorded by the earlier runner adopted as the Flyway baseline", module,
                            version);
                }
                return null;
            }));
        });
    }

    private static Map<String, Integer> legacyVersions(Connection c) throws SQLException {
        Map<String, Integer> out = new LinkedHashMap<>();
        try (ResultSet t = c.getMetaData().getTables(null, c.getSchema(), LEGACY_TABLE, new String[] {"TABLE"})) {
            if (!t.next()) {
                return out;
            }
        }
        try (PreparedStatement p = c.prepareStatement("SELECT module, MAX(version) FROM " + LEGACY_TABLE
                + " GROUP BY module ORDER BY module");
                ResultSet r = p.executeQuery()) {
            while (r.next()) {
                out.put(r.getString(1), r.getInt(2));
            }
        }
        return out;
    }

    private FluentConfiguration configure(String module, String baselineVersion) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(target)
                .locations("classpath:db/" + module)
                .table(HISTORY_TABLE_PREFIX + module)
                .placeholderPrefix("{{")
                .placeholderSuffix("}}")
                .placeholders(Map.of("bytes", target.dialect().bytesType()))
                .baselineVersion(baselineVersion)
                .failOnMissingLocations(false)
                .connectRetries(0);
    }

    /** Flyway's failures as storage errors: the database out of reach, or the script that failed. */
    private static <T> T run(String module, java.util.function.Supplier<T> flywayWork) {
        try {
            return flywayWork.get();
        } catch (FlywayException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) {
                    throw new StorageException(StorageException.Code.UNAVAILABLE, "the database cannot be reached: "
                            + s.getMessage(), e);
                }
            }
            // Flyway names the script, the line and the statement: schema text, never stored values
            throw new StorageException(StorageException.Code.MIGRATION_FAILED, "schema migration " + module
                    + " failed: " + e.getMessage(), e);
        }
    }

    private static void check(String module) {
        if (!MODULE.matcher(module).matches()) {
            throw new IllegalArgumentException("module names are lower-case words: " + module);
        }
    }
}
