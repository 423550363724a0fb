package vn.cccd.kiosk.lodging.kbtt;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The police template's commune list (sheet PHUONG_XA, entries "101900565 - Xã Gia Lâm": 9-digit code starting
 * with the province's 3-digit code, then the name), as read from the owner's copy of the template
 * ({@code lodging.kbtt.templateFile}). Looks a commune up by name within one province; the names are compared
 * NFC, without case and diacritics, and without the kind word "Xã"/"Phường"/"Đặc khu" unless that word is needed
 * to tell two entries apart. A name that fits no entry or several gives nothing.
 */
public final class KbttCommunes {
    /** No list: the commune column stays empty. */
    public static final KbttCommunes NONE = new KbttCommunes(List.of());

    private static final String KIND = "^(xa|phuong|dac khu|thi tran)\\s+";

    /** An entry of the list: the 9-digit code and the name as the template writes them. */
    public record Match(String code, String name) {
    }

    private record Entry(String code, String name, String full, String bare) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** @param entries "code - name" strings; any other string is ignored */
    public KbttCommunes(List<String> entries) {
        for (String e : entries) {
            String t = Normalizer.normalize(e, Normalizer.Form.NFC).strip();
            if (t.matches("\\d{9} - .+")) {
                String name = t.substring(12).strip();
                this.entries.add(new Entry(t.substring(0, 9), name, key(name), key(name).replaceFirst(KIND, "")));
            }
        }
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The one entry of the province {@code provinceCode} named {@code commune} ("Phường Cửa Nam"), as code and name. */
    public Optional<Match> find(String provinceCode, String commune) {
        if (provinceCode == null || commune == null || commune.isBlank()) {
            return Optional.empty();
        }
        String full = key(commune);
        String bare = full.replaceFirst(KIND, "");
        List<Entry> same = entries.stream().filter(e -> e.code().startsWith(provinceCode) && e.bare().equals(bare))
                .toList();
        if (same.size() > 1) {
            same = same.stream().filter(e -> e.full().equals(full)).toList();
        }
        return same.size() == 1 ? Optional.of(new Match(same.get(0).code(), same.get(0).name())) : Optional.empty();
    }

    /** Lower case, without diacritics (đ as d), one space between words. */
    static String key(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replace('đ', 'd').replace('Đ', 'D');
        return t.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
