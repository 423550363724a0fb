package vn.cccd.kiosk.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staff-login attempt budget: wrong PINs in a row, how many lockouts followed each other, and until when logins
 * are refused. Each lockout lasts twice the one before (1 min, 2, 4 ... up to a day) until a right PIN; the state
 * is kept in the data directory so that a restart does not give a guesser a fresh budget. The file holds counts and
 * an instant only, never a PIN or who tried. Not thread-safe: {@link OperatorAuth} guards it.
 */
public final class LoginLockout {
    private static final Logger LOG = LoggerFactory.getLogger(LoginLockout.class);
    /** Public because the app resolves it in its data directory (KioskApp). */
    public static final String FILE = "operator-lockout.properties";
    static final int MAX_FAILURES = 5;
    static final Duration FIRST_LOCKOUT = Duration.ofSeconds(60);
    static final Duration MAX_LOCKOUT = Duration.ofHours(24);

    private final Path file;
    private int failures;
    private int lockouts;
    private Instant lockedUntil = Instant.EPOCH;

    /** @param file where the state is kept, or null to keep it in memory only */
    LoginLockout(Path file, Instant now) {
        this.file = file;
        if (file != null) {
            load(now);
        }
    }

    int failures() {
        return failures;
    }

    Instant lockedUntil() {
        return lockedUntil;
    }

    boolean locked(Instant now) {
        return now.isBefore(lockedUntil);
    }

    /** A wrong PIN was evaluated: counts it, and starts the next (longer) lockout at the fifth in a row. */
    void failed(Instant now) {
        failures++;
        if (failures >= MAX_FAILURES) {
            failures = 0;
            lockedUntil = now.plus(lockout(lockouts));
            lockouts++;
        }
        save();
    }

    /** The right PIN: the budget is full again. */
    void succeeded() {
        if (failures != 0 || lockouts != 0) {
            failures = 0;
            lockouts = 0;
            save();
        }
    }

    /** The length of the lockout after {@code previous} earlier ones in a row. */
    static Duration lockout(int previous) {
        Duration d = FIRST_LOCKOUT.multipliedBy(1L << Math.min(previous, 20));
        return d.compareTo(MAX_LOCKOUT) > 0 ? MAX_LOCKOUT : d;
    }

    private void load(Instant now) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
            failures = Math.max(0, Math.min(MAX_FAILURES - 1, Integer.parseInt(p.getProperty("failures", "0"))));
            lockouts = Math.max(0, Math.min(64, Integer.parseInt(p.getProperty("lockouts", "0"))));
            Instant until = Instant.ofEpochSecond(Long.parseLong(p.getProperty("lockedUntilEpochSecond", "0")));
            // a lockout never reaches further than its longest length (a clock set back, an edited file)
            Instant latest = now.plus(MAX_LOCKOUT);
            lockedUntil = until.isAfter(latest) ? latest : until;
        } catch (NoSuchFileException e) {
            // no wrong PIN yet
        } catch (IOException | RuntimeException e) {
            // unreadable: start locked rather than with a fresh budget
            LOG.warn("{} is unreadable ({}); staff login is locked for {} s", file, e.getClass().getSimpleName(),
                    FIRST_LOCKOUT.toSeconds());
            lockedUntil = now.plus(FIRST_LOCKOUT);
        }
    }

    private void save() {
        if (file == null) {
            return;
        }
        Properties p = new Properties();
        p.setProperty("failures", Integer.toString(failures));
        p.setProperty("lockouts", Integer.toString(lockouts));
        p.setProperty("lockedUntilEpochSecond", Long.toString(lockedUntil.getEpochSecond() + (lockedUntil.getNano() > 0 ? 1 : 0)));
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "staff login attempts (counts only)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // the in-memory count still holds; only a restart would forget it
            LOG.warn("cannot keep the login lockout in {}: {}", file, e.toString());
        }
    }
}
