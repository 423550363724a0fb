package vn.cccd.reader.qr;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.cccd.reader.util.Text;

/**
 * Undoes what keyboard-wedge scanners do to Vietnamese text: they type the QR code's UTF-8 bytes one by one as
 * Windows-1252 / Latin-1 characters ("Nguyễn" arrives as "Nguyá»…n"). Each character is mapped back to its byte
 * and the bytes are decoded as UTF-8.
 *
 * <p>The repair is only made when it is certain: every character must map to a byte, the bytes must decode to
 * UTF-8 with at least one lead byte followed by a real continuation byte, and every decoded letter must be one
 * Vietnamese uses. Genuine Vietnamese text never passes that test (its accented capitals are UTF-8 lead bytes
 * that would need continuation bytes, which are symbols or control characters in those code pages), so correct
 * text is never "repaired".
 *
 * <p>Five bytes have no Windows-1252 character (81, 8D, 8F, 90, 9D), and several Vietnamese letters need them
 * ("ề" is E1 BB 81, "Đ" is C4 90). A scanner or an application may keep them as C1 controls (exact repair), turn
 * them into '?' or U+FFFD, drop them, or turn the no-break space A0 into a space. Such a gap is filled when exactly
 * one candidate byte gives a Vietnamese letter ("Đ" is the only letter C4 can start with); otherwise the letter is
 * U+FFFD and the result is {@link Outcome#UNCERTAIN}.
 */
final class WedgeText {
    private static final int UNKNOWN = -1;
    private static final int[] UNDEFINED_IN_1252 = {0x81, 0x8D, 0x8F, 0x90, 0x9D};
    private static final Map<Character, Integer> CP1252_HIGH = cp1252High();
    private static final String VIETNAMESE_LETTERS =
            "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
            + "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐ";

    enum Outcome {
        /** Nothing to repair. */
        UNCHANGED,
        /** Decoded back exactly. */
        REPAIRED,
        /** Some letters are unknown (U+FFFD in the text). */
        UNCERTAIN
    }

    record Result(String text, Outcome outcome) {
        @Override
        public String toString() {
            return "WedgeText.Result[" + outcome + ", redacted]";
        }
    }

    private WedgeText() {
    }

    /** The repaired text (NFC), or the text itself (NFC) when it is not mangled. */
    static Result repair(String s) {
        int[] bytes = new int[s.length()];
        boolean high = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0xFF) {
                bytes[i] = c;
                high |= c >= 0x80;
            } else if (CP1252_HIGH.containsKey(c)) {
                bytes[i] = CP1252_HIGH.get(c);
                high = true;
            } else if (c == '\uFFFD') {
                bytes[i] = UNKNOWN;
            } else {
                return notMangled(s); // a real letter beyond Latin-1: this is text, not bytes
            }
        }
        if (!high) {
            return notMangled(s);
        }
        Result decoded = decode(bytes);
        return decoded == null ? notMangled(s) : decoded;
    }

    /** Null when the bytes are not UTF-8 Vietnamese. */
    private static Result decode(int[] b) {
        StringBuilder out = new StringBuilder(b.length);
        boolean uncertain = false;
        int complete = 0; // sequences that prove the text is mangled UTF-8
        int i = 0;
        while (i < b.length) {
            int x = b[i];
            if (x == UNKNOWN) {
                out.append('\uFFFD');
                uncertain = true;
                i++;
                continue;
            }
            if (x < 0x80) {
                out.append((char) x);
                i++;
                continue;
            }
            int len = sequenceLength(x);
            if (len == 0) {
                return null; // a continuation byte without a lead, or a byte UTF-8 never uses
            }
            byte[] seq = new byte[len];
            seq[0] = (byte) x;
            int j = i + 1;
            int gapAt = -1;
            Gap gap = null;
            for (int k = 1; k < len; k++) {
                if (j < b.length && isContinuation(b[j])) {
                    seq[k] = (byte) b[j++];
                } else if (gap == null) {
                    gapAt = k;
                    if (j < b.length && (b[j] == UNKNOWN || b[j] == '?')) {
                        gap = Gap.REPLACED;
                        j++;
                    } else if (j < b.length && b[j] == ' ') {
                        gap = Gap.SPACE;
                    } else {
                        gap = Gap.DROPPED;
                    }
                } else {
                    return null; // two gaps in one letter: not something a scanner does
                }
            }
            if (gap == null) {
                String letter = strictUtf8(seq);
                if (letter == null || !plausible(letter)) {
                    return null;
                }
                out.append(letter);
                complete++;
                i = j;
                continue;
            }
            if (gapAt > 1) {
                complete++; // a lead byte with a real continuation byte: mangled UTF-8, not text
            }
            // fill the gap with every byte it could have been; keep the fillings that give a Vietnamese letter
            Set<String> letters = new LinkedHashSet<>();
            boolean spaceWasTheByte = false;
            for (Filling f : fillings(gap)) {
                seq[gapAt] = (byte) f.value;
                String letter = strictUtf8(seq);
                if (letter != null && VIETNAMESE_LETTERS.indexOf(letter) >= 0 && letters.add(letter)) {
                    spaceWasTheByte = f.consumesSpace;
                }
            }
            if (letters.size() == 1) {
                out.append(letters.iterator().next());
                i = spaceWasTheByte ? j + 1 : j;
            } else {
                out.append('\uFFFD');
                uncertain = true;
                i = j;
            }
        }
        if (complete == 0) {
            return null;
        }
        return new Result(Text.nfc(out.toString()), uncertain ? Outcome.UNCERTAIN : Outcome.REPAIRED);
    }

    private enum Gap { REPLACED, SPACE, DROPPED }

    private record Filling(int value, boolean consumesSpace) {
    }

    private static List<Filling> fillings(Gap gap) {
        List<Filling> out = new ArrayList<>();
        for (int u : UNDEFINED_IN_1252) {
            out.add(new Filling(u, false));
        }
        if (gap == Gap.SPACE) {
            out.add(new Filling(0xA0, true));
        }
        return out;
    }

    /** Text that is not mangled bytes: only '?' or U+FFFD standing for a letter are flagged. */
    private static Result notMangled(String s) {
        String nfc = Text.nfc(s);
        StringBuilder out = new StringBuilder(nfc.length());
        boolean uncertain = false;
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            boolean letterBeside = (i > 0 && Character.isLetter(nfc.charAt(i - 1)))
                    || (i + 1 < nfc.length() && Character.isLetter(nfc.charAt(i + 1)));
            if (c == '\uFFFD' || (c == '?' && letterBeside)) {
                out.append('\uFFFD');
                uncertain = true;
            } else {
                out.append(c);
            }
        }
        return new Result(out.toString(), uncertain ? Outcome.UNCERTAIN : Outcome.UNCHANGED);
    }

    private static boolean plausible(String letter) {
        int cp = letter.codePointAt(0);
        return VIETNAMESE_LETTERS.indexOf(cp) >= 0
                || (cp >= 0xA0 && cp <= 0xFF)                 // Latin-1 letters and signs (º, ², ·)
                || (cp >= 0x2010 && cp <= 0x2027)             // dashes, quotes, ellipsis
                || (cp >= 0x0300 && cp <= 0x0323);            // combining marks of decomposed (NFD) text
    }

    private static int sequenceLength(int lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            return 2;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            return 3;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            return 4;
        }
        return 0;
    }

    private static boolean isContinuation(int x) {
        return x >= 0x80 && x <= 0xBF;
    }

    private static String strictUtf8(byte[] seq) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer c = d.decode(ByteBuffer.wrap(seq));
            return c.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static Map<Character, Integer> cp1252High() {
        Charset cp1252 = Charset.forName("windows-1252");
        Map<Character, Integer> m = new HashMap<>();
        for (int b = 0x80; b <= 0x9F; b++) {
            String s = new String(new byte[] {(byte) b}, cp1252);
            char c = s.charAt(0);
            if (c != '\uFFFD' && c > 0xFF) {
                m.put(c, b);
            }
        }
        return Map.copyOf(m);
    }
}
