package vn.cccd.kiosk.lodging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.cccd.kiosk.store.Database;
import vn.cccd.kiosk.store.FieldCipher;
import vn.cccd.kiosk.store.PersonalTable;

/**
 * The guest register in the register {@link Database} (SQLite or PostgreSQL; migration module {@code lodging}).
 * Personal fields are encrypted with the database's {@link FieldCipher}, bound to their row; the ID number is also
 * kept as its keyed hash so that the data-subject endpoints find a guest's records. {@code lodging_guest} is
 * registered as a {@link PersonalTable}; its retention counts from the departure, or from the checkout.
 */
public final class JdbcGuestStore implements GuestStore {
    public static final String MODULE = "lodging";
    static final PersonalTable TABLE = new PersonalTable("lodging_guest",
            "Sổ lưu trú: khách lưu trú / Lodging register: guest stay", "id", "subject_hash", "retain_from",
            List.of("full_name", "date_of_birth", "document_type", "document_number", "nationality", "reason", "room",
                    "arrival", "departure", "checked_out_at", "stay_address", "sex", "residence"),
            Set.of("full_name", "date_of_birth", "document_number", "nationality", "reason", "sex", "residence"));
    private static final String COLUMNS = "id, full_name, date_of_birth, document_type, document_number, nationality,"
            + " foreign_guest, reason, room, arrival, departure, checked_out_at, stay_address, verification, notified_at,"
            + " sex, residence, card_kind";
    /** A guest stays the night of D: arrived on or before D, leaves after D, not checked out on or before D. */
    private static final String STAYS = "arrival_date <= ? AND departure > ? AND (checkout_date IS NULL OR checkout_date > ?)";

    private final Database db;
    private final FieldCipher cipher;
    private final ZoneId zone;

    /** Brings the register's schema up to date and registers its table for retention and data-subject requests. */
    public JdbcGuestStore(Database db, ZoneId zone) {
        this.db = db;
        this.cipher = db.cipher();
        this.zone = zone;
        db.migrate(MODULE);
        db.register(TABLE);
    }

    @Override
    public Guest add(NewGuest n) {
        GuestRegister.Identity who = n.who();
        String id = n.id();
        String hash = cipher.subjectHash(who.number());
        return db.transaction(c -> {
            String existing = overlapping(c, hash, n.firstNight(), n.departure());
            if (existing != null) {
                throw new LodgingException(LodgingException.Kind.CONFLICT, "ALREADY_REGISTERED",
                        "this guest is already registered for an overlapping stay (" + existing + ")");
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO lodging_guest (id, subject_hash,"
                    + " document_type, foreign_guest, full_name, date_of_birth, document_number, nationality, reason,"
                    + " room, arrival, arrival_date, departure, stay_address, verification, station, created_at,"
                    + " retain_from, sex, residence, card_kind)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int i = 1;
                p.setString(i++, id);
                p.setString(i++, hash);
                p.setString(i++, who.documentType());
                p.setInt(i++, who.foreign() ? 1 : 0);
                p.setString(i++, enc(who.fullName(), "full_name", id));
                p.setString(i++, enc(who.dateOfBirth(), "date_of_birth", id));
                p.setString(i++, enc(who.number(), "document_number", id));
                p.setString(i++, enc(who.nationality(), "nationality", id));
                p.setString(i++, enc(n.reason(), "reason", id));
                p.setString(i++, n.room());
                p.setString(i++, n.arrival());
                p.setString(i++, n.firstNight().toString());
                p.setString(i++, n.departure().toString());
                p.setString(i++, n.stayAddress());
                p.setString(i++, n.verification());
                p.setString(i++, n.station());
                p.setLong(i++, n.createdAt().toEpochMilli());
                // retention counts from the expected departure until a checkout moves it
                p.setLong(i++, n.departure().atStartOfDay(zone).toInstant().toEpochMilli());
                p.setString(i++, enc(who.sex(), "sex", id));
                p.setString(i++, enc(who.residence(), "residence", id));
                p.setString(i, who.cardKind());
                p.executeUpdate();
            }
            return read(c, id).orElseThrow();
        });
    }

    private String enc(String value, String column, String id) {
        return cipher.encrypt(value, TABLE.context(column, id));
    }

    private static String overlapping(Connection c, String hash, LocalDate first, LocalDate departure)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM lodging_guest WHERE subject_hash = ?"
                + " AND arrival_date < ? AND departure > ? AND (checkout_date IS NULL OR checkout_date > ?)")) {
            p.setString(1, hash);
            p.setString(2, departure.toString());
            p.setString(3, first.toString());
            p.setString(4, first.toString());
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    @Override
    public List<Guest> night(LocalDate night) {
        return db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM lodging_guest WHERE " + STAYS
                    + " ORDER BY room, arrival, id")) {
                String d = night.toString();
                p.setString(1, d);
                p.setString(2, d);
                p.setString(3, d);
                return list(p);
            }
        });
    }

    @Override
    public Optional<Guest> find(String id) {
        return db.transaction(c -> read(c, id));
    }

    private Optional<Guest> read(Connection c, String id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM lodging_guest WHERE id = ?")) {
            p.setString(1, id);
            List<Guest> l = list(p);
            return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
        }
    }

    private List<Guest> list(PreparedStatement p) throws SQLException {
        List<Guest> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
                String id = r.getString("id");
                long notified = r.getLong("notified_at");
                boolean notifiedNull = r.wasNull();
                out.add(new Guest(id, dec(r, "full_name", id), dec(r, "date_of_birth", id), r.getString("document_type"),
                        dec(r, "document_number", id), dec(r, "nationality", id), r.getInt("foreign_guest") == 1,
                        dec(r, "reason", id), r.getString("room"), r.getString("arrival"), r.getString("departure"),
                        r.getString("checked_out_at"), r.getString("stay_address"), r.getString("verification"),
                        notifiedNull ? null : Instant.ofEpochMilli(notified).toString(), dec(r, "sex", id),
                        dec(r, "residence", id), r.getString("card_kind")));
            }
        }
        return out;
    }

    private String dec(ResultSet r, String column, String id) throws SQLException {
        return cipher.decrypt(r.getString(column), TABLE.context(column, id));
    }

    @Override
    public boolean checkout(String id, String checkedOutAt, LocalDate checkoutDate, Instant at) {
        return db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE lodging_guest SET checked_out_at = ?,"
                    + " checkout_date = ?, retain_from = ? WHERE id = ? AND checked_out_at IS NULL")) {
                p.setString(1, checkedOutAt);
                p.setString(2, checkoutDate.toString());
                p.setLong(3, at.toEpochMilli());
                p.setString(4, id);
                return p.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean delete(String id) {
        return db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM lodging_guest WHERE id = ?")) {
                p.setString(1, id);
                return p.executeUpdate() > 0;
            }
        });
    }

    @Override
    public int markNotified(List<String> ids, Instant at) {
        return db.transaction(c -> {
            int n = 0;
            try (PreparedStatement p = c.prepareStatement("UPDATE lodging_guest SET notified_at = ?"
                    + " WHERE notified_at IS NULL AND id = ?")) {
                for (String id : ids) {
                    p.setLong(1, at.toEpochMilli());
                    p.setString(2, id);
                    n += p.executeUpdate();
                }
            }
            return n;
        });
    }

    @Override
    public int markNotified(LocalDate night, Instant at) {
        return db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE lodging_guest SET notified_at = ?"
                    + " WHERE notified_at IS NULL AND " + STAYS)) {
                p.setLong(1, at.toEpochMilli());
                String d = night.toString();
                p.setString(2, d);
                p.setString(3, d);
                p.setString(4, d);
                return p.executeUpdate();
            }
        });
    }
}
