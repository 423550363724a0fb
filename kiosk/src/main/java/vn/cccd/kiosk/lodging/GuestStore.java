package vn.cccd.kiosk.lodging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where the guest register is kept. Every change returns only after it is durably stored (a registration answered
 * {@code 201} survives a crash). The lodging rules (which night, deadlines, reminders, what a card gives) are in
 * {@link GuestRegister}; the store only keeps, finds and changes records, atomically where a rule needs it.
 */
public interface GuestStore {

    /** A guest record to add: what the register decided from the card and the stay. */
    record NewGuest(String id, GuestRegister.Identity who, String reason, String room,
            String arrival, LocalDate firstNight, LocalDate departure, String stayAddress, String verification,
            String station, Instant createdAt) {
        @Override
        public String toString() {
            return "NewGuest[" + id + ", redacted]";
        }
    }

    /**
     * Adds the guest unless the same person (same ID or document number) has a stay overlapping
     * {@code [firstNight, departure)}, checked in the same transaction as the insert.
     *
     * @throws LodgingException {@code CONFLICT} for an overlapping stay
     */
    Guest add(NewGuest guest);

    /** The guests staying the night of {@code night}, by room and arrival. */
    List<Guest> night(LocalDate night);

    Optional<Guest> find(String id);

    /**
     * Checks the guest out at {@code at} (local minutes {@code checkedOutAt}; {@code checkoutDate} is the first night
     * not stayed) unless already checked out; false when there is no such guest still checked in.
     */
    boolean checkout(String id, String checkedOutAt, LocalDate checkoutDate, Instant at);

    /** Deletes a record; false when there is none. */
    boolean delete(String id);

    /** Marks these guests notified at {@code at}; returns how many were not yet. */
    int markNotified(List<String> ids, Instant at);

    /** Marks every not yet notified guest of the night notified at {@code at}; returns how many. */
    int markNotified(LocalDate night, Instant at);
}
