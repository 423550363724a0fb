package vn.cccd.kiosk.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the kiosk keeps its registers ({@code storage.*} in {@code kiosk.properties}).
 *
 * @param url empty for the embedded SQLite file {@code kiosk.db} in the data directory, else a
 *     {@code jdbc:postgresql://host:port/db} URL (sites with several stations share one server)
 * @param user database user for PostgreSQL, or null (then the URL may carry it)
 * @param password database password for PostgreSQL, or null
 * @param keyFile file holding the 32-byte key that encrypts personal fields, or null
 * @param keyEnv name of an environment variable holding that key instead, or null; with neither, the key is
 *     {@code storage.key} in the data directory, created on first use
 * @param retentionDays records whose stay or visit ended longer ago than this are purged automatically
 * @param purgeInterval how often the purge runs after the one at start
 */
public record StorageSettings(String url, String user, String password, Path keyFile, String keyEnv,
        int retentionDays, Duration purgeInterval) {

    public static final int DEFAULT_RETENTION_DAYS = 365;

    public StorageSettings {
        url = url == null ? "" : url.strip();
        Objects.requireNonNull(purgeInterval, "purgeInterval");
        if (retentionDays < 1) {
            throw new IllegalArgumentException("retentionDays must be at least 1");
        }
        if (!url.isEmpty() && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("storage.url must be empty (SQLite) or a jdbc:postgresql: URL");
        }
    }

    /** The embedded SQLite file, a key in the data directory, a year's retention, hourly purge. */
    public static StorageSettings defaults() {
        return new StorageSettings("", null, null, null, null, DEFAULT_RETENTION_DAYS, Duration.ofHours(1));
    }

    public boolean postgres() {
        return !url.isEmpty();
    }

    public StorageSettings withUrl(String u, String usr, String pwd) {
        return new StorageSettings(u, usr, pwd, keyFile, keyEnv, retentionDays, purgeInterval);
    }

    public StorageSettings withRetentionDays(int days) {
        return new StorageSettings(url, user, password, keyFile, keyEnv, days, purgeInterval);
    }

    public StorageSettings withKeyFile(Path file) {
        return new StorageSettings(url, user, password, file, keyEnv, retentionDays, purgeInterval);
    }

    public StorageSettings withKeyEnv(String env) {
        return new StorageSettings(url, user, password, keyFile, env, retentionDays, purgeInterval);
    }

    @Override
    public String toString() {
        return "StorageSettings[" + (postgres() ? "postgresql" : "sqlite") + ", retentionDays=" + retentionDays + "]";
    }
}
