package vn.cccd.reader.error;

/** BAC or PACE failed: almost always a wrong access key (MRZ data, CAN). CLI exit code 4. */
public final class AccessDeniedException extends ReaderException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }

    public AccessDeniedException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "ACCESS_DENIED";
    }
}
