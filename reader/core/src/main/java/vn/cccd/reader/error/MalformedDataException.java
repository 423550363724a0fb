package vn.cccd.reader.error;

/** The card or a file gave bytes that do not parse (bad TLV, bad lengths, bad MAC structure). CLI exit code 6. */
public final class MalformedDataException extends ReaderException {
    private static final long serialVersionUID = 1L;

    public MalformedDataException(String message) {
        super(message);
    }

    public MalformedDataException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "MALFORMED_DATA";
    }
}
