package vn.cccd.reader.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What kind of characters a text value holds, in words ("digits and /", "UTF-8 letters and spaces"), and its shape
 * when it has no letter ("99/99/9999"): enough to rebuild a field of the same kind, never the value itself.
 */
final class ValueClass {
    private ValueClass() {
    }

    /** The character class of a text, such as "digits", "upper-case UTF-8 letters and spaces", "digits and /". */
    static String of(String text) {
        boolean digits = false;
        boolean spaces = false;
        boolean asciiLetters = false;
        boolean otherLetters = false;
        boolean upper = false;
        boolean lower = false;
        boolean control = false;
        TreeSet<String> symbols = new TreeSet<>();
        int[] cps = text.codePoints().toArray();
        for (int cp : cps) {
            if (cp >= '0' && cp <= '9') {
                digits = true;
            } else if (cp == ' ') {
                spaces = true;
            } else if (Character.isLetter(cp) || Character.getType(cp) == Character.NON_SPACING_MARK) {
                if (cp < 0x80) {
                    asciiLetters = true;
                } else {
                    otherLetters = true;
                }
                upper |= Character.isUpperCase(cp);
                lower |= Character.isLowerCase(cp);
            } else if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                control = true;
            } else if (cp < 0x80) {
                symbols.add(String.valueOf((char) cp));
            } else {
                symbols.add(String.format("U+%04X", cp));
            }
        }
        if (cps.length == 0) {
            return "empty";
        }
        List<String> parts = new ArrayList<>();
        if (asciiLetters || otherLetters) {
            String letters = otherLetters ? "UTF-8 letters" : "ASCII letters";
            parts.add(upper && !lower ? "upper-case " + letters : lower && !upper ? "lower-case " + letters : letters);
        }
        if (digits) {
            parts.add("digits");
        }
        if (spaces) {
            parts.add("spaces");
        }
        if (control) {
            parts.add("control characters");
        }
        parts.addAll(symbols);
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    /**
     * The shape of a text without letters: each digit as 9, spaces and symbols as they are ("99/99/9999"); null when
     * the text holds a letter (the shape of words would tell their lengths) or is longer than 40 characters.
     */
    static String shape(String text) {
        if (text.length() > 40) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int cp : text.codePoints().toArray()) {
            if (cp >= '0' && cp <= '9') {
                out.append('9');
            } else if (Character.isLetter(cp) || Character.getType(cp) == Character.NON_SPACING_MARK || cp > 0x7E
                    || cp < 0x20) {
                return null;
            } else {
                out.append((char) cp);
            }
        }
        return out.toString();
    }
}
