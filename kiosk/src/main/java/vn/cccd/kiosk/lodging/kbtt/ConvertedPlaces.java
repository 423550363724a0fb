package vn.cccd.kiosk.lodging.kbtt;

import java.util.Map;
import java.util.Optional;
import vn.cccd.kiosk.address.AddressConversion;
import vn.cccd.kiosk.address.AddressConverter;

/**
 * Places a residence with the old-to-new address converter (issue 15): an address it converts to exactly one
 * current commune (or that is already current) gets that commune's province in the template's own code list (by
 * name: the converter's codes are the GSO/QĐ 19/2025 ones, the template's are the Ministry of Public Security's) and
 * the converted two-level address in column M. The commune column L is filled only from the template's own commune
 * list (sheet PHUONG_XA, 9-digit codes: another code space than the converter's), which the kiosk has only when the
 * owner configures a copy of the template ({@code lodging.kbtt.templateFile}, {@link KbttCommunes}): L gets
 * "code - name" when the converted commune's name fits exactly one entry of that province, else L stays empty.
 * That sheet's column layout is unconfirmed (integrations-2026.md A2.3/A2.4), so its entries are taken from any
 * cell. An address the converter cannot settle (no match, or a split commune that the guest would have to choose)
 * falls back to {@link ProvinceNames}.
 */
public final class ConvertedPlaces implements KbttPlaces {
    private final AddressConverter converter;
    private final KbttCommunes communes;
    private final KbttPlaces fallback = new ProvinceNames();

    public ConvertedPlaces(AddressConverter converter) {
        this(converter, KbttCommunes.NONE);
    }

    public ConvertedPlaces(AddressConverter converter, KbttCommunes communes) {
        this.converter = converter;
        this.communes = communes;
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
                    Optional<KbttCommunes.Match> commune = communes.find(p.getKey(), c.commune().name());
                    return Optional.of(new Place(p.getKey(), commune.map(KbttCommunes.Match::code).orElse(null),
                            commune.map(KbttCommunes.Match::name).orElse(null), c.address()));
                }
            }
        }
        return fallback.place(residence);
    }
}
