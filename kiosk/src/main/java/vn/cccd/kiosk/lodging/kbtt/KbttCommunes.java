package vn.cccd.kiosk.lodging.kbtt;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.cccd.kiosk.address.UnitType;
import vn.cccd.kiosk.address.VnNames;

/**
 * The police template's commune list (sheet PHUONG_XA, entries "101900565 - Xã Gia Lâm": 9-digit code starting
 * with the province's 3-digit code, then the name), as read from the owner's copy of the template
 * ({@code lodging.kbtt.templateFile}). Looks a commune up by name within one province; the names are compared as
 * the address converter compares them ({@link VnNames}: NFC or NFD, without case and diacritics, the kind word
 * "Xã"/"Phường"/"Đặc khu" split off), the kind word used only to tell two entries apart. A name that fits no entry
 * or several gives nothing.
 */
public final class KbttCommunes {
    /** No list: the commune column stays empty. */
    public static final KbttCommunes NONE = new KbttCommunes(List.of());

    /** An entry of the list: the 9-digit code and the name as the template writes them. */
    public record Match(String code, String name) {
    }

    /** {@code bare}: the folded name without its kind word; {@code type}: that kind word, null when absent. */
    private record Entry(String code, String name, UnitType type, String bare) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** @param entries "code - name" strings; any other string is ignored */
    public KbttCommunes(List<String> entries) {
        for (String e : entries) {
            String t = Normalizer.normalize(e, Normalizer.Form.NFC).strip();
            if (t.matches("\\d{9} - .+")) {
                String name = t.substring(12).strip();
                VnNames.Named n = VnNames.parse(name);
                this.entries.add(new Entry(t.substring(0, 9), name, n.type(), VnNames.folded(n.bare())));
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
        VnNames.Named n = VnNames.parse(commune);
        String bare = VnNames.folded(n.bare());
        List<Entry> same = entries.stream().filter(e -> e.code().startsWith(provinceCode) && e.bare().equals(bare))
                .toList();
        if (same.size() > 1) {
            same = same.stream().filter(e -> Objects.equals(e.type(), n.type())).toList();
        }
        return same.size() == 1 ? Optional.of(new Match(same.get(0).code(), same.get(0).name())) : Optional.empty();
    }
}
