package vn.cccd.kiosk.address;

import java.util.Set;

/** The kind word in front of an administrative unit's name ("Phường", "Huyện", "Thành phố"...). */
public enum UnitType {
    PHUONG("Phường"), XA("Xã"), THI_TRAN("Thị trấn"), DAC_KHU("Đặc khu"),
    QUAN("Quận"), HUYEN("Huyện"), THI_XA("Thị xã"), THANH_PHO("Thành phố"), TINH("Tỉnh");

    /** The kinds a commune-level unit can have (before and after 1 July 2025). */
    public static final Set<UnitType> COMMUNE = Set.of(PHUONG, XA, THI_TRAN, DAC_KHU);
    /** The kinds a district-level unit had before 1 July 2025. */
    public static final Set<UnitType> DISTRICT = Set.of(QUAN, HUYEN, THI_XA, THANH_PHO);
    /** The kinds of a province-level unit. */
    public static final Set<UnitType> PROVINCE = Set.of(TINH, THANH_PHO);

    private final String word;

    UnitType(String word) {
        this.word = word;
    }

    /** The word as written in official names. */
    public String word() {
        return word;
    }
}
