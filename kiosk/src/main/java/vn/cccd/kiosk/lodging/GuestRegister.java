package vn.cccd.kiosk.lodging;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import vn.cccd.kiosk.config.LodgingSettings;
import vn.cccd.kiosk.store.Database;
import vn.cccd.reader.lds.Mrz;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.model.DocumentInfo;
import vn.cccd.reader.model.Person;

/**
 * The guest register's rules (Luật Cư trú Điều 30 as replaced by Luật 118/2025/QH15 from 01/07/2026; docs/LODGING.md):
 * who stays which night, what a card gives (date of birth, ID or passport number; never the old CMND number), the
 * notification deadlines (23:00, or 08:00 the next day) and the reminder. Records are kept by a {@link GuestStore}
 * (durably, personal fields encrypted: {@link JdbcGuestStore}), listed per night, exported for the police
 * notification, checked out, deleted, and purged after the retention period.
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

    /** The day the thẻ Căn cước (Luật Căn cước 2023) replaced the CCCD card: cards issued from then on are "8". */
    static final LocalDate CAN_CUOC_FROM = LocalDate.of(2024, 7, 1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final GuestStore store;
    private final LodgingSettings lodging;
    private final String station;
    private final Clock clock;

    /** The register in the database: brings its schema up to date and registers its table (retention, requests). */
    public GuestRegister(Database db, LodgingSettings lodging, String station, Clock clock) {
        this(new JdbcGuestStore(db, clock.getZone()), lodging, station, clock);
    }

    public GuestRegister(GuestStore store, LodgingSettings lodging, String station, Clock clock) {
        this.store = store;
        this.lodging = lodging;
        this.station = station;
        this.clock = clock;
    }

    public GuestStore store() {
        return store;
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
        String verification = card.verification() == null || card.verification().overall() == null ? "UNVERIFIED"
                : card.verification().overall().name();
        return store.add(new GuestStore.NewGuest(newId(), who, stay.reason(), stay.room(), minutes(stay.arrival()),
                firstNight, stay.departure(), lodging.address(), verification, station, clock.instant()));
    }

    private static String minutes(LocalDateTime t) {
        return t.truncatedTo(ChronoUnit.MINUTES).toString().substring(0, 16);
    }

    /** The night an arrival at {@code t} begins: before {@link #NIGHT_STARTS} it is the previous day's. */
    public static LocalDate nightOf(LocalDateTime t) {
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

    /** The guests staying the night of {@code night}, by room and arrival. */
    public List<Guest> night(LocalDate night) {
        return store.night(night);
    }

    public Optional<Guest> get(String id) {
        return store.find(id);
    }

    /**
     * Checks the guest out now; the retention period counts from then.
     *
     * @throws LodgingException {@code NOT_FOUND}, or {@code CONFLICT} when already checked out
     */
    public Guest checkout(String id) {
        LocalDateTime now = LocalDateTime.now(clock);
        // the first night not stayed: leaving on day D (even at 02:00) ends the night of D-1
        if (!store.checkout(id, minutes(now), now.toLocalDate(), clock.instant())) {
            Guest g = store.find(id).orElseThrow(() -> notFound(id));
            throw new LodgingException(LodgingException.Kind.CONFLICT, "ALREADY_CHECKED_OUT",
                    "the guest checked out at " + g.checkedOutAt());
        }
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    /** Deletes a record (registered by mistake); false when there is none. */
    public boolean delete(String id) {
        return store.delete(id);
    }

    /** Marks these guests as notified (their export in the portal's template); returns how many were not yet. */
    public int markNotified(List<String> ids) {
        return store.markNotified(ids, clock.instant());
    }

    /** Marks every not yet notified guest of the night as notified (exported or declared on VNeID); returns how many. */
    public int markNotified(LocalDate night) {
        return store.markNotified(night, clock.instant());
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
