package vn.cccd.kiosk.lodging;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import vn.cccd.kiosk.config.LodgingSettings;
import vn.cccd.kiosk.store.Database;
import vn.cccd.kiosk.store.FieldCipher;
import vn.cccd.kiosk.store.PersonalTable;
import vn.cccd.reader.lds.Mrz;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.model.DocumentInfo;
import vn.cccd.reader.model.Person;

/**
 * The guest register of a lodging establishment: who stays which night, kept durably (a registration returns only
 * after its commit is on disk) with personal fields encrypted ({@link FieldCipher}), listed per night, exported for
 * the police notification, checked out, deleted, and purged after the retention period.
 *
 * <p>A guest stays the night of date D when the first night is on or before D, the expected departure is after D
 * and the guest had not checked out on or before D. The current night changes at {@link #NIGHT_STARTS} local time:
 * at 02:00 the guests who arrived yesterday evening are still "tonight's".
 */
public final class GuestRegister {
    /** Before this hour, "tonight" is the night that began the day before. */
    public static final LocalTime NIGHT_STARTS = LocalTime.of(6, 0);
    /** The police must be notified before 23:00 of the day of arrival (before 08:00 the next day after that). */
    public static final LocalTime NOTIFY_BEFORE = LocalTime.of(23, 0);
    static final LocalTime LATE_DEADLINE = LocalTime.of(8, 0);
    static final int MAX_NIGHTS = 366;
    static final String VIETNAM_CODE = "VNM";
    static final String VIETNAM_NAME = "Việt Nam";

    static final PersonalTable TABLE = new PersonalTable("lodging_guest",
            "Sổ lưu trú: khách lưu trú / Lodging register: guest stay", "id", "subject_hash", "retain_from",
            List.of("full_name", "date_of_birth", "document_type", "document_number", "nationality", "reason", "room",
                    "arrival", "departure", "checked_out_at", "stay_address", "sex", "residence"),
            Set.of("full_name", "date_of_birth", "document_number", "nationality", "reason", "sex", "residence"));
    private static final String COLUMNS = "id, full_name, date_of_birth, document_type, document_number, nationality,"
            + " foreign_guest, reason, room, arrival, departure, checked_out_at, stay_address, verification, notified_at,"
            + " sex, residence, card_kind";
    /** The day the thẻ Căn cước (Luật Căn cước 2023) replaced the CCCD card: cards issued from then on are "8". */
    static final LocalDate CAN_CUOC_FROM = LocalDate.of(2024, 7, 1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final FieldCipher cipher;
    private final LodgingSettings lodging;
    private final String station;
    private final Clock clock;

    /** Brings the register's schema up to date and registers its table for retention and data-subject requests. */
    public GuestRegister(Database db, LodgingSettings lodging, String station, Clock clock) {
        this.db = db;
        this.cipher = db.cipher();
        this.lodging = lodging;
        this.station = station;
        this.clock = clock;
        db.migrate("lodging");
        db.register(TABLE);
    }

    /** What the staff add to the card: room, reason, arrival and expected departure. */
    public record Stay(String room, String reason, LocalDateTime arrival, LocalDate departure) {
    }

    /** The night that is "tonight" now. */
    public LocalDate currentNight() {
        LocalDateTime now = LocalDateTime.now(clock);
        return now.toLocalTime().isBefore(NIGHT_STARTS) ? now.toLocalDate().minusDays(1) : now.toLocalDate();
    }

    /**
     * Registers the holder of {@code card} for {@code stay}; returns only once the record is committed durably.
     *
     * @throws LodgingException {@code INVALID} for a bad stay, {@code UNUSABLE_CARD} when the card lacks the name
     *     or number, {@code CONFLICT} when the same person is already registered for an overlapping stay
     */
    public Guest register(CardReadResult card, Stay stay) {
        Identity who = identity(card);
        checkStay(stay);
        LocalDate firstNight = nightOf(stay.arrival());
        if (!stay.departure().isAfter(firstNight)) {
            throw new LodgingException(LodgingException.Kind.INVALID, "NOT_OVERNIGHT",
                    "the departure must be after the first night (" + firstNight + ")");
        }
        String id = newId();
        String hash = cipher.subjectHash(who.number());
        String verification = card.verification() == null || card.verification().overall() == null ? "UNVERIFIED"
                : card.verification().overall().name();
        long now = clock.millis();
        return db.transaction(c -> {
            String existing = overlapping(c, hash, firstNight, stay.departure());
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
                p.setString(i++, enc(stay.reason(), "reason", id));
                p.setString(i++, stay.room());
                p.setString(i++, minutes(stay.arrival()));
                p.setString(i++, firstNight.toString());
                p.setString(i++, stay.departure().toString());
                p.setString(i++, lodging.address());
                p.setString(i++, verification);
                p.setString(i++, station);
                p.setLong(i++, now);
                p.setLong(i++, startOf(stay.departure()));
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

    private static String minutes(LocalDateTime t) {
        return t.truncatedTo(ChronoUnit.MINUTES).toString().substring(0, 16);
    }

    private long startOf(LocalDate d) {
        return d.atStartOfDay(clock.getZone()).toInstant().toEpochMilli();
    }

    /** The night an arrival at {@code t} begins: before {@link #NIGHT_STARTS} it is the previous day's. */
    static LocalDate nightOf(LocalDateTime t) {
        return t.toLocalTime().isBefore(NIGHT_STARTS) ? t.toLocalDate().minusDays(1) : t.toLocalDate();
    }

    private void checkStay(Stay s) {
        if (s.room() == null || s.room().isBlank() || s.room().length() > 20) {
            throw new LodgingException(LodgingException.Kind.INVALID, "INVALID_ROOM", "room: 1 to 20 characters");
        }
        if (s.reason() == null || s.reason().isBlank() || s.reason().length() > 200) {
            throw new LodgingException(LodgingException.Kind.INVALID, "INVALID_REASON", "reason: 1 to 200 characters");
        }
        LocalDate today = LocalDate.now(clock);
        if (s.arrival().toLocalDate().isBefore(today.minusDays(30)) || s.arrival().toLocalDate().isAfter(today.plusDays(1))) {
            throw new LodgingException(LodgingException.Kind.INVALID, "INVALID_ARRIVAL",
                    "the arrival must be between 30 days ago and tomorrow");
        }
        if (s.departure().isAfter(s.arrival().toLocalDate().plusDays(MAX_NIGHTS))) {
            throw new LodgingException(LodgingException.Kind.INVALID, "INVALID_DEPARTURE",
                    "a stay is at most " + MAX_NIGHTS + " nights");
        }
    }

    /** What the register keeps from a card. */
    record Identity(String documentType, String number, String fullName, String dateOfBirth, String nationality,
            boolean foreign, String sex, String residence, String cardKind) {
    }

    /**
     * The guest's identity from the card: a CCCD gives the 12-digit number and "Việt Nam"; a foreign passport or ID
     * card gives the document number and the nationality code of its MRZ.
     */
    static Identity identity(CardReadResult card) {
        if (card == null || card.person() == null || card.document() == null) {
            throw new LodgingException(LodgingException.Kind.UNUSABLE_CARD, "NO_CARD", "no card has been read");
        }
        Person p = card.person();
        DocumentInfo d = card.document();
        if (p.fullName() == null || p.fullName().isBlank()) {
            throw new LodgingException(LodgingException.Kind.UNUSABLE_CARD, "NO_NAME", "the card gives no name");
        }
        String code = mrzNationality(d.mrz());
        String type = d.type() == null ? DocumentInfo.CCCD : d.type();
        boolean vietnamese = DocumentInfo.CCCD.equals(type)
                || (code == null ? VIETNAM_CODE.equals(d.issuingState()) : VIETNAM_CODE.equals(code));
        String number;
        String nationality;
        if (DocumentInfo.CCCD.equals(type)) {
            number = p.idNumber() != null ? p.idNumber() : d.documentNumber();
            nationality = p.nationality() != null ? p.nationality() : VIETNAM_NAME;
        } else {
            number = d.documentNumber();
            nationality = vietnamese ? VIETNAM_NAME : code != null ? code : p.nationality();
        }
        if (number == null || number.isBlank()) {
            throw new LodgingException(LodgingException.Kind.UNUSABLE_CARD, "NO_NUMBER",
                    "the card gives no ID or document number");
        }
        String kind = null;
        if (DocumentInfo.CCCD.equals(type)) {
            // the CapyInn heuristic (integrations-2026.md C3): unconfirmed for cards issued around the change-over
            kind = p.issueDate() != null && p.issueDate().length() >= 10
                    && !LocalDate.parse(p.issueDate().substring(0, 10)).isBefore(CAN_CUOC_FROM) ? "CAN_CUOC" : "CCCD";
        }
        return new Identity(type, number.strip().toUpperCase(Locale.ROOT), p.fullName(), p.dateOfBirth(), nationality,
                !vietnamese, sex(p.sex()), blankToNull(p.placeOfResidence()), kind);
    }

    /** "Nam"/"M" to M, "Nữ"/"F" to F; anything else (an MRZ "X", nothing) is unknown. */
    static String sex(String s) {
        if (s == null) {
            return null;
        }
        return switch (s.strip().toUpperCase(Locale.ROOT)) {
            case "NAM", "M", "MALE" -> "M";
            case "NỮ", "F", "FEMALE" -> "F";
            default -> null;
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The holder's nationality code in the MRZ (TD1: line 2, TD3: line 2), or null when there is none. */
    static String mrzNationality(String mrz) {
        if (mrz == null || mrz.isBlank()) {
            return null;
        }
        try {
            String n = Mrz.parse(mrz).nationality().replace("<", "").strip();
            return n.isEmpty() ? null : n;
        } catch (RuntimeException e) {
            return null;
        }
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

    /** The guests staying the night of {@code night}, by room and arrival. */
    public List<Guest> night(LocalDate night) {
        return db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM lodging_guest"
                    + " WHERE arrival_date <= ? AND departure > ? AND (checkout_date IS NULL OR checkout_date > ?)"
                    + " ORDER BY room, arrival, id")) {
                String d = night.toString();
                p.setString(1, d);
                p.setString(2, d);
                p.setString(3, d);
                return list(p);
            }
        });
    }

    public Optional<Guest> get(String id) {
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

    /**
     * Checks the guest out now; the retention period counts from then.
     *
     * @throws LodgingException {@code NOT_FOUND}, or {@code CONFLICT} when already checked out
     */
    public Guest checkout(String id) {
        LocalDateTime now = LocalDateTime.now(clock);
        return db.transaction(c -> {
            Guest g = read(c, id).orElseThrow(() -> notFound(id));
            if (g.checkedOutAt() != null) {
                throw new LodgingException(LodgingException.Kind.CONFLICT, "ALREADY_CHECKED_OUT",
                        "the guest checked out at " + g.checkedOutAt());
            }
            try (PreparedStatement p = c.prepareStatement("UPDATE lodging_guest SET checked_out_at = ?,"
                    + " checkout_date = ?, retain_from = ? WHERE id = ?")) {
                p.setString(1, minutes(now));
                // the first night not stayed: leaving on day D (even at 02:00) ends the night of D-1
                p.setString(2, now.toLocalDate().toString());
                p.setLong(3, clock.millis());
                p.setString(4, id);
                p.executeUpdate();
            }
            return read(c, id).orElseThrow();
        });
    }

    /** Deletes a record (registered by mistake); false when there is none. */
    public boolean delete(String id) {
        return db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM lodging_guest WHERE id = ?")) {
                p.setString(1, id);
                return p.executeUpdate() > 0;
            }
        });
    }

    /** Marks these guests as notified (their export in the portal's template); returns how many were not yet. */
    public int markNotified(List<String> ids) {
        long now = clock.millis();
        return db.transaction(c -> {
            int n = 0;
            try (PreparedStatement p = c.prepareStatement("UPDATE lodging_guest SET notified_at = ?"
                    + " WHERE notified_at IS NULL AND id = ?")) {
                for (String id : ids) {
                    p.setLong(1, now);
                    p.setString(2, id);
                    n += p.executeUpdate();
                }
            }
            return n;
        });
    }

    /** Marks every not yet notified guest of the night as notified (exported or declared on VNeID); returns how many. */
    public int markNotified(LocalDate night) {
        long now = clock.millis();
        return db.transaction(c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE lodging_guest SET notified_at = ?"
                    + " WHERE notified_at IS NULL AND arrival_date <= ? AND departure > ?"
                    + " AND (checkout_date IS NULL OR checkout_date > ?)")) {
                p.setLong(1, now);
                String d = night.toString();
                p.setString(2, d);
                p.setString(3, d);
                p.setString(4, d);
                return p.executeUpdate();
            }
        });
    }

    /**
     * The reminder for a night: how many of its guests are not yet notified (and how many of them are foreign,
     * for NA17), the earliest deadline among them, and whether it has passed.
     */
    public record Reminder(String night, int guests, int notNotified, int foreignNotNotified, String deadline,
            boolean overdue) {
    }

    public Reminder reminder(LocalDate night) {
        return reminder(night, night(night));
    }

    public Reminder reminder(LocalDate night, List<Guest> guests) {
        int pending = 0;
        int foreign = 0;
        ZonedDateTime earliest = null;
        for (Guest g : guests) {
            if (g.notifiedAt() != null) {
                continue;
            }
            pending++;
            if (g.foreign()) {
                foreign++;
            }
            ZonedDateTime due = deadline(LocalDateTime.parse(g.arrival())).atZone(clock.getZone());
            if (earliest == null || due.isBefore(earliest)) {
                earliest = due;
            }
        }
        boolean overdue = earliest != null && !ZonedDateTime.now(clock).isBefore(earliest);
        return new Reminder(night.toString(), guests.size(), pending, foreign,
                earliest == null ? null : earliest.toLocalDateTime().toString(), overdue);
    }

    /** Before 23:00 of the arrival day; an arrival at or after 23:00 (or in the small hours) before 08:00 next. */
    static LocalDateTime deadline(LocalDateTime arrival) {
        LocalDate night = nightOf(arrival);
        if (arrival.toLocalDate().equals(night) && arrival.toLocalTime().isBefore(NOTIFY_BEFORE)) {
            return night.atTime(NOTIFY_BEFORE);
        }
        return night.plusDays(1).atTime(LATE_DEADLINE);
    }

    public LodgingSettings lodging() {
        return lodging;
    }

    private static LodgingException notFound(String id) {
        return new LodgingException(LodgingException.Kind.NOT_FOUND, "NO_GUEST", "no guest record " + id);
    }

    private static String newId() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
