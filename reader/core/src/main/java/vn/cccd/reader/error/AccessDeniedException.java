package vn.cccd.reader.error;

import java.util.List;
import vn.cccd.reader.model.AccessAttempt;

/** BAC or PACE failed: almost always a wrong access key (MRZ data, CAN). CLI exit code 4. */
public final class AccessDeniedException extends ReaderException {
    private static final long serialVersionUID = 1L;

    private final transient List<AccessAttempt> attempts;

    public AccessDeniedException(String message) {
        this(message, null, List.of());
    }

    public AccessDeniedException(String message, Throwable cause) {
        this(message, cause, List.of());
    }

    /** With the access-control steps that were tried (never a key value). */
    public AccessDeniedException(String message, Throwable cause, List<AccessAttempt> attempts) {
        super(message, cause);
        this.attempts = List.copyOf(attempts);
    }

    /** The access-control steps tried before giving up, in order; empty when not known. */
    public List<AccessAttempt> attempts() {
        return attempts == null ? List.of() : attempts;
    }

    @Override
    public String code() {
        return "ACCESS_DENIED";
    }
}
