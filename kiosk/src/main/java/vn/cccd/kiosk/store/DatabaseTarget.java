package vn.cccd.kiosk.store;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import vn.cccd.kiosk.config.StorageSettings;

/**
 * Where the register is and how a connection to it is opened: the SQLite file {@code kiosk.db} in the data
 * directory (WAL journal, {@code synchronous=FULL}, foreign keys on), or the PostgreSQL server of
 * {@code storage.url} (bounded connect and socket waits). Every connection, the shared one of
 * {@link SharedConnection} and the ones Flyway opens for {@link Migrations}, gets the same settings; that is why
 * this is a {@link DataSource}.
 */
final class DatabaseTarget implements DataSource {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(DatabaseTarget.class);
    /** How long a connection attempt may take. */
    static final int LOGIN_TIMEOUT_SECONDS = 15;

    private final Dialect dialect;
    private final String jdbcUrl;
    private final Properties properties = new Properties();
    private final String description;
    private final Path sqliteFile;

    DatabaseTarget(StorageSettings settings, Path dataDir, int busyTimeoutMillis) {
        if (settings.postgres()) {
            dialect = Dialect.POSTGRESQL;
            jdbcUrl = settings.url();
            sqliteFile = null;
            if (settings.user() != null && !settings.user().isBlank()) {
                properties.setProperty("user", settings.user());
            }
            if (settings.password() != null && !settings.password().isEmpty()) {
                properties.setProperty("password", settings.password());
            }
            // bounded waits: a server that is down or hangs is an error, not a frozen kiosk
            properties.setProperty("connectTimeout", "10");
            properties.setProperty("socketTimeout", "60");
            properties.setProperty("ApplicationName", "cccd-kiosk");
            description = "PostgreSQL " + withoutCredentials(jdbcUrl);
        } else {
            dialect = Dialect.SQLITE;
            sqliteFile = dataDir.resolve(Database.SQLITE_FILE).toAbsolutePath();
            jdbcUrl = "jdbc:sqlite:" + sqliteFile;
            SQLiteConfig c = new SQLiteConfig();
            c.setJournalMode(SQLiteConfig.JournalMode.WAL);
            // FULL: the WAL is synced at every commit, so an acknowledged record survives a crash or power cut
            c.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            c.setBusyTimeout(busyTimeoutMillis);
            c.enforceForeignKeys(true);
            properties.putAll(c.toProperties());
            description = "SQLite " + sqliteFile;
        }
    }

    Dialect dialect() {
        return dialect;
    }

    /** "SQLite /path/kiosk.db" or "PostgreSQL jdbc:postgresql://host/db" (never credentials). */
    String description() {
        return description;
    }

    /** The SQLite file, or null on PostgreSQL. */
    Path sqliteFile() {
        return sqliteFile;
    }

    static String withoutCredentials(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /** A new connection (SQLite: its folder created first). */
    @Override
    public Connection getConnection() throws SQLException {
        if (sqliteFile != null) {
            try {
                Files.createDirectories(sqliteFile.getParent());
            } catch (IOException e) {
                throw new SQLException("cannot create the folder of " + sqliteFile + ": " + e.getMessage(), "08001", e);
            }
        }
        DriverManager.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
        return DriverManager.getConnection(jdbcUrl, properties);
    }

    /** Other credentials than the configured ones are never used. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the register uses the configured credentials only");
    }

    /** The database file holds encrypted personal data: owner-only, like the key. */
    void restrictFiles() {
        if (sqliteFile == null) {
            return;
        }
        for (String suffix : List.of("", "-wal", "-shm")) {
            Path f = sqliteFile.resolveSibling(sqliteFile.getFileName() + suffix);
            try {
                if (Files.exists(f)) {
                    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
                }
            } catch (UnsupportedOperationException | IOException e) {
                LOG.debug("cannot restrict {}: {}", f, e.toString());
            }
        }
    }

    // ---- the rest of DataSource: not used ----------------------------------------------------------------------

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // connections log through SLF4J, never to a writer
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // fixed: LOGIN_TIMEOUT_SECONDS
    }

    @Override
    public int getLoginTimeout() {
        return LOGIN_TIMEOUT_SECONDS;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper of " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    @Override
    public String toString() {
        return description;
    }
}
