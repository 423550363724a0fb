package vn.cccd.kiosk.server;

import vn.cccd.kiosk.web.http.ApiException;

/** Required text fields of request bodies, bounded in length. */
final class Fields {
    private Fields() {
    }

    /** The value stripped, or 400 BAD_REQUEST naming the field when it is missing, blank or longer than max. */
    static String text(String v, String name, int max) {
        if (v == null || v.isBlank()) {
            throw ApiException.badRequest(name + " is required");
        }
        if (v.length() > max) {
            throw ApiException.badRequest(name + " is longer than " + max + " characters");
        }
        return v.strip();
    }
}
