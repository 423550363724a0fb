package vn.cccd.kiosk.web.http;

/**
 * Turns a domain failure that a route let through (a session step out of order, a form to correct, ...) into the
 * API's answer. The kiosk gives one such mapping to {@link ApiHandler}, so that a domain error has the same status
 * and code on every route.
 */
@FunctionalInterface
public interface ErrorMapping {
    /** The API error for {@code failure}, or null when it is not a known domain failure (then: 500 INTERNAL). */
    ApiException map(Exception failure);

    /** Maps nothing: every exception other than {@link ApiException} is a 500. */
    static ErrorMapping none() {
        return e -> null;
    }
}
