package vn.cccd.kiosk.cards;

/** Where a session stands. */
public enum Phase {
    /** Started; the consent screen is shown. */
    CONSENT,
    /** Consent given; waiting for the ID number and date of birth (or the QR code). */
    KEY,
    /** Key known; waiting for the card on a reader. */
    CARD,
    /** Reading the chip. */
    READING,
    /** Read; the person works on a form. */
    READY
}
