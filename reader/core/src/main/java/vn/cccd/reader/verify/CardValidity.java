package vn.cccd.reader.verify;

import java.time.LocalDate;

/**
 * What the card itself says about its validity, for judging its Document Signer certificate by the time it signed
 * (docs/PASSIVE-AUTHENTICATION.md): the issue date and the expiry date as read (DG13, DG12 or the MRZ).
 *
 * @param issueDate null when not known
 * @param expiryDate null for a card without expiry (a CCCD issued from age 58), or when not known
 * @param known false when nothing was available to the verifier (then neither date is used)
 */
public record CardValidity(LocalDate issueDate, LocalDate expiryDate, boolean known) {
    public static final CardValidity UNKNOWN = new CardValidity(null, null, false);

    /** From the contract's ISO dates (null or blank when absent); a date that does not parse counts as absent. */
    public static CardValidity of(String issueDate, String expiryDate) {
        return new CardValidity(parse(issueDate), parse(expiryDate), true);
    }

    private static LocalDate parse(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(iso.strip());
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** True when the card has an expiry date and it has passed. */
    public boolean expiredBefore(LocalDate today) {
        return known && expiryDate != null && expiryDate.isBefore(today);
    }
}
