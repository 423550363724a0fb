package vn.cccd.kiosk.lodging.kbtt;

import java.util.Optional;

/**
 * Where a guest's residence lies in the template's own code lists (columns K "TỈNH/ THÀNH PHỐ " and L "PHƯỜNG/ XÃ/
 * ĐẶC KHU"): the Ministry of Public Security's province code and, when known, its 9-digit commune code. Kept behind
 * this interface so that an old-to-new address converter (issue 15) can answer instead of {@link ProvinceNames}.
 * Both columns are optional in the template: an address that cannot be placed leaves them empty and goes whole into
 * column M "ĐỊA CHỈ CHI TIẾT".
 */
public interface KbttPlaces {

    /**
     * @param provinceCode a key of {@link KbttCodes#PROVINCES}
     * @param communeCode the template's 9-digit commune code (starting with the province code), or null
     * @param communeName the commune's name as the template writes it, or null
     * @param detail what goes into column M: the part of the address below the commune (or all of it)
     */
    record Place(String provinceCode, String communeCode, String communeName, String detail) {
    }

    Optional<Place> place(String residence);
}
