package vn.cccd.kiosk.config;

import java.util.Locale;

/**
 * What the kiosk is set up for ({@code kiosk.mode}). Each mode has its audience of forms and its own screens after
 * the card read; a mode whose flow this build does not have is refused at start.
 */
public enum Mode {
    /** Bộ phận Một cửa: a citizen pre-fills a procedure form. */
    CITIZEN("citizen", true),
    /** Hospital reception: check-in with the card instead of the BHYT card, queue ticket, FHIR export. */
    HOSPITAL("hospital", true),
    /** Lodging (guest register, thông báo lưu trú): staff register each guest from the card. */
    LODGING("lodging", true);

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

    /** Whether the mode keeps records in the register database ({@code storage.*}). */
    public boolean storesRecords() {
        return this != CITIZEN;
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
