package vn.cccd.reader.error;

/**
 * Root of every failure the reader reports. Subclasses split failures by cause so that callers
 * (CLI exit codes, kiosk messages) can react without parsing messages.
 */
public abstract class ReaderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected ReaderException(String message) {
        super(message);
    }

    protected ReaderException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A stable, machine-readable code (for JSON errors and the kiosk's read-failed event). */
    public abstract String code();
}
