package vn.cccd.kiosk.config;

import static vn.cccd.kiosk.config.ConfigValues.integer;
import static vn.cccd.kiosk.config.ConfigValues.resolve;
import static vn.cccd.kiosk.config.ConfigValues.text;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;

/** {@code storage.*}: the database (SQLite in data.dir, or PostgreSQL), its key and how long records are kept. */
final class StorageSection {
    static final Set<String> KEYS = Set.of("storage.url", "storage.user", "storage.password", "storage.keyFile",
            "storage.keyEnv", "storage.retentionDays", "storage.purgeIntervalMinutes");

    private StorageSection() {
    }

    static StorageSettings read(Properties p, Path baseDir) {
        String url = text(p, "storage.url", "");
        if (!url.isEmpty() && !url.startsWith("jdbc:postgresql://")) {
            throw new ConfigException("storage.url", "empty (SQLite file kiosk.db in data.dir) or a"
                    + " jdbc:postgresql://host:port/database URL");
        }
        String keyFile = text(p, "storage.keyFile", "");
        String keyEnv = text(p, "storage.keyEnv", "");
        if (!keyFile.isEmpty() && !keyEnv.isEmpty()) {
            throw new ConfigException("storage.keyEnv", "set storage.keyFile or storage.keyEnv, not both");
        }
        if (!keyEnv.isEmpty() && !keyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new ConfigException("storage.keyEnv", "must be an environment variable name, got '" + keyEnv + "'");
        }
        int days = integer(p, "storage.retentionDays", StorageSettings.DEFAULT_RETENTION_DAYS, 1, 36_500);
        int purge = integer(p, "storage.purgeIntervalMinutes", 60, 1, 24 * 60);
        String user = text(p, "storage.user", "");
        String password = p.getProperty("storage.password", "");
        return new StorageSettings(url, user.isEmpty() ? null : user, password.isEmpty() ? null : password,
                keyFile.isEmpty() ? null : resolve(baseDir, keyFile), keyEnv.isEmpty() ? null : keyEnv, days,
                Duration.ofMinutes(purge));
    }
}
