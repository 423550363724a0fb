package vn.cccd.kiosk.hospital;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.cccd.reader.model.Json;

/**
 * Check-ins and the webhook outbox in SQL (SQLite or PostgreSQL; tables of {@code db/hospital} migration). The
 * patient's fields and the BHYT code are stored sealed (encrypted and authenticated); the ID number is findable only
 * through its keyed hash, for data-subject requests. Queue numbers come from a per-department, per-day counter row
 * updated in the same transaction as the check-in, so they survive restarts and never repeat.
 */
public final class JdbcCheckinStore implements CheckinStore {

    /** Opens a connection (a new one, or one from a pool); the store closes it. */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    /** Encrypts and decrypts one personal field. */
    public interface FieldSealer {
        String seal(String plain);

        /** @throws IllegalStateException when the value was altered or sealed with another key */
        String open(String sealed);
    }

    /** The keyed hash of an ID number (the same person gives the same hash; the hash does not give the number). */
    @FunctionalInterface
    public interface SubjectHasher {
        String hash(String idNumber);
    }

    private final Connections db;
    private final FieldSealer sealer;
    private final SubjectHasher hasher;

    /**
     * The store in an SQLite file {@code hospital.db} under {@code dataDir}, with personal fields sealed by a key
     * kept in {@code hospital-field.key} beside it (owner-only).
     */
    public static JdbcCheckinStore local(java.nio.file.Path dataDir, SubjectHasher hasher) {
        return new JdbcCheckinStore(new LocalSqlite(dataDir.resolve("hospital.db")),
                new LocalFieldSealer(dataDir.resolve("hospital-field.key")), hasher);
    }

    public JdbcCheckinStore(Connections db, FieldSealer sealer, SubjectHasher hasher) {
        this.db = db;
        this.sealer = sealer;
        this.hasher = hasher;
    }

    @Override
    public CheckIn add(NewCheckIn n) {
        try (Connection c = db.open()) {
            c.setAutoCommit(false);
            try {
                int number;
                try (PreparedStatement q = c.prepareStatement("INSERT INTO hospital_queue (day, department, last_number)"
                        + " VALUES (?, ?, 1) ON CONFLICT (day, department)"
                        + " DO UPDATE SET last_number = hospital_queue.last_number + 1 RETURNING last_number")) {
                    q.setString(1, n.day().toString());
                    q.setString(2, n.department());
                    try (ResultSet r = q.executeQuery()) {
                        r.next();
                        number = r.getInt(1);
                    }
                }
                try (PreparedStatement q = c.prepareStatement("INSERT INTO hospital_checkin (id, day, department,"
                        + " queue_number, created_at, card_verdict, subject_hash, patient, bhyt)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    q.setString(1, n.id());
                    q.setString(2, n.day().toString());
                    q.setString(3, n.department());
                    q.setInt(4, number);
                    q.setLong(5, n.createdAt().toEpochMilli());
                    q.setString(6, n.cardVerdict());
                    q.setString(7, n.patient().idNumber() == null ? null : hasher.hash(n.patient().idNumber()));
                    q.setString(8, sealer.seal(patientJson(n.patient())));
                    q.setString(9, n.bhyt() == null ? null : sealer.seal(n.bhyt().value()));
                    q.executeUpdate();
                }
                if (n.deliver()) {
                    try (PreparedStatement q = c.prepareStatement("INSERT INTO hospital_outbox (checkin_id, attempts,"
                            + " next_attempt_at, delivered_at, last_problem) VALUES (?, 0, ?, NULL, NULL)")) {
                        q.setString(1, n.id());
                        q.setLong(2, n.createdAt().toEpochMilli());
                        q.executeUpdate();
                    }
                }
                c.commit();
                return new CheckIn(n.id(), n.day(), n.department(), number, n.createdAt(), n.cardVerdict(),
                        n.patient(), n.bhyt());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("the check-in could not be stored", e);
        }
    }

    @Override
    public Optional<CheckIn> find(String id) {
        List<CheckIn> found = select("SELECT * FROM hospital_checkin WHERE id = ?", id);
        return found.stream().findFirst();
    }

    @Override
    public List<CheckIn> findBySubject(String idNumber) {
        return select("SELECT * FROM hospital_checkin WHERE subject_hash = ? ORDER BY created_at DESC",
                hasher.hash(idNumber));
    }

    private List<CheckIn> select(String sql, String arg) {
        try (Connection c = db.open(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, arg);
            List<CheckIn> out = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    String bhyt = r.getString("bhyt");
                    out.add(new CheckIn(r.getString("id"), LocalDate.parse(r.getString("day")),
                            r.getString("department"), r.getInt("queue_number"),
                            Instant.ofEpochMilli(r.getLong("created_at")), r.getString("card_verdict"),
                            patient(sealer.open(r.getString("patient"))),
                            bhyt == null ? null : new BhytCode(sealer.open(bhyt))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("check-ins could not be read", e);
        }
    }

    @Override
    public List<Pending> due(Instant now, int limit) {
        try (Connection c = db.open(); PreparedStatement q = c.prepareStatement("SELECT checkin_id, attempts,"
                + " next_attempt_at FROM hospital_outbox WHERE delivered_at IS NULL AND next_attempt_at <= ?"
                + " ORDER BY next_attempt_at, checkin_id LIMIT ?")) {
            q.setLong(1, now.toEpochMilli());
            q.setInt(2, limit);
            List<Pending> out = new ArrayList<>();
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    out.add(new Pending(r.getString(1), r.getInt(2), Instant.ofEpochMilli(r.getLong(3))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("the outbox could not be read", e);
        }
    }

    @Override
    public Optional<Instant> nextDue() {
        try (Connection c = db.open(); PreparedStatement q = c.prepareStatement("SELECT MIN(next_attempt_at) FROM"
                + " hospital_outbox WHERE delivered_at IS NULL"); ResultSet r = q.executeQuery()) {
            if (r.next()) {
                long v = r.getLong(1);
                return r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw new StoreException("the outbox could not be read", e);
        }
    }

    @Override
    public void delivered(String checkinId, Instant at) {
        update("UPDATE hospital_outbox SET delivered_at = ?, attempts = attempts + 1, last_problem = NULL"
                + " WHERE checkin_id = ?", at.toEpochMilli(), checkinId);
    }

    @Override
    public void failed(String checkinId, int attempts, Instant next, String problem) {
        try (Connection c = db.open(); PreparedStatement q = c.prepareStatement("UPDATE hospital_outbox SET"
                + " attempts = ?, next_attempt_at = ?, last_problem = ? WHERE checkin_id = ?")) {
            q.setInt(1, attempts);
            q.setLong(2, next.toEpochMilli());
            q.setString(3, problem == null ? null : problem.substring(0, Math.min(problem.length(), 200)));
            q.setString(4, checkinId);
            q.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("the outbox could not be updated", e);
        }
    }

    private void update(String sql, long value, String id) {
        try (Connection c = db.open(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setLong(1, value);
            q.setString(2, id);
            q.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("the outbox could not be updated", e);
        }
    }

    @Override
    public int undelivered() {
        try (Connection c = db.open(); PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM hospital_outbox"
                + " WHERE delivered_at IS NULL"); ResultSet r = q.executeQuery()) {
            r.next();
            return r.getInt(1);
        } catch (SQLException e) {
            throw new StoreException("the outbox could not be read", e);
        }
    }

    @Override
    public int eraseSubject(String idNumber) {
        return delete("subject_hash = ?", hasher.hash(idNumber), null);
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        return delete("created_at < ?", null, cutoff.toEpochMilli());
    }

    /** Deletes check-ins (and their outbox rows first, so no foreign key is left dangling). */
    private int delete(String where, String text, Long number) {
        try (Connection c = db.open()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement q = c.prepareStatement("DELETE FROM hospital_outbox WHERE checkin_id IN"
                        + " (SELECT id FROM hospital_checkin WHERE " + where + ")")) {
                    bind(q, text, number);
                    q.executeUpdate();
                }
                int n;
                try (PreparedStatement q = c.prepareStatement("DELETE FROM hospital_checkin WHERE " + where)) {
                    bind(q, text, number);
                    n = q.executeUpdate();
                }
                c.commit();
                return n;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("check-ins could not be deleted", e);
        }
    }

    private static void bind(PreparedStatement q, String text, Long number) throws SQLException {
        if (text != null) {
            q.setString(1, text);
        } else {
            q.setLong(1, number);
        }
    }

    private static String patientJson(Patient p) {
        try {
            return Json.MAPPER.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Patient patient(String json) {
        try {
            return Json.MAPPER.readValue(json, Patient.class);
        } catch (JsonProcessingException e) {
            throw new StoreException("a stored check-in is damaged", e);
        }
    }

    @Override
    public void close() {
        // connections are opened per operation
    }

    /** The store failed (disk, database); the message holds no personal data. */
    public static final class StoreException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
