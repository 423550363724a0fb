package vn.cccd.kiosk.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cccd.kiosk.config.StorageSettings;

/**
 * The kiosk's register database: the embedded SQLite file {@code kiosk.db} in the data directory, or a PostgreSQL
 * server shared by several stations ({@code storage.url}); see {@link DatabaseTarget}. The same SQL runs on both.
 * This class puts the parts together: {@link SharedConnection} (transactions), {@link Migrations} (Flyway),
 * {@link KeyCheck}, {@link PersonalData} (what is stored, data-subject requests) and {@link Retention}.
 *
 * <p>How a feature uses it:
 * <ol>
 * <li>{@link #migrate(String)} its own ordered scripts, {@code /db/<module>/V<n>__<what>.sql} on the class
 * path; each module has its own version sequence, so features never collide;</li>
 * <li>{@link #register(PersonalTable)} each table with personal data, for the data-subject endpoints and the
 * retention purge;</li>
 * <li>write personal fields through {@link #cipher()} ({@link FieldCipher#encrypt}) and the ID number only as
 * {@link FieldCipher#subjectHash};</li>
 * <li>read and write in {@link #transaction}.</li>
 * </ol>
 * The application then calls {@link #startMaintenance()}: a purge at once and every {@code storage.purgeInterval}.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** The SQLite file in the data directory. */
    public static final String SQLITE_FILE = "kiosk.db";

    private final DatabaseTarget target;
    private final SharedConnection shared;
    private final Migrations migrations;
    private final FieldCipher cipher;
    private final PersonalData personalData;
    private final Retention retention;
    private final StorageSettings settings;
    private final Clock clock;

    private Database(StorageSettings settings, Path dataDir, Clock clock, FieldCipher cipher) {
        this.settings = settings;
        this.clock = clock;
        this.cipher = cipher;
        this.target = new DatabaseTarget(settings, dataDir, (int) SharedConnection.LOCK_WAIT.toMillis());
        this.shared = new SharedConnection(target);
        this.migrations = new Migrations(target, shared);
        this.personalData = new PersonalData(shared, cipher);
        this.retention = new Retention(shared, personalData, settings, clock);
    }

    /** Opens the database the settings name, with the key from the environment or a file (see {@link StorageKey}). */
    public static Database open(StorageSettings settings, Path dataDir, Clock clock) {
        return open(settings, dataDir, clock, System.getenv());
    }

    /**
     * As {@link #open(StorageSettings, Path, Clock)} with the given environment: adopts the versions an earlier
     * kiosk's own migration runner recorded, brings the core schema up to date and checks that the key is the one
     * the database was written with.
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
            db.migrations.adoptLegacyVersions();
            db.migrate("core");
            KeyCheck.verify(db.shared, cipher, db.description());
            db.target.restrictFiles();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        LOG.info("register storage: {}", db.description());
        return db;
    }

    public Dialect dialect() {
        return target.dialect();
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
        return target.description();
    }

    /** The SQLite file, or null on PostgreSQL. */
    public Path sqliteFile() {
        return target.sqliteFile();
    }

    /**
     * Runs {@code work} in one transaction and commits it; on any failure it is rolled back. When this returns the
     * commit is durable (SQLite: WAL synced; PostgreSQL: committed with the server's synchronous commit).
     *
     * @throws StorageException {@code BUSY} when the database stays held longer than 30 s,
     *     {@code UNAVAILABLE} when it cannot be reached, {@code FAILED} when a statement fails
     * @throws IllegalStateException when called from inside another transaction (it would commit the outer one
     *     early): do everything of one unit of work in one {@code work}
     */
    public <T> T transaction(SqlWork<T> work) {
        return shared.transaction(work);
    }

    /**
     * Applies the scripts of {@code module} ({@code /db/<module>/V<n>__<what>.sql} on the class path) not yet
     * applied, in order, each in its own transaction (see {@link Migrations}).
     *
     * @throws StorageException {@code MIGRATION_FAILED} naming the script
     */
    public void migrate(String module) {
        migrations.migrate(module);
    }

    /** The highest applied version of a module, 0 when none. */
    public int schemaVersion(String module) {
        return migrations.version(module);
    }

    /** What personal data is stored, and the data-subject requests over it. */
    public PersonalData personalData() {
        return personalData;
    }

    /** Makes a table's rows findable and erasable by ID number and subject to the retention purge. */
    public void register(PersonalTable table) {
        personalData.register(table);
    }

    public List<PersonalTable> personalTables() {
        return personalData.tables();
    }

    /** Everything the registered tables hold about the holder of {@code idNumber}, decrypted. */
    public List<SubjectRecord> findSubject(String idNumber) {
        return personalData.find(idNumber);
    }

    /** Deletes every registered row about the holder of {@code idNumber}; returns how many rows, per table. */
    public Map<String, Integer> eraseSubject(String idNumber) {
        return personalData.erase(idNumber);
    }

    /**
     * Deletes the rows whose retention time is more than {@code storage.retentionDays} before now, in every
     * registered table; returns how many.
     */
    public int purgeExpired() {
        return retention.purgeExpired();
    }

    /** Purges now, then every {@code storage.purgeInterval} on a background thread until {@link #close()}. */
    public void startMaintenance() {
        retention.start();
    }

    @Override
    public void close() {
        retention.close();
        shared.close();
    }

    @Override
    public String toString() {
        return "Database[" + description() + "]";
    }
}
