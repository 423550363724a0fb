package vn.cccd.kiosk.lodging.kbtt;

import java.util.Map;
import java.util.Optional;
import vn.cccd.kiosk.address.AddressConversion;
import vn.cccd.kiosk.address.AddressConverter;

/**
 * Places a residence with the old-to-new address converter (issue 15): an address it converts to exactly one
 * current commune (or that is already current) gets that commune's province in the template's own code list (by
 * name: the converter's codes are the GSO/QĐ 19/2025 ones, the template's are the Ministry of Public Security's) and
 * the converted two-level address in column M. The commune column L stays empty: the template's 9-digit commune
 * codes (sheet PHUONG_XA) are another code space that the kiosk does not have. An address the converter cannot
 * settle (no match, or a split commune that the guest would have to choose) falls back to {@link ProvinceNames}.
 */
public final class ConvertedPlaces implements KbttPlaces {
    private final AddressConverter converter;
    private final KbttPlaces fallback = new ProvinceNames();

    public ConvertedPlaces(AddressConverter converter) {
        this.converter = converter;
    }

    @Override
    public Optional<Place> place(String residence) {
        if (residence == null || residence.isBlank()) {
            return Optional.empty();
        }
        AddressConversion c = converter.convert(residence);
        if (c.commune() != null && (c.status() == AddressConversion.Status.CONVERTED
                || c.status() == AddressConversion.Status.ALREADY_CURRENT)) {
            String province = ProvinceNames.key(c.commune().province().name());
            for (Map.Entry<String, String> p : KbttCodes.PROVINCES.entrySet()) {
                if (province.equals(ProvinceNames.key(p.getValue()))) {
                    return Optional.of(new Place(p.getKey(), null, null, c.address()));
                }
            }
        }
        return fallback.place(residence);
    }
}
