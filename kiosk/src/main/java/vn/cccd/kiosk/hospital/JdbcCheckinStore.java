package vn.cccd.kiosk.hospital;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.cccd.kiosk.store.Database;
import vn.cccd.kiosk.store.FieldCipher;
import vn.cccd.kiosk.store.PersonalTable;
import vn.cccd.kiosk.store.StorageException;
import vn.cccd.reader.model.Json;

/**
 * Check-ins and the webhook outbox in the register {@link Database} (SQLite or PostgreSQL; migration module
 * {@code hospital}, {@code /db/hospital/V1__checkins.sql}). The patient's fields (one JSON value) and the BHYT code
 * are stored encrypted with the database's {@link FieldCipher}, bound to their row; the ID number only as its keyed
 * hash. {@code hospital_checkin} is registered as a {@link PersonalTable}, so the data-subject endpoints find and
 * erase a patient's check-ins and the retention purge removes old ones (their outbox rows go with them). Queue
 * numbers come from a per-department, per-day counter row updated in the same transaction as the check-in, so
 * they survive restarts and never repeat.
 */
public final class JdbcCheckinStore implements CheckinStore {
    public static final String MODULE = "hospital";
    public static final PersonalTable TABLE = new PersonalTable("hospital_checkin",
            "Đăng ký khám tại kiosk bệnh viện / Hospital check-ins at the kiosk", "id", "subject_hash", "created_at",
            List.of("day", "department", "queue_number", "created_at", "card_verdict", "station", "patient", "bhyt",
                    "bhyt_check"),
            Set.of("patient", "bhyt", "bhyt_check"));

    private final Database db;
    private final FieldCipher cipher;
    private final String station;

    /**
     * Migrates the hospital tables and registers them for data-subject requests and retention.
     *
     * @param station this kiosk's {@code station.name}: the outbox methods see this station's check-ins only
     */
    public JdbcCheckinStore(Database db, String station) {
        this.db = db;
        this.station = station;
        this.cipher = db.cipher();
        db.migrate(MODULE);
        if (db.personalTables().stream().noneMatch(t -> t.table().equals(TABLE.table()))) {
            db.register(TABLE);
        }
    }

    @Override
    public CheckIn add(NewCheckIn n) {
        return db.transaction(c -> {
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
                    + " queue_number, created_at, card_verdict, station, subject_hash, patient, bhyt, bhyt_check)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                q.setString(1, n.id());
                q.setString(2, n.day().toString());
                q.setString(3, n.department());
                q.setInt(4, number);
                q.setLong(5, n.createdAt().toEpochMilli());
                q.setString(6, n.cardVerdict());
                q.setString(7, n.station());
                q.setString(8, subject(n.patient()));
                q.setString(9, cipher.encrypt(patientJson(n.patient()), TABLE.context("patient", n.id())));
                q.setString(10, n.bhyt() == null ? null : cipher.encrypt(n.bhyt().value(),
                        TABLE.context("bhyt", n.id())));
                q.setString(11, n.bhytCheck() == null ? null : cipher.encrypt(checkJson(n.bhytCheck()),
                        TABLE.context("bhyt_check", n.id())));
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
            return new CheckIn(n.id(), n.day(), n.department(), number, n.createdAt(), n.cardVerdict(), n.station(),
                    n.patient(), n.bhyt(), n.bhytCheck());
        });
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper CHECK_JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private static String checkJson(BhytCheck c) {
        try {
            return CHECK_JSON.writeValueAsString(c);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BhytCheck check(String json) {
        if (json == null) {
            return null;
        }
        try {
            return CHECK_JSON.readValue(json, BhytCheck.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a stored BHYT check does not parse", e);
        }
    }

    /** The keyed hash of the ID number, or of the passport number for a foreign patient. */
    private String subject(Patient p) {
        String number = p.idNumber() != null && !p.idNumber().isBlank() ? p.idNumber() : p.documentNumber();
        return number == null || number.isBlank() ? null : cipher.subjectHash(number);
    }

    @Override
    public Optional<CheckIn> find(String id) {
        return select("SELECT * FROM hospital_checkin WHERE id = ?", id).stream().findFirst();
    }

    @Override
    public List<CheckIn> findBySubject(String idNumber) {
        return select("SELECT * FROM hospital_checkin WHERE subject_hash = ? ORDER BY created_at DESC",
                cipher.subjectHash(idNumber));
    }

    private List<CheckIn> select(String sql, String arg) {
        return db.transaction(c -> {
            try (PreparedStatement q = c.prepareStatement(sql)) {
                q.setString(1, arg);
                List<CheckIn> out = new ArrayList<>();
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        String id = r.getString("id");
                        String bhyt = cipher.decrypt(r.getString("bhyt"), TABLE.context("bhyt", id));
                        out.add(new CheckIn(id, LocalDate.parse(r.getString("day")), r.getString("department"),
                                r.getInt("queue_number"), Instant.ofEpochMilli(r.getLong("created_at")),
                                r.getString("card_verdict"), r.getString("station"),
                                patient(cipher.decrypt(r.getString("patient"), TABLE.context("patient", id))),
                                bhyt == null ? null : new BhytCode(bhyt), check(cipher.decrypt(
                                        r.getString("bhyt_check"), TABLE.context("bhyt_check", id)))));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<Pending> due(Instant now, int limit) {
        return db.transaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT o.checkin_id, o.attempts, o.next_attempt_at FROM"
                    + " hospital_outbox o JOIN hospital_checkin c ON c.id = o.checkin_id WHERE o.delivered_at IS NULL"
                    + " AND o.next_attempt_at <= ? AND c.station = ? ORDER BY o.next_attempt_at, o.checkin_id LIMIT ?")) {
                q.setLong(1, now.toEpochMilli());
                q.setString(2, station);
                q.setInt(3, limit);
                List<Pending> out = new ArrayList<>();
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        out.add(new Pending(r.getString(1), r.getInt(2), Instant.ofEpochMilli(r.getLong(3))));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public Optional<Instant> nextDue() {
        return db.transaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT MIN(o.next_attempt_at) FROM hospital_outbox o"
                    + " JOIN hospital_checkin c ON c.id = o.checkin_id WHERE o.delivered_at IS NULL AND c.station = ?")) {
                q.setString(1, station);
                try (ResultSet r = q.executeQuery()) {
                    if (r.next()) {
                        long v = r.getLong(1);
                        return r.wasNull() ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(v));
                    }
                    return Optional.<Instant>empty();
                }
            }
        });
    }

    @Override
    public void delivered(String checkinId, Instant at) {
        db.transaction(c -> {
            try (PreparedStatement q = c.prepareStatement("UPDATE hospital_outbox SET delivered_at = ?,"
                    + " attempts = attempts + 1, last_problem = NULL WHERE checkin_id = ?")) {
                q.setLong(1, at.toEpochMilli());
                q.setString(2, checkinId);
                return q.executeUpdate();
            }
        });
    }

    @Override
    public void failed(String checkinId, int attempts, Instant next, String problem) {
        db.transaction(c -> {
            try (PreparedStatement q = c.prepareStatement("UPDATE hospital_outbox SET attempts = ?,"
                    + " next_attempt_at = ?, last_problem = ? WHERE checkin_id = ?")) {
                q.setInt(1, attempts);
                q.setLong(2, next.toEpochMilli());
                q.setString(3, problem == null ? null : problem.substring(0, Math.min(problem.length(), 200)));
                q.setString(4, checkinId);
                return q.executeUpdate();
            }
        });
    }

    @Override
    public int undelivered() {
        return db.transaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM hospital_outbox o JOIN hospital_checkin"
                    + " c ON c.id = o.checkin_id WHERE o.delivered_at IS NULL AND c.station = ?")) {
                q.setString(1, station);
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            }
        });
    }

    @Override
    public Optional<Instant> oldestUndelivered() {
        return db.transaction(c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT MIN(c.created_at) FROM hospital_outbox o JOIN"
                    + " hospital_checkin c ON c.id = o.checkin_id WHERE o.delivered_at IS NULL AND c.station = ?")) {
                q.setString(1, station);
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    long at = r.getLong(1);
                    return r.wasNull() ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(at));
                }
            }
        });
    }

    @Override
    public int eraseSubject(String idNumber) {
        return db.eraseSubject(idNumber).getOrDefault(TABLE.table(), 0);
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        return db.transaction(c -> {
            try (PreparedStatement q = c.prepareStatement("DELETE FROM hospital_checkin WHERE created_at < ?")) {
                q.setLong(1, cutoff.toEpochMilli());
                return q.executeUpdate();
            }
        });
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
            throw new StorageException(StorageException.Code.CORRUPT, "a stored check-in is damaged", e);
        }
    }

    @Override
    public void close() {
        // the database belongs to the application, which closes it
    }
}
