package vn.cccd.kiosk.web.http;

import java.util.Map;

/**
 * A request the API refuses, answered as {@code {"code", "message"}} (plus {@code details} when given) with an HTTP
 * status. Codes are stable, messages are for people (English, the UI translates codes).
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;
    private final transient Map<String, ?> details;

    public ApiException(int status, String code, String message) {
        this(status, code, message, null);
    }

    public ApiException(int status, String code, String message, Map<String, ?> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "BAD_REQUEST", message);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "NOT_FOUND", what);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, ?> details() {
        return details;
    }
}
