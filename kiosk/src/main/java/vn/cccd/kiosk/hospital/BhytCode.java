package vn.cccd.kiosk.hospital;

import java.util.Locale;
import java.util.Objects;

/**
 * A health-insurance (BHYT) card code as the patient gives it: the full 15-character code of QĐ 1351/QĐ-BHXH
 * ({@code HS 4 01 0120878811}: 2-letter group code, benefit level 1 to 5, 2-digit province code, 10-digit
 * social-insurance number, mã số BHXH), or the 10-digit social-insurance number alone, which is all cards printed
 * since 01/04/2021 show (QĐ 1666/QĐ-BHXH). Only the format is checked here; whether the card is valid is for the
 * hospital's lookup on the BHXH gateway.
 *
 * @param value the code without spaces or hyphens, letters in upper case
 */
public record BhytCode(String value) {
    /** Length of the full card code. */
    public static final int FULL_LENGTH = 15;
    /** Length of the social-insurance number (mã số BHXH). */
    public static final int NUMBER_LENGTH = 10;
    /** Longest input looked at: anything longer is not a code (and is never echoed back). */
    private static final int MAX_INPUT = 40;

    public BhytCode {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Parses a code as typed: spaces and hyphens between the boxes are ignored, letters may be lower case.
     *
     * @return the code, or null for a blank input (the field is optional)
     * @throws BhytCodeException saying what is wrong, in Vietnamese and English; the message never repeats the
     *     input
     */
    public static BhytCode parseOptional(String input) {
        if (input == null || input.isBlank()) {
            return null;
        }
        return parse(input);
    }

    /** As {@link #parseOptional(String)}, but a blank input is an error too. */
    public static BhytCode parse(String input) {
        if (input == null || input.isBlank()) {
            throw new BhytCodeException(BhytCodeException.Reason.EMPTY);
        }
        if (input.length() > MAX_INPUT) {
            throw new BhytCodeException(BhytCodeException.Reason.LENGTH);
        }
        String s = input.strip().replace(" ", "").replace("-", "").replace("\u00a0", "")
                .toUpperCase(Locale.ROOT);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z')) {
                throw new BhytCodeException(BhytCodeException.Reason.CHARACTERS);
            }
        }
        if (s.length() == NUMBER_LENGTH) {
            if (!digits(s)) {
                throw new BhytCodeException(BhytCodeException.Reason.NUMBER);
            }
            return new BhytCode(s);
        }
        if (s.length() == 12 && digits(s)) {
            // the commonest mistake: the 12-digit personal ID number typed where the BHXH number belongs
            throw new BhytCodeException(BhytCodeException.Reason.ID_NUMBER_GIVEN);
        }
        if (s.length() != FULL_LENGTH) {
            throw new BhytCodeException(BhytCodeException.Reason.LENGTH);
        }
        if (!letter(s.charAt(0)) || !letter(s.charAt(1))) {
            throw new BhytCodeException(BhytCodeException.Reason.GROUP_CODE);
        }
        char level = s.charAt(2);
        if (level < '1' || level > '5') {
            throw new BhytCodeException(BhytCodeException.Reason.BENEFIT_LEVEL);
        }
        String province = s.substring(3, 5);
        if (!digits(province) || province.equals("00")) {
            throw new BhytCodeException(BhytCodeException.Reason.PROVINCE);
        }
        if (!digits(s.substring(5))) {
            throw new BhytCodeException(BhytCodeException.Reason.NUMBER);
        }
        return new BhytCode(s);
    }

    /** Whether this is the full 15-character card code (else the 10-digit number alone). */
    public boolean isFullCode() {
        return value.length() == FULL_LENGTH;
    }

    /** The 10-digit social-insurance number (mã số BHXH). */
    public String socialInsuranceNumber() {
        return value.substring(value.length() - NUMBER_LENGTH);
    }

    /** The 2-letter group code (mã đối tượng), or null for a number alone. */
    public String groupCode() {
        return isFullCode() ? value.substring(0, 2) : null;
    }

    /** The benefit level 1..5 (mức hưởng), or 0 for a number alone. */
    public int benefitLevel() {
        return isFullCode() ? value.charAt(2) - '0' : 0;
    }

    /** The 2-digit province code, or null for a number alone. */
    public String provinceCode() {
        return isFullCode() ? value.substring(3, 5) : null;
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static boolean letter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    /** Personal data: kept out of logs. */
    @Override
    public String toString() {
        return "BhytCode[redacted]";
    }
}
