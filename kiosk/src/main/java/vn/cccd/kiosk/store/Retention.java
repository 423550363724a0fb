package vn.cccd.kiosk.store;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cccd.kiosk.config.StorageSettings;

/**
 * The retention duty: rows of every registered {@link PersonalTable} whose retention time is more than
 * {@code storage.retentionDays} old are deleted, at start and every {@code storage.purgeInterval}.
 */
final class Retention implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final SharedConnection shared;
    private final PersonalData personalData;
    private final StorageSettings settings;
    private final Clock clock;
    private ScheduledExecutorService maintenance;

    Retention(SharedConnection shared, PersonalData personalData, StorageSettings settings, Clock clock) {
        this.shared = shared;
        this.personalData = personalData;
        this.settings = settings;
        this.clock = clock;
    }

    /** Deletes the expired rows of every registered table; returns how many. */
    int purgeExpired() {
        long cutoff = clock.millis() - Duration.ofDays(settings.retentionDays()).toMillis();
        int n = shared.transaction(c -> {
            int deleted = 0;
            for (PersonalTable t : personalData.tables()) {
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
    synchronized void start() {
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
    }
}
