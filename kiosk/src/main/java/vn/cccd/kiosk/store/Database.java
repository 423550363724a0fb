package vn.cccd.kiosk.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import vn.cccd.kiosk.config.StorageSettings;

/**
 * The kiosk's register database: the embedded SQLite file {@code kiosk.db} in the data directory (WAL journal,
 * {@code synchronous=FULL}: once {@link #transaction} returns, the commit is on disk and survives a power cut or
 * SIGKILL), or a PostgreSQL server shared by several stations ({@code storage.url}). The same SQL runs on both;
 * the few dialect differences are placeholders in the migration scripts ({@link Dialect}).
 *
 * <p>How a feature uses it:
 * <ol>
 * <li>{@link #migrate(String, List)} its own ordered scripts, {@code /db/<module>/V<n>__<what>.sql} on the class
 * path; each module has its own version sequence in {@code schema_version}, so features never collide;</li>
 * <li>{@link #register(PersonalTable)} each table with personal data, for the data-subject endpoints and the
 * retention purge;</li>
 * <li>write personal fields through {@link #cipher()} ({@link FieldCipher#encrypt}) and the ID number only as
 * {@link FieldCipher#subjectHash};</li>
 * <li>read and write in {@link #transaction}.</li>
 * </ol>
 * The application then calls {@link #startMaintenance()}: a purge at once and every {@code storage.purgeInterval}.
 *
 * <p>One connection is shared and used by one transaction at a time (a kiosk's load is a few writes a minute;
 * SQLite allows one writer anyway). Waiting for it is bounded ({@link #LOCK_WAIT}); a PostgreSQL connection that
 * broke is opened again on the next transaction.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** The SQLite file in the data directory. */
    public static final String SQLITE_FILE = "kiosk.db";
    static final Duration LOCK_WAIT = Duration.ofSeconds(30);
    private static final Pattern SCRIPT = Pattern.compile("V([0-9]{1,4})__([A-Za-z0-9_]{1,80})\\.sql");
    private static final Pattern MODULE = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    /** The two databases the kiosk runs on. */
    public enum Dialect {
        SQLITE("BLOB"),
        POSTGRESQL("BYTEA");

        private final String bytesType;

        Dialect(String bytesType) {
            this.bytesType = bytesType;
        }

        /** Replaces the placeholders of a migration script: {@code {{bytes}}} is the binary column type. */
        String expand(String sql) {
            return sql.replace("{{bytes}}", bytesType);
        }
    }

    private final Dialect dialect;
    private final String jdbcUrl;
    private final Properties connectionProperties;
    private final String description;
    private final Path sqliteFile;
    private final FieldCipher cipher;
    private final StorageSettings settings;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final List<PersonalTable> tables = new CopyOnWriteArrayList<>();
    private Connection connection;
    private ScheduledExecutorService maintenance;
    private volatile boolean closed;

    private Database(StorageSettings settings, Path dataDir, Clock clock, FieldCipher cipher) {
        this.settings = settings;
        this.clock = clock;
        this.cipher = cipher;
        this.connectionProperties = new Properties();
        if (settings.postgres()) {
            dialect = Dialect.POSTGRESQL;
            jdbcUrl = settings.url();
            sqliteFile = null;
            if (settings.user() != null && !settings.user().isBlank()) {
                connectionProperties.setProperty("user", settings.user());
            }
            if (settings.password() != null && !settings.password().isEmpty()) {
                connectionProperties.setProperty("password", settings.password());
            }
            // bounded waits: a server that is down or hangs is an error, not a frozen kiosk
            connectionProperties.setProperty("connectTimeout", "10");
            connectionProperties.setProperty("socketTimeout", "60");
            connectionProperties.setProperty("ApplicationName", "cccd-kiosk");
            description = "PostgreSQL " + withoutCredentials(jdbcUrl);
        } else {
            dialect = Dialect.SQLITE;
            sqliteFile = dataDir.resolve(SQLITE_FILE).toAbsolutePath();
            jdbcUrl = "jdbc:sqlite:" + sqliteFile;
            SQLiteConfig c = new SQLiteConfig();
            c.setJournalMode(SQLiteConfig.JournalMode.WAL);
            // FULL: the WAL is synced at every commit, so an acknowledged record survives a crash or power cut
            c.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            c.setBusyTimeout((int) LOCK_WAIT.toMillis());
            c.enforceForeignKeys(true);
            connectionProperties.putAll(c.toProperties());
            description = "SQLite " + sqliteFile;
        }
    }

    /** Opens the database the settings name, with the key from the environment or a file (see {@link StorageKey}). */
    public static Database open(StorageSettings settings, Path dataDir, Clock clock) {
        return open(settings, dataDir, clock, System.getenv());
    }

    /**
     * As {@link #open(StorageSettings, Path, Clock)} with the given environment: brings the core schema up to date
     * and checks that the key is the one the database was written with.
     *
     * @throws StorageException {@code NO_KEY}/{@code BAD_KEY}/{@code WRONG_KEY} for key problems,
     *     {@code UNAVAILABLE} when the database cannot be opened, {@code MIGRATION_FAILED}
     */
    public static Database open(StorageSettings settings, Path dataDir, Clock clock, Map<String, String> env) {
        byte[] key = StorageKey.load(settings, dataDir, env);
        FieldCipher cipher;
        try {
            cipher = new FieldCipher(key);
        } finally {
            FieldCipher.wipe(key);
        }
        Database db = new Database(settings, dataDir, clock, cipher);
        try {
            db.migrate("core", List.of("V1__storage_meta.sql"));
            db.checkKey();
            db.restrictFiles();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        LOG.info("register storage: {}", db.description);
        return db;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Encrypts personal fields and hashes ID numbers with this database's key. */
    public FieldCipher cipher() {
        return cipher;
    }

    public StorageSettings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    /** "SQLite /path/kiosk.db" or "PostgreSQL jdbc:postgresql://host/db" (never credentials). */
    public String description() {
        return description;
    }

    /** The SQLite file, or null on PostgreSQL. */
    public Path sqliteFile() {
        return sqliteFile;
    }

    static String withoutCredentials(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    // ---- transactions ------------------------------------------------------------------------------------------

    /**
     * Runs {@code work} in one transaction and commits it; on any failure it is rolled back. When this returns the
     * commit is durable (SQLite: WAL synced; PostgreSQL: committed with the server's synchronous commit).
     *
     * @throws StorageException {@code BUSY} when the database stays held longer than {@link #LOCK_WAIT},
     *     {@code UNAVAILABLE} when it cannot be reached, {@code FAILED} when a statement fails
     * @throws IllegalStateException when called from inside another transaction (it would commit the outer one
     *     early): do everything of one unit of work in one {@code work}
     */
    public <T> T transaction(SqlWork<T> work) {
        if (lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("nested Database.transaction: use the connection you were given");
        }
        acquire();
        try {
            Connection c = connection();
            try {
                c.setAutoCommit(false);
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(c);
                if (e instanceof StorageException se) {
                    throw se;
                }
                if (e instanceof RuntimeException re) {
                    throw re;
                }
                throw failure((SQLException) e);
            }
        } finally {
            lock.unlock();
        }
    }

    private void acquire() {
        if (closed) {
            throw new StorageException(StorageException.Code.UNAVAILABLE, "the register storage is closed");
        }
        try {
            if (!lock.tryLock(LOCK_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new StorageException(StorageException.Code.BUSY, "the register storage is busy; try again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(StorageException.Code.BUSY, "interrupted while waiting for the storage");
        }
    }

    private StorageException failure(SQLException e) {
        String state = e.getSQLState();
        if (state != null && state.startsWith("08")) {
            dropConnection();
            return new StorageException(StorageException.Code.UNAVAILABLE, "the database cannot be reached: "
                    + e.getMessage(), e);
        }
        if (connectionBroken()) {
            dropConnection();
            return new StorageException(StorageException.Code.UNAVAILABLE, "the database connection was lost", e);
        }
        // SQL messages name tables and constraints, never values: values are always bound parameters
        return new StorageException(StorageException.Code.FAILED, "a database statement failed: " + e.getMessage(), e);
    }

    private boolean connectionBroken() {
        try {
            return connection == null || !connection.isValid(2);
        } catch (SQLException e) {
            return true;
        }
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.warn("rollback failed: {}", e.getMessage());
        }
    }

    /** The shared connection, opened (again) when needed. Called with the lock held. */
    private Connection connection() {
        try {
            if (connection != null && dialect == Dialect.POSTGRESQL && !connection.isValid(5)) {
                dropConnection();
            }
            if (connection == null) {
                if (sqliteFile != null) {
                    Files.createDirectories(sqliteFile.getParent());
                }
                DriverManager.setLoginTimeout(15);
                connection = DriverManager.getConnection(jdbcUrl, connectionProperties);
            }
            return connection;
        } catch (SQLException e) {
            throw new StorageException(StorageException.Code.UNAVAILABLE, "cannot open the register database ("
                    + description + "): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new StorageException(StorageException.Code.UNAVAILABLE, "cannot create the folder of " + sqliteFile
                    + ": " + e.getMessage(), e);
        }
    }

    private void dropConnection() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("closing a broken connection: {}", e.getMessage());
            }
        }
    }

    // ---- schema ------------------------------------------------------------------------------------------------

    /**
     * Applies the scripts of {@code module} not yet recorded in {@code schema_version}, in order, each in its own
     * transaction with its version row. Script names are {@code V<n>__<what>.sql}, numbered 1, 2, 3 … in the list;
     * they are read from {@code /db/<module>/} on the class path. Several stations starting at once on PostgreSQL
     * apply each script once (the version table is locked while a script runs).
     *
     * @throws StorageException {@code MIGRATION_FAILED} naming the script
     */
    public void migrate(String module, List<String> scripts) {
        if (!MODULE.matcher(module).matches()) {
            throw new IllegalArgumentException("module names are lower-case words: " + module);
        }
        transaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (module VARCHAR(40) NOT NULL,"
                        + " version INTEGER NOT NULL, description VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL,"
                        + " PRIMARY KEY (module, version))");
            }
            return null;
        });
        int expected = 1;
        for (String script : scripts) {
            Matcher m = SCRIPT.matcher(script);
            if (!m.matches() || Integer.parseInt(m.group(1)) != expected) {
                throw new IllegalArgumentException("migration " + module + "/" + script + " must be named V"
                        + expected + "__<what>.sql");
            }
            int version = expected++;
            String sql = dialect.expand(resource(module, script));
            transaction(c -> {
                if (dialect == Dialect.POSTGRESQL) {
                    try (Statement s = c.createStatement()) {
                        s.execute("LOCK TABLE schema_version IN SHARE ROW EXCLUSIVE MODE");
                    }
                }
                if (applied(c, module, version)) {
                    return null;
                }
                try (Statement s = c.createStatement()) {
                    for (String statement : statements(sql)) {
                        s.execute(statement);
                    }
                } catch (SQLException e) {
                    throw new StorageException(StorageException.Code.MIGRATION_FAILED, "schema migration " + module
                            + "/" + script + " failed: " + e.getMessage(), e);
                }
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO schema_version (module, version, description, applied_at) VALUES (?, ?, ?, ?)")) {
                    p.setString(1, module);
                    p.setInt(2, version);
                    p.setString(3, m.group(2));
                    p.setLong(4, clock.millis());
                    p.executeUpdate();
                }
                LOG.info("schema {} V{} applied ({})", module, version, m.group(2));
                return null;
            });
        }
    }

    private static boolean applied(Connection c, String module, int version) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM schema_version WHERE module = ? AND version = ?")) {
            p.setString(1, module);
            p.setInt(2, version);
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }

    /** The highest applied version of a module, 0 when none. */
    public int schemaVersion(String module) {
        return transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT MAX(version) FROM schema_version WHERE module = ?")) {
                p.setString(1, module);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? r.getInt(1) : 0;
                }
            }
        });
    }

    private static String resource(String module, String script) {
        String path = "/db/" + module + "/" + script;
        try (InputStream in = Database.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new StorageException(StorageException.Code.MIGRATION_FAILED, "missing migration " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StorageException(StorageException.Code.MIGRATION_FAILED, "cannot read " + path, e);
        }
    }

    /** Statements of a script: separated by a semicolon at the end of a line; lines starting with -- are comments. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : sql.split("\n")) {
            String t = line.strip();
            if (t.startsWith("--") || t.isEmpty()) {
                continue;
            }
            cur.append(line).append('\n');
            if (t.endsWith(";")) {
                String s = cur.toString().strip();
                out.add(s.substring(0, s.length() - 1));
                cur.setLength(0);
            }
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().strip());
        }
        return out;
    }

    private void checkKey() {
        transaction(c -> {
            String stored = meta(c, "key_check");
            if (stored == null) {
                // ON CONFLICT: two stations starting on a new PostgreSQL database at once write it once
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO storage_meta (name, value) VALUES ('key_check', ?) ON CONFLICT (name) DO NOTHING")) {
                    p.setString(1, cipher.keyCheck());
                    p.executeUpdate();
                }
                stored = meta(c, "key_check");
            }
            if (!cipher.matchesKeyCheck(stored)) {
                throw new StorageException(StorageException.Code.WRONG_KEY, "the storage key does not match the key "
                        + "this database (" + description + ") was written with: check storage.keyFile or "
                        + "storage.keyEnv (without the right key the stored records cannot be read)");
            }
            return null;
        });
    }

    private static String meta(Connection c, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT value FROM storage_meta WHERE name = ?")) {
            p.setString(1, name);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    /** The database file holds encrypted personal data: owner-only, like the key. */
    private void restrictFiles() {
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

    // ---- personal data: subjects and retention -----------------------------------------------------------------

    /** Makes a table's rows findable and erasable by ID number and subject to the retention purge. */
    public void register(PersonalTable table) {
        for (PersonalTable t : tables) {
            if (t.table().equals(table.table())) {
                throw new IllegalArgumentException("table " + table.table() + " is already registered");
            }
        }
        tables.add(table);
    }

    public List<PersonalTable> personalTables() {
        return List.copyOf(tables);
    }

    /** One stored row about a person, as {@code GET /api/privacy/subject} lists it. */
    public record SubjectRecord(String table, String description, String id, Map<String, Object> fields) {
    }

    /** Everything the registered tables hold about the holder of {@code idNumber}, decrypted. */
    public List<SubjectRecord> findSubject(String idNumber) {
        String hash = cipher.subjectHash(idNumber);
        return transaction(c -> {
            List<SubjectRecord> out = new ArrayList<>();
            for (PersonalTable t : tables) {
                StringBuilder cols = new StringBuilder(t.idColumn());
                for (String col : t.shownColumns()) {
                    cols.append(", ").append(col);
                }
                String sql = "SELECT " + cols + " FROM " + t.table() + " WHERE " + t.subjectColumn() + " = ? ORDER BY "
                        + t.retentionColumn() + ", " + t.idColumn();
                try (PreparedStatement p = c.prepareStatement(sql)) {
                    p.setString(1, hash);
                    try (ResultSet r = p.executeQuery()) {
                        while (r.next()) {
                            String id = r.getString(1);
                            Map<String, Object> fields = new LinkedHashMap<>();
                            for (int i = 0; i < t.shownColumns().size(); i++) {
                                String col = t.shownColumns().get(i);
                                Object v = r.getObject(i + 2);
                                if (v != null && t.encryptedColumns().contains(col)) {
                                    v = cipher.decrypt(v.toString(), t.context(col, id));
                                }
                                fields.put(col, v);
                            }
                            out.add(new SubjectRecord(t.table(), t.description(), id, fields));
                        }
                    }
                }
            }
            return out;
        });
    }

    /** Deletes every registered row about the holder of {@code idNumber}; returns how many rows, per table. */
    public Map<String, Integer> eraseSubject(String idNumber) {
        String hash = cipher.subjectHash(idNumber);
        return transaction(c -> {
            Map<String, Integer> out = new LinkedHashMap<>();
            for (PersonalTable t : tables) {
                try (PreparedStatement p = c.prepareStatement("DELETE FROM " + t.table() + " WHERE "
                        + t.subjectColumn() + " = ?")) {
                    p.setString(1, hash);
                    out.put(t.table(), p.executeUpdate());
                }
            }
            return out;
        });
    }

    /**
     * Deletes the rows whose retention time is more than {@code storage.retentionDays} before now, in every
     * registered table; returns how many.
     */
    public int purgeExpired() {
        long cutoff = clock.millis() - Duration.ofDays(settings.retentionDays()).toMillis();
        int n = transaction(c -> {
            int deleted = 0;
            for (PersonalTable t : tables) {
                try (PreparedStatement p = c.prepareStatement("DELETE FROM " + t.table() + " WHERE "
                        + t.retentionColumn() + " < ?")) {
                    p.setLong(1, cutoff);
                    deleted += p.executeUpdate();
                }
            }
            return deleted;
        });
        if (n > 0) {
            LOG.info("retention: {} record(s) older than {} days purged", n, settings.retentionDays());
        }
        return n;
    }

    /** Purges now, then every {@code storage.purgeInterval} on a background thread until {@link #close()}. */
    public synchronized void startMaintenance() {
        if (maintenance != null) {
            return;
        }
        purgeExpired();
        maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "storage-retention");
            t.setDaemon(true);
            return t;
        });
        long every = settings.purgeInterval().toMillis();
        maintenance.scheduleWithFixedDelay(() -> {
            try {
                purgeExpired();
            } catch (RuntimeException e) {
                LOG.warn("retention purge failed: {}", e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        ScheduledExecutorService m;
        synchronized (this) {
            m = maintenance;
            maintenance = null;
        }
        if (m != null) {
            m.shutdownNow();
        }
        closed = true;
        try {
            if (lock.tryLock(LOCK_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                try {
                    dropConnection();
                } finally {
                    lock.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "Database[" + description + "]";
    }
}
