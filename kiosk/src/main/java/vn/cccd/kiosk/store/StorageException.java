package vn.cccd.kiosk.store;

/**
 * The register storage cannot do what was asked. {@link #code()} says why in a stable word the API and the
 * start-up message use; the message is for people and never contains personal data.
 */
public final class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why storage failed. */
    public enum Code {
        /** No key could be read (file missing, environment variable unset). */
        NO_KEY,
        /** The key is not 32 bytes (base64, hex or raw). */
        BAD_KEY,
        /** The key does not open this database: it was written with another key. */
        WRONG_KEY,
        /** A stored value does not decrypt although the key is right: the database was altered. */
        CORRUPT,
        /** The database cannot be reached or opened. */
        UNAVAILABLE,
        /** The schema could not be brought up to date. */
        MIGRATION_FAILED,
        /** Another request holds the database for too long. */
        BUSY,
        /** A statement failed. */
        FAILED
    }

    private final Code code;

    public StorageException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public StorageException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
