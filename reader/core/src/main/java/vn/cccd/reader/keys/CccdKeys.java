package vn.cccd.reader.keys;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The BAC keys to try for a CCCD / thẻ Căn cước from what the person types or the QR code gives: the 12-digit ID
 * number (the MRZ document number is its last 9 digits), the date of birth and, when known, the issue or expiry
 * date. With the expiry date there is one key; with the issue date the expiry comes from {@link ExpiryRules}
 * (the rule's answer first, then its near misses); without either every plausible expiry is tried, the likely
 * ones first.
 *
 * <p>The one rule for the CLI, the QR path and the kiosk, so they cannot disagree.
 */
public final class CccdKeys {
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    /** The MRZ expiry of a card without one. */
    public static final String NO_EXPIRY = ExpiryRules.NO_EXPIRY;

    private CccdKeys() {
    }

    /**
     * As {@link #mrzKeys}, typed for {@code ReadRequest} (module reader/read).
     */
    public static List<AccessKey> candidates(String idNumber, LocalDate dateOfBirth, LocalDate issueDate,
            LocalDate expiryDate, LocalDate today) {
        return List.copyOf(mrzKeys(idNumber, dateOfBirth, issueDate, expiryDate, today));
    }

    /**
     * The keys in the order to try them.
     *
     * @param issueDate null when unknown
     * @param expiryDate null when unknown (the card's "có giá trị đến"); wins over the issue date
     * @param today to order the candidates when neither date is known
     * @throws IllegalArgumentException when the ID number is not 12 digits, the birth date is in the future or the
     *         issue date is before the birth date
     */
    public static List<MrzKey> mrzKeys(String idNumber, LocalDate dateOfBirth, LocalDate issueDate,
            LocalDate expiryDate, LocalDate today) {
        if (idNumber == null || !idNumber.matches("[0-9]{12}")) {
            throw new IllegalArgumentException("the ID number has exactly 12 digits");
        }
        if (dateOfBirth == null || dateOfBirth.isAfter(today)) {
            throw new IllegalArgumentException("the date of birth must be a past date");
        }
        String doc = documentNumber(idNumber);
        String dob = dateOfBirth.format(YYMMDD);
        List<String> expiries;
        if (expiryDate != null) {
            expiries = List.of(expiryDate.format(YYMMDD));
        } else if (issueDate != null) {
            expiries = ExpiryRules.mrzCandidates(dateOfBirth, issueDate);
        } else {
            expiries = ExpiryRules.mrzCandidatesWithoutIssueDate(dateOfBirth, today);
        }
        List<MrzKey> keys = new ArrayList<>(expiries.size());
        for (String expiry : expiries) {
            keys.add(new MrzKey(doc, dob, expiry));
        }
        return List.copyOf(keys);
    }

    /** The MRZ document number of a CCCD: the last 9 digits of the 12-digit ID number. */
    public static String documentNumber(String idNumber) {
        if (idNumber == null || !idNumber.matches("[0-9]{12}")) {
            throw new IllegalArgumentException("the ID number has exactly 12 digits");
        }
        return idNumber.substring(3);
    }

    /** The MRZ expiry (YYMMDD) the rules give a card issued on {@code issueDate}. */
    public static String expiryFor(LocalDate dateOfBirth, LocalDate issueDate) {
        return ExpiryRules.mrzExpiry(dateOfBirth, issueDate);
    }
}
