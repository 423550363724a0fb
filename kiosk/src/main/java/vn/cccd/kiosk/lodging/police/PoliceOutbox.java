package vn.cccd.kiosk.lodging.police;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.cccd.kiosk.store.Database;

/**
 * The durable outbox of the police submission (table {@code lodging_police_outbox}, migration
 * {@code lodging/V3__police_outbox.sql}): a queued notice survives a restart and is sent until the portal confirms it
 * or it needs the owner. Holds no personal data: the guests are read from the register when a notice is sent.
 */
public final class PoliceOutbox {
    /** What a row is: a night's notice of its not yet notified guests, or one guest's early checkout. */
    public enum Kind { NIGHT, CHECKOUT }

    /** PENDING: queued or retrying; NOTIFIED: every guest confirmed; FAILED: the owner must look (reason given). */
    public enum State { PENDING, NOTIFIED, FAILED }

    /** One row. {@code problem} is the last failure's reason, without ID numbers. */
    public record Entry(String ref, Kind kind, LocalDate night, String guestId, State state, int version, int attempts,
            Instant nextAttempt, Instant queuedAt, Instant doneAt, int confirmed, String problem) {
    }

    private static final String COLUMNS = "ref, kind, night, guest_id, state, version, attempts, next_attempt_at, queued_at,"
            + " done_at, confirmed, last_problem";
    private static final int PROBLEM_MAX = 1000;

    private final Database db;

    /** Over the lodging module's tables (migrated by {@code JdbcGuestStore}). */
    public PoliceOutbox(Database db) {
        this.db = db;
    }

    static String nightRef(LocalDate night) {
        return "night:" + night;
    }

    static String checkoutRef(String guestId) {
        return "checkout:" + guestId;
    }

    /**
     * Queues (again) the night's notice to be sent now: a new row, or an existing one back to PENDING with its
     * attempts reset (a guest was added, or the owner asks to resend).
     */
    public void queueNight(LocalDate night, Instant now) {
        queue(nightRef(night), Kind.NIGHT, night, null, now);
    }

    /** Queues one guest's early checkout (sent once; a second call while queued changes nothing). */
    public void queueCheckout(String guestId, Instant now) {
        queue(checkoutRef(guestId), Kind.CHECKOUT, null, guestId, now);
    }

    private void queue(String ref, Kind kind, LocalDate night, String guestId, Instant now) {
        db.transaction(c -> {
            try (PreparedStatement u = c.prepareStatement("UPDATE lodging_police_outbox SET state = 'PENDING',"
                    + " version = version + 1, attempts = 0, next_attempt_at = ?, done_at = NULL, last_problem = NULL WHERE ref = ?")) {
                u.setLong(1, now.toEpochMilli());
                u.setString(2, ref);
                if (u.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement i = c.prepareStatement("INSERT INTO lodging_police_outbox (ref, kind, night,"
                    + " guest_id, state, version, attempts, next_attempt_at, queued_at, confirmed)"
                    + " VALUES (?, ?, ?, ?, 'PENDING', 0, 0, ?, ?, 0)")) {
                i.setString(1, ref);
                i.setString(2, kind.name());
                i.setString(3, night == null ? null : night.toString());
                i.setString(4, guestId);
                i.setLong(5, now.toEpochMilli());
                i.setLong(6, now.toEpochMilli());
                i.executeUpdate();
            }
            return null;
        });
    }

    /** Rows due at {@code now}, oldest first. */
    public List<Entry> due(Instant now, int limit) {
        return db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM lodging_police_outbox"
                    + " WHERE state = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at, ref LIMIT ?")) {
                p.setLong(1, now.toEpochMilli());
                p.setInt(2, limit);
                return list(p);
            }
        });
    }

    /** The earliest next attempt of a pending row, if any. */
    public Optional<Instant> nextDue() {
        return db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT MIN(next_attempt_at) FROM lodging_police_outbox"
                    + " WHERE state = 'PENDING'"); ResultSet r = p.executeQuery()) {
                if (r.next()) {
                    long v = r.getLong(1);
                    return r.wasNull() ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(v));
                }
                return Optional.<Instant>empty();
            }
        });
    }

    public Optional<Entry> find(String ref) {
        return db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM lodging_police_outbox"
                    + " WHERE ref = ?")) {
                p.setString(1, ref);
                List<Entry> l = list(p);
                return l.isEmpty() ? Optional.<Entry>empty() : Optional.of(l.get(0));
            }
        });
    }

    public Optional<Entry> night(LocalDate night) {
        return find(nightRef(night));
    }

    /** Every guest confirmed: the row is done. {@code confirmed} adds to the guests confirmed so far. */
    public boolean notified(Entry e, int attempts, int confirmed, Instant at, String note) {
        return finish(e, State.NOTIFIED, attempts, confirmed, at, note);
    }

    /** The owner must look: not retried until queued again. */
    public boolean failed(Entry e, int attempts, int confirmed, Instant at, String problem) {
        return finish(e, State.FAILED, attempts, confirmed, at, problem);
    }

    /**
     * Closes the row unless it was queued again since {@code e} was read (then it stays PENDING, due now, with the
     * confirmed count kept); false in that case.
     */
    private boolean finish(Entry e, State state, int attempts, int confirmed, Instant at, String problem) {
        return db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE lodging_police_outbox SET state = ?, attempts = ?,"
                    + " confirmed = confirmed + ?, done_at = ?, last_problem = ? WHERE ref = ? AND version = ?"
                    + " AND state = 'PENDING'")) {
                p.setString(1, state.name());
                p.setInt(2, attempts);
                p.setInt(3, confirmed);
                p.setLong(4, at.toEpochMilli());
                p.setString(5, clip(problem));
                p.setString(6, e.ref());
                p.setInt(7, e.version());
                if (p.executeUpdate() > 0) {
                    return true;
                }
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE lodging_police_outbox SET confirmed = confirmed + ?"
                    + " WHERE ref = ?")) {
                p.setInt(1, confirmed);
                p.setString(2, e.ref());
                p.executeUpdate();
            }
            return false;
        });
    }

    /** A transient failure: stays PENDING, next attempt at {@code next}. */
    public void retry(Entry e, int attempts, int confirmed, Instant next, String problem) {
        db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE lodging_police_outbox SET attempts = ?,"
                    + " confirmed = confirmed + ?, next_attempt_at = ?, last_problem = ? WHERE ref = ?"
                    + " AND version = ? AND state = 'PENDING'")) {
                p.setInt(1, attempts);
                p.setInt(2, confirmed);
                p.setLong(3, next.toEpochMilli());
                p.setString(4, clip(problem));
                p.setString(5, e.ref());
                p.setInt(6, e.version());
                p.executeUpdate();
            }
            return null;
        });
    }

    private static String clip(String s) {
        return s == null || s.length() <= PROBLEM_MAX ? s : s.substring(0, PROBLEM_MAX - 1) + "…";
    }

    private static List<Entry> list(PreparedStatement p) throws SQLException {
        List<Entry> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
                String night = r.getString("night");
                long done = r.getLong("done_at");
                boolean doneNull = r.wasNull();
                out.add(new Entry(r.getString("ref"), Kind.valueOf(r.getString("kind")),
                        night == null ? null : LocalDate.parse(night), r.getString("guest_id"),
                        State.valueOf(r.getString("state")), r.getInt("version"), r.getInt("attempts"),
                        Instant.ofEpochMilli(r.getLong("next_attempt_at")), Instant.ofEpochMilli(r.getLong("queued_at")),
                        doneNull ? null : Instant.ofEpochMilli(done), r.getInt("confirmed"), r.getString("last_problem")));
            }
        }
        return out;
    }
}
