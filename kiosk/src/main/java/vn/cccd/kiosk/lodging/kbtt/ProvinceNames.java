package vn.cccd.kiosk.lodging.kbtt;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Places an address by its last part alone when that names one of today's 34 provinces ("..., Thành phố Hà Nội",
 * "..., Hà Nội", "..., Tỉnh Lào Cai"). Each province formed in 2025 took the name of one of the provinces merged
 * into it, so an old address naming that province lies in it; an old province that lost its name (Hà Giang, Quảng
 * Nam, ...) is not placed, and no commune is ever given (the old commune may have been split). The address stays
 * whole in column M.
 */
public final class ProvinceNames implements KbttPlaces {
    private static final String PREFIX = "^(thành phố|tp\\.?|tỉnh|t\\.)\\s*";

    @Override
    public Optional<Place> place(String residence) {
        if (residence == null || residence.isBlank()) {
            return Optional.empty();
        }
        String[] parts = residence.split(",");
        String last = key(parts[parts.length - 1]);
        for (Map.Entry<String, String> p : KbttCodes.PROVINCES.entrySet()) {
            if (!last.isEmpty() && last.equals(key(p.getValue()))) {
                return Optional.of(new Place(p.getKey(), null, null, residence.strip()));
            }
        }
        return Optional.empty();
    }

    /** Lower case NFC without the "Thành phố"/"Tỉnh" prefix and with one space between words. */
    static String key(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return t.replaceFirst(PREFIX, "").replace("hoà", "hòa").replace("hoá", "hóa").strip();
    }
}
