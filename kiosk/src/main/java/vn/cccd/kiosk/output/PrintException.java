package vn.cccd.kiosk.output;

/** A print that did not happen; {@link #reason()} says why in a stable word the API answers with. */
public final class PrintException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the print failed. */
    public enum Reason {
        /** {@code print.command} is empty: the kiosk has no printer. */
        NO_PRINTER,
        /** The command could not be started (not installed), did not take the document, or exited non-zero. */
        PRINT_FAILED,
        /** The command did not finish in time. */
        PRINT_TIMEOUT
    }

    private final Reason reason;

    public PrintException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
