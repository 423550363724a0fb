package vn.cccd.kiosk.config;

/**
 * The lodging establishment ({@code lodging.*}): printed as the address of stay on every guest record and export,
 * as the law asks ("địa chỉ lưu trú").
 *
 * @param establishment the establishment's registered name, or empty
 * @param address the address of stay (the establishment's address); required in lodging mode
 * @param police the account for the direct submission to the police API ({@code lodging.police.*}), or null: off
 */
public record LodgingSettings(String establishment, String address, PoliceApiConfig police) {
    public LodgingSettings {
        establishment = establishment == null ? "" : establishment.strip();
        address = address == null ? "" : address.strip();
    }

    public LodgingSettings(String establishment, String address) {
        this(establishment, address, null);
    }

    public static LodgingSettings none() {
        return new LodgingSettings("", "");
    }
}
