package vn.cccd.kiosk.hospital;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where check-ins and the webhook outbox are kept. Every method returns only after the change is durably stored:
 * a check-in answered {@code 201} survives a crash, and so does its pending delivery to the hospital system.
 */
public interface CheckinStore extends AutoCloseable {

    /** What a new check-in is made of; the store gives it its queue number. */
    record NewCheckIn(String id, LocalDate day, String department, Instant createdAt, String cardVerdict,
            String station, Patient patient, BhytCode bhyt, boolean deliver, BhytCheck bhytCheck) {
        @Override
        public String toString() {
            return "NewCheckIn[" + id + ", " + department + ", redacted]";
        }
    }

    /**
     * Stores a check-in with the next queue number of its department and day, and (when {@code deliver}) its entry in
     * the outbox, in one transaction.
     */
    CheckIn add(NewCheckIn checkIn);

    Optional<CheckIn> find(String id);

    /** A delivery still to make. */
    record Pending(String checkinId, int attempts, Instant nextAttempt) {
    }

    /**
     * Deliveries of this station's check-ins due at {@code now}, oldest first. Each station delivers its own, so
     * that stations sharing a PostgreSQL database do not send the same check-in side by side.
     */
    List<Pending> due(Instant now, int limit);

    /** The earliest next attempt of an undelivered check-in of this station, if any. */
    Optional<Instant> nextDue();

    /** The hospital system has the check-in. */
    void delivered(String checkinId, Instant at);

    /** An attempt failed; the next one is at {@code next}. {@code problem} holds no personal data. */
    void failed(String checkinId, int attempts, Instant next, String problem);

    /** How many check-ins of this station are not yet delivered. */
    int undelivered();

    /** When the oldest check-in of this station still waiting for delivery was made, if any. */
    Optional<Instant> oldestUndelivered();

    /** Erases every check-in whose patient has this ID number; returns how many. */
    int eraseSubject(String idNumber);

    /** Check-ins of this ID number (data-subject access), newest first. */
    List<CheckIn> findBySubject(String idNumber);

    /** Deletes check-ins created before {@code cutoff}; returns how many. */
    int purgeBefore(Instant cutoff);

    @Override
    void close();
}
