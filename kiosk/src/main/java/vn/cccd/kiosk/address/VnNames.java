package vn.cccd.kiosk.address;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Comparing Vietnamese unit names as chips and people write them: NFC or NFD, either tone-mark placement ("Hòa" or
 * "Hoà"), any case, with or without the kind word ("Phường", "P.", "Q.1"), numbers with or without leading zeros.
 */
public final class VnNames {
    private VnNames() {
    }

    /** A name split into its kind word (null when absent) and the bare name ("Phường 12" → PHUONG, "12"). */
    public record Named(UnitType type, String bare) {
    }

    // longest first; abbreviations need a dot, or (P, Q) a digit right after, or (TP, TX, TT) a space
    private static final List<Map.Entry<Pattern, UnitType>> PREFIXES = List.of(
            Map.entry(p("thành phố\\s+"), UnitType.THANH_PHO),
            Map.entry(p("thị trấn\\s+"), UnitType.THI_TRAN),
            Map.entry(p("thị xã\\s+"), UnitType.THI_XA),
            Map.entry(p("đặc khu\\s+"), UnitType.DAC_KHU),
            Map.entry(p("phường\\s*(?=\\d)|phường\\s+"), UnitType.PHUONG),
            Map.entry(p("quận\\s*(?=\\d)|quận\\s+"), UnitType.QUAN),
            Map.entry(p("huyện\\s+"), UnitType.HUYEN),
            Map.entry(p("tỉnh\\s+"), UnitType.TINH),
            Map.entry(p("xã\\s+"), UnitType.XA),
            Map.entry(p("t\\.?\\s?p\\s*\\.\\s*|tp\\s+"), UnitType.THANH_PHO),
            Map.entry(p("tx\\s*\\.\\s*|tx\\s+"), UnitType.THI_XA),
            Map.entry(p("tt\\s*\\.\\s*|tt\\s+"), UnitType.THI_TRAN),
            Map.entry(p("p\\s*\\.\\s*|p(?=\\d)"), UnitType.PHUONG),
            Map.entry(p("q\\s*\\.\\s*|q(?=\\d)"), UnitType.QUAN),
            Map.entry(p("h\\s*\\.\\s*"), UnitType.HUYEN),
            Map.entry(p("x\\s*\\.\\s*"), UnitType.XA),
            Map.entry(p("t\\s*\\.\\s*"), UnitType.TINH));

    // the same words typed without diacritics, tried only on text without any
    private static final List<Map.Entry<Pattern, UnitType>> ASCII_PREFIXES = List.of(
            Map.entry(p("thanh pho\\s+"), UnitType.THANH_PHO),
            Map.entry(p("thi tran\\s+"), UnitType.THI_TRAN),
            Map.entry(p("thi xa\\s+"), UnitType.THI_XA),
            Map.entry(p("dac khu\\s+"), UnitType.DAC_KHU),
            Map.entry(p("phuong\\s*(?=\\d)|phuong\\s+"), UnitType.PHUONG),
            Map.entry(p("quan\\s*(?=\\d)|quan\\s+"), UnitType.QUAN),
            Map.entry(p("huyen\\s+"), UnitType.HUYEN),
            Map.entry(p("tinh\\s+"), UnitType.TINH),
            Map.entry(p("xa\\s+"), UnitType.XA));

    private static Pattern p(String regex) {
        return Pattern.compile("^(?:" + regex + ")", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** NFC with single spaces, trimmed. */
    public static String clean(String s) {
        return SPACES.matcher(Normalizer.normalize(s, Normalizer.Form.NFC)).replaceAll(" ").strip();
    }

    /** Splits off the kind word. */
    public static Named parse(String part) {
        String s = clean(part);
        if (s.isEmpty() || "tpqhxđTPQHXĐ".indexOf(s.charAt(0)) < 0) {
            return new Named(null, s); // no kind word starts otherwise: skip the patterns
        }
        Named n = parse(s, PREFIXES);
        if (n.type() == null && s.chars().allMatch(c -> c < 128)) {
            n = parse(s, ASCII_PREFIXES);
        }
        return n;
    }

    private static Named parse(String s, List<Map.Entry<Pattern, UnitType>> prefixes) {
        for (Map.Entry<Pattern, UnitType> e : prefixes) {
            Matcher m = e.getKey().matcher(s);
            if (m.find() && m.end() < s.length()) {
                return new Named(e.getValue(), s.substring(m.end()).strip());
            }
        }
        return new Named(null, s);
    }

    /**
     * A key equal for the spellings of one name: lower case, tone marks moved to the end of their word (so both
     * placements of "hòa"/"hoà" agree while "hòa" and "hóa" stay apart), punctuation as spaces, numbers without
     * leading zeros.
     */
    public static String key(String name) {
        return key(name, false);
    }

    /** Like {@link #key} but without any diacritics, "đ" as "d": for input typed without them. */
    public static String folded(String name) {
        return key(name, true);
    }

    private static String key(String name, boolean fold) {
        String d = Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(d.length());
        StringBuilder word = new StringBuilder();
        char tone = 0;
        for (int i = 0; i <= d.length(); i++) {
            char c = i < d.length() ? d.charAt(i) : ' ';
            char t = toneOf(c);
            if (t != 0) {
                tone = t;
            } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
                if (!fold) {
                    word.append(c);
                }
            } else if (Character.isLetterOrDigit(c)) {
                word.append(fold && c == 'đ' ? 'd' : c);
            } else {
                if (word.length() > 0) {
                    String w = word.toString();
                    int zeros = 0;
                    while (zeros < w.length() - 1 && w.charAt(zeros) == '0' && Character.isDigit(w.charAt(zeros + 1))
                            && w.chars().allMatch(Character::isDigit)) {
                        zeros++;
                    }
                    w = w.substring(zeros);
                    if (out.length() > 0) {
                        out.append(' ');
                    }
                    out.append(w);
                    if (tone != 0 && !fold) {
                        out.append(tone);
                    }
                }
                word.setLength(0);
                tone = 0;
            }
        }
        return out.toString();
    }

    private static char toneOf(char c) {
        return switch (c) {
            case '\u0300' -> '2'; // huyền
            case '\u0301' -> '1'; // sắc
            case '\u0303' -> '4'; // ngã
            case '\u0309' -> '3'; // hỏi
            case '\u0323' -> '5'; // nặng
            default -> 0;
        };
    }
}
