package vn.cccd.reader.error;

/** The reader or PC/SC stack failed for a reason other than card removal (no reader, no service). CLI exit code 3. */
public final class TransportException extends ReaderException {
    private static final long serialVersionUID = 1L;

    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "NO_READER_OR_CARD";
    }
}
