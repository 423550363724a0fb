package vn.cccd.kiosk.config;

import java.util.Locale;

/**
 * What the kiosk is set up for. Each mode has its audience of forms and its own flow after the card read;
 * the lodging flow is planned.
 */
public enum Mode {
    /** Bộ phận Một cửa: a citizen pre-fills a procedure form. */
    CITIZEN("citizen", true),
    /** Hospital reception: check-in with the card instead of the BHYT card, queue ticket, FHIR export. */
    HOSPITAL("hospital", true),
    /** Lodging (guest register, thông báo lưu trú): planned. */
    LODGING("lodging", false);

    private final String id;
    private final boolean available;

    Mode(String id, boolean available) {
        this.id = id;
        this.available = available;
    }

    /** The name used in configuration and in form definitions' {@code audience}. */
    public String id() {
        return id;
    }

    /** Whether this build has the flow for the mode. */
    public boolean available() {
        return available;
    }

    /** @throws IllegalArgumentException naming the known modes */
    public static Mode parse(String s) {
        String wanted = s.strip().toLowerCase(Locale.ROOT);
        for (Mode m : values()) {
            if (m.id.equals(wanted)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + s + "' (known: citizen, hospital, lodging)");
    }
}
