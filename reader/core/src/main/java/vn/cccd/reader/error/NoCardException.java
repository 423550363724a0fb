package vn.cccd.reader.error;

/**
 * There is no reader to use (none connected, none by that name, the PC/SC service is down) or no card on it.
 * CLI exit code 3.
 */
public final class NoCardException extends ReaderException {
    private static final long serialVersionUID = 1L;

    private final boolean noReader;

    private NoCardException(String message, boolean noReader, Throwable cause) {
        super(message, cause);
        this.noReader = noReader;
    }

    public static NoCardException noReader(String message, Throwable cause) {
        return new NoCardException(message, true, cause);
    }

    public static NoCardException noCard(String message) {
        return new NoCardException(message, false, null);
    }

    @Override
    public String code() {
        return noReader ? "NO_READER" : "NO_CARD";
    }
}
