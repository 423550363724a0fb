package vn.cccd.reader.keys;

import java.util.regex.Pattern;
import vn.cccd.reader.lds.CheckDigit;

/**
 * The MRZ fields that form the BAC key (and the PACE MRZ password). Dates are YYMMDD exactly as in the MRZ.
 * For a CCCD the document number is the last 9 digits of the 12-digit ID number.
 */
public record MrzKey(String documentNumber, String dateOfBirth, String dateOfExpiry) implements AccessKey {
    private static final Pattern DOC = Pattern.compile("[0-9A-Z<]{1,20}");
    private static final Pattern DATE = Pattern.compile("[0-9]{6}");

    public MrzKey {
        if (documentNumber == null || !DOC.matcher(documentNumber).matches()) {
            throw new IllegalArgumentException("document number must be 1-20 characters of 0-9, A-Z or <");
        }
        if (dateOfBirth == null || !DATE.matcher(dateOfBirth).matches()) {
            throw new IllegalArgumentException("date of birth must be YYMMDD");
        }
        if (dateOfExpiry == null || !DATE.matcher(dateOfExpiry).matches()) {
            throw new IllegalArgumentException("date of expiry must be YYMMDD");
        }
    }

    /**
     * ICAO 9303-11 MRZ_information: document number (padded with '&lt;' to at least 9 characters), date of birth
     * and date of expiry, each followed by its check digit. The seed of BAC keys and the PACE MRZ password.
     */
    public String mrzInformation() {
        StringBuilder doc = new StringBuilder(documentNumber);
        while (doc.length() < 9) {
            doc.append('<');
        }
        String d = doc.toString();
        return d + CheckDigit.of(d) + dateOfBirth + CheckDigit.of(dateOfBirth) + dateOfExpiry
                + CheckDigit.of(dateOfExpiry);
    }

    /** Never prints the key material. */
    @Override
    public String toString() {
        return "MrzKey[redacted]";
    }
}
