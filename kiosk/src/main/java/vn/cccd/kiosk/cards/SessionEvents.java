package vn.cccd.kiosk.cards;

/**
 * Where the card service announces what happens (the kiosk's Server-Sent Events). Event names and data are those
 * of the public contract ({@code reader}, {@code card-inserted}, {@code read-progress}, {@code read-complete},
 * {@code read-failed}, {@code card-removed}, {@code session-cleared}) plus {@code session-state} and
 * {@code idle-warning}. Data never holds personal data: the UI fetches that from {@code GET /api/session}.
 */
@FunctionalInterface
public interface SessionEvents {
    SessionEvents NONE = (name, data) -> { };

    /** Must not block. */
    void emit(String name, Object data);
}
