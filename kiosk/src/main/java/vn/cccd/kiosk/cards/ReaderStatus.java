package vn.cccd.kiosk.cards;

/** A card reader and whether a card is on it (the {@code readers} of {@code GET /api/health}). */
public record ReaderStatus(String name, boolean cardPresent) {
}
