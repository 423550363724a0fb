package vn.cccd.reader.lds;

/**
 * The ICAO 9303-3 check digit: weights 7, 3, 1 repeating over the character values (0-9 as themselves,
 * A-Z as 10-35, the filler '<' as 0), sum modulo 10.
 */
public final class CheckDigit {
    private static final int[] WEIGHTS = {7, 3, 1};

    private CheckDigit() {
    }

    /** The check digit of a field in the MRZ character set, as a character '0'..'9'. */
    public static char of(String field) {
        int sum = 0;
        for (int i = 0; i < field.length(); i++) {
            sum += value(field.charAt(i)) * WEIGHTS[i % 3];
        }
        return (char) ('0' + sum % 10);
    }

    public static boolean isMrzChar(char c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c == '<';
    }

    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        if (c == '<') {
            return 0;
        }
        throw new IllegalArgumentException("not an MRZ character: U+" + String.format("%04X", (int) c));
    }
}
