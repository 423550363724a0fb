package vn.cccd.reader.error;

/** The card was removed, the reader vanished or the link stopped answering. CLI exit code 5. */
public final class CardLostException extends ReaderException {
    private static final long serialVersionUID = 1L;

    public CardLostException(String message) {
        super(message);
    }

    public CardLostException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "CARD_REMOVED";
    }
}
