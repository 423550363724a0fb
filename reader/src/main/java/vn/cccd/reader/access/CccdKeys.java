package vn.cccd.reader.access;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The BAC keys to try for a CCCD / thẻ Căn cước from what the person types: the 12-digit ID number (the MRZ
 * document number is its last 9 digits), the date of birth and, when known, the issue or expiry date.
 *
 * <p>The card must be renewed at 14, 25, 40 and 60 (Luật Căn cước 2023, Điều 21; the CCCD law before it had 25,
 * 40, 60); a card issued within two years before one of those ages is valid until the next one, and one issued
 * from 58 has no expiry ({@code 991231} in the MRZ). With the issue date the expiry is known; without it every
 * candidate is tried, the likely ones first.
 *
 * <p>The one rule for the CLI, the QR path and the kiosk, so they cannot disagree.
 */
public final class CccdKeys {
    static final int[] RENEWAL_AGES = {14, 25, 40, 60};
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    /** The MRZ expiry of a card without one. */
    public static final String NO_EXPIRY = "991231";

    private CccdKeys() {
    }

    /**
     * @param issueDate null when unknown
     * @param expiryDate null when unknown (the card's "có giá trị đến"); wins over the issue date
     * @param today to order the candidates when neither date is known
     * @throws IllegalArgumentException when the ID number is not 12 digits or the birth date is in the future
     */
    public static List<AccessKey> candidates(String idNumber, LocalDate dateOfBirth, LocalDate issueDate,
            LocalDate expiryDate, LocalDate today) {
        if (idNumber == null || !idNumber.matches("[0-9]{12}")) {
            throw new IllegalArgumentException("the ID number has exactly 12 digits");
        }
        if (dateOfBirth == null || dateOfBirth.isAfter(today)) {
            throw new IllegalArgumentException("the date of birth must be a past date");
        }
        String doc = idNumber.substring(3);
        String dob = dateOfBirth.format(YYMMDD);
        if (expiryDate != null) {
            return List.of(new MrzKey(doc, dob, expiryDate.format(YYMMDD)));
        }
        if (issueDate != null) {
            if (issueDate.isBefore(dateOfBirth)) {
                throw new IllegalArgumentException("the issue date is before the date of birth");
            }
            return List.of(new MrzKey(doc, dob, expiryFor(dateOfBirth, issueDate)));
        }
        Set<String> ordered = new LinkedHashSet<>();
        // cards still valid today first (soonest expiry first), then expired ones, then the lifelong card
        List<String> expired = new ArrayList<>();
        for (int age : RENEWAL_AGES) {
            LocalDate at = dateOfBirth.plusYears(age);
            if (!at.isBefore(today)) {
                ordered.add(at.format(YYMMDD));
            } else {
                expired.add(0, at.format(YYMMDD));
            }
        }
        if (!dateOfBirth.plusYears(58).isAfter(today)) {
            ordered.add(NO_EXPIRY);
        }
        ordered.addAll(expired);
        ordered.add(NO_EXPIRY);
        List<AccessKey> keys = new ArrayList<>();
        for (String expiry : ordered) {
            keys.add(new MrzKey(doc, dob, expiry));
        }
        return keys;
    }

    /** The MRZ expiry (YYMMDD) of a card issued on {@code issueDate}. */
    public static String expiryFor(LocalDate dateOfBirth, LocalDate issueDate) {
        for (int age : RENEWAL_AGES) {
            LocalDate renewal = dateOfBirth.plusYears(age);
            if (issueDate.isBefore(renewal.minusYears(2))) {
                return renewal.format(YYMMDD);
            }
        }
        return NO_EXPIRY;
    }
}
