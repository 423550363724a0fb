package vn.cccd.reader.crypto;

/**
 * A JCE failure that cannot be caused by input (a missing algorithm or a key of the wrong size passed by our
 * own code). Input problems are reported by callers as {@link vn.cccd.reader.error.MalformedDataException}.
 */
public final class CryptoFailure extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public CryptoFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
