package vn.cccd.reader.verify;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Judges a Document Signer certificate's validity dates as ICAO's PKI intends (the chain model,
 * docs/PASSIVE-AUTHENTICATION.md): the DS must have been valid when it signed the SOD, not necessarily today. A
 * Vietnamese card issued from age 58 has no expiry and others run to the next age threshold, so cards outlive the
 * DS certificate that signed them; an expired DS on a card that is still valid is a note, not a problem.
 *
 * <p>When it signed: the SOD's CMS signingTime when present; else the card's issue date (with a margin of
 * {@value #ISSUE_DATE_MARGIN_DAYS} days, since a chip may be signed a little before or after the printed date);
 * else the DS certificate's notBefore (nothing better is known). The CSCA must have been valid then too, and
 * still today (checked by the caller), and a CRL revoking the DS still makes the document INVALID (the caller).
 */
final class DocumentSignerValidity {
    static final int ISSUE_DATE_MARGIN_DAYS = 30;

    /**
     * @param trusted false when a date makes the chain untrusted (each reason is in {@code problems})
     * @param signedAt when the SOD is taken to have been signed
     * @param basis how {@code signedAt} was found, in words
     */
    record Outcome(boolean trusted, Instant signedAt, String basis, List<String> problems, List<String> notes) {
    }

    private DocumentSignerValidity() {
    }

    static Outcome judge(X509Certificate ds, Optional<Instant> signingTime, CardValidity card, Instant now) {
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Instant notBefore = ds.getNotBefore().toInstant();
        Instant notAfter = ds.getNotAfter().toInstant();
        LocalDate today = day(now);
        boolean trusted = true;

        if (now.isBefore(notBefore)) {
            trusted = false;
            problems.add("The Document Signer certificate is not valid before " + day(notBefore)
                    + ": check the kiosk's clock, or the document is not genuine");
        }

        Instant signedAt;
        String basis;
        if (signingTime.isPresent()) {
            signedAt = signingTime.get();
            basis = "its signing time, " + day(signedAt);
            if (signedAt.isBefore(notBefore) || signedAt.isAfter(notAfter)) {
                trusted = false;
                problems.add(outsideValidity(ds, "The SOD was signed on " + day(signedAt)));
            }
        } else if (card.known() && card.issueDate() != null) {
            LocalDate issued = card.issueDate();
            signedAt = issued.atStartOfDay().toInstant(ZoneOffset.UTC);
            basis = "the card's issue date, " + issued;
            if (issued.plusDays(ISSUE_DATE_MARGIN_DAYS).isBefore(day(notBefore))
                    || issued.minusDays(ISSUE_DATE_MARGIN_DAYS).isAfter(day(notAfter))) {
                trusted = false;
                problems.add(outsideValidity(ds, "The card was issued on " + issued));
            }
        } else {
            signedAt = notBefore;
            basis = "the certificate's start (the SOD has no signing time and the card's issue date is not known)";
        }

        if (trusted && now.isAfter(notAfter)) {
            if (card.expiredBefore(today)) {
                trusted = false;
                problems.add("The Document Signer certificate expired on " + day(notAfter) + " and the card on "
                        + card.expiryDate() + ": the document's validity period is over");
            } else {
                notes.add("The Document Signer certificate expired on " + day(notAfter) + "; it was valid when it"
                        + " signed this card (" + basis + ") and " + cardStill(card)
                        + ", so the signature stands (ICAO chain model)");
            }
        }
        return new Outcome(trusted, signedAt, basis, problems, notes);
    }

    private static String outsideValidity(X509Certificate ds, String when) {
        return when + ", outside its Document Signer certificate's validity (" + day(ds.getNotBefore().toInstant())
                + " to " + day(ds.getNotAfter().toInstant()) + "): the certificate did not allow that signature";
    }

    private static String cardStill(CardValidity card) {
        if (!card.known()) {
            return "the card's own expiry was not available to check";
        }
        return card.expiryDate() == null ? "the card has no expiry date"
                : "the card is valid until " + card.expiryDate();
    }

    static LocalDate day(Instant t) {
        return t.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
