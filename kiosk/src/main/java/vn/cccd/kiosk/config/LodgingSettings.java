package vn.cccd.kiosk.config;

import java.util.List;

/**
 * The lodging establishment ({@code lodging.*}): printed as the address of stay on every guest record and export,
 * as the law asks ("địa chỉ lưu trú").
 *
 * @param establishment the establishment's registered name, or empty
 * @param address the address of stay (the establishment's address); required in lodging mode
 * @param police the account for the direct submission to the police API ({@code lodging.police.*}), or null: off
 * @param kbttCommunes the police template's commune entries ("101900565 - Xã Gia Lâm") read from
 *        {@code lodging.kbtt.templateFile}, or empty (the default): the export leaves the commune column empty
 */
public record LodgingSettings(String establishment, String address, PoliceApiConfig police, List<String> kbttCommunes) {
    public LodgingSettings {
        establishment = establishment == null ? "" : establishment.strip();
        address = address == null ? "" : address.strip();
        kbttCommunes = kbttCommunes == null ? List.of() : List.copyOf(kbttCommunes);
    }

    public LodgingSettings(String establishment, String address, PoliceApiConfig police) {
        this(establishment, address, police, List.of());
    }

    public LodgingSettings(String establishment, String address) {
        this(establishment, address, null);
    }

    public static LodgingSettings none() {
        return new LodgingSettings("", "");
    }
}
