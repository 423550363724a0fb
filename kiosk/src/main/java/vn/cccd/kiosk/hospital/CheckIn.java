package vn.cccd.kiosk.hospital;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One patient's check-in at the kiosk.
 *
 * @param id random, unguessable reference ({@code [0-9a-f]{24}}, also a valid FHIR id)
 * @param day the local day the queue number belongs to
 * @param department the department's code
 * @param queueNumber the number in the department's queue of that day, from 1
 * @param createdAt when the check-in was stored
 * @param cardVerdict the card's verification verdict ({@code AUTHENTIC}, {@code NOT_AUTHENTIC}, {@code UNVERIFIED})
 * @param station the station (kiosk) where the patient checked in; it delivers the check-in to the HIS
 * @param patient the identity read from the card
 * @param bhyt the BHYT code the patient gave, or null
 * @param bhytCheck the BHXH gateway's check made at check-in, or null (a check-in older than the check)
 */
public record CheckIn(String id, LocalDate day, String department, int queueNumber, Instant createdAt,
        String cardVerdict, String station, Patient patient, BhytCode bhyt, BhytCheck bhytCheck) {
    public CheckIn {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(patient, "patient");
    }

    /** The card number for the ticket and the HIS: the gateway's when it returned one, else the patient's. */
    public String bhytCardNumber() {
        if (bhytCheck != null && bhytCheck.cardNumber() != null) {
            return bhytCheck.cardNumber();
        }
        return bhyt == null ? null : bhyt.value();
    }

    @Override
    public String toString() {
        return "CheckIn[" + id + ", " + department + " #" + queueNumber + ", redacted]";
    }
}
