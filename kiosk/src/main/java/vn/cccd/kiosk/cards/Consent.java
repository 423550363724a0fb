package vn.cccd.kiosk.cards;

import java.time.Instant;

/**
 * A person's consent, as given on the consent screen.
 *
 * @param textVersion the version of the consent text shown (kept in the processing log)
 * @param lang the language it was shown in
 * @param purpose what the data is read for, e.g. {@code prefill-forms}
 */
public record Consent(String textVersion, String lang, String purpose, Instant at) {
}
