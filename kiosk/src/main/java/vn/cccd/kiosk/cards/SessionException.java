package vn.cccd.kiosk.cards;

/** A session operation that does not fit the session's state (no consent yet, no card read, ...). */
public final class SessionException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;

    public SessionException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** Stable machine-readable code, e.g. {@code NO_SESSION}, {@code NO_CONSENT}, {@code NO_CARD}. */
    public String code() {
        return code;
    }
}
