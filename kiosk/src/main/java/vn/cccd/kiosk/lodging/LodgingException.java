package vn.cccd.kiosk.lodging;

/** A register request that cannot be done; {@link #code()} is the stable word the API answers with. */
public final class LodgingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, with the HTTP status the API gives it. */
    public enum Kind {
        INVALID(400), NOT_FOUND(404), CONFLICT(409), UNUSABLE_CARD(422);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final String code;

    public LodgingException(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
