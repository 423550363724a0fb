package vn.cccd.reader.util;

import java.text.Normalizer;

/** Text normalisation shared by every parser: Vietnamese text is compared, stored and printed as NFC. */
public final class Text {
    private Text() {
    }

    /** NFC, or null for null. */
    public static String nfc(String s) {
        return s == null ? null : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /** NFC and trimmed; null when blank. */
    public static String nfcOrNull(String s) {
        if (s == null) {
            return null;
        }
        String t = nfc(s).strip();
        return t.isEmpty() ? null : t;
    }
}
