package vn.cccd.kiosk.address;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import vn.cccd.kiosk.address.AdminUnits.Commune;
import vn.cccd.kiosk.address.AdminUnits.OldCommune;
import vn.cccd.kiosk.address.AdminUnits.Province;
import vn.cccd.kiosk.address.VnNames.Named;

/**
 * Turns an address as pre-2025 cards hold it ("Số 12 phố Hàng Bài, Phường Hàng Bài, Quận Hoàn Kiếm, Thành phố Hà
 * Nội") into today's two-level address ("Số 12 phố Hàng Bài, Phường Cửa Nam, Thành phố Hà Nội"), offline, from
 * {@link AdminUnits}. The parts are read from the right: the province (any text after it is kept after it), then
 * the old district and commune; what stands before the commune (house number, street, hamlet) is kept in front.
 * A commune split between several new ones is never decided here: the result lists them for the person to pick.
 * Thread-safe.
 */
public final class AddressConverter {
    private static final int MAX_PARTS = 30;
    private static volatile AddressConverter bundled;

    /** Other spellings of province names seen on cards, as keys of their bare names. */
    private static final Map<String, String> PROVINCE_ALIASES = Map.of(
            VnNames.key("HCM"), VnNames.key("Hồ Chí Minh"),
            VnNames.key("Hồ Chí Minh City"), VnNames.key("Hồ Chí Minh"),
            VnNames.key("Sài Gòn"), VnNames.key("Hồ Chí Minh"),
            // Huế was Tỉnh Thừa Thiên Huế until 1 January 2025; the table names it Thành phố Huế
            VnNames.key("Thừa Thiên Huế"), VnNames.key("Huế"));

    private final AdminUnits units;
    private final Index<OldCommune> old = new Index<>();
    private final Index<OldCommune> oldNoProvince = new Index<>();
    private final Set<String> oldProvinces = new java.util.HashSet<>();
    private final Set<String> oldProvincesFolded = new java.util.HashSet<>();
    private final Index<Province> provinces = new Index<>();
    private final Index<Commune> communes = new Index<>();
    /** Kind words of the table's names, parsed once. */
    private final Map<String, UnitType> tableTypes = new java.util.concurrent.ConcurrentHashMap<>();

    /** Exact keys first; folded keys (no diacritics) only when the exact ones find nothing. */
    private static final class Index<T> {
        final Map<String, List<T>> exact = new HashMap<>();
        final Map<String, List<T>> folded = new HashMap<>();

        /** Keys of the table's names, computed once per distinct name while the indexes are built. */
        final Map<String, String> keys = new HashMap<>();
        final Map<String, String> foldedKeys = new HashMap<>();

        void add(List<String> bareNames, T v) {
            Function<String, String> key = n -> keys.computeIfAbsent(n, VnNames::key);
            Function<String, String> fold = n -> foldedKeys.computeIfAbsent(n, VnNames::folded);
            add(exact, join(bareNames, key), v);
            add(folded, join(bareNames, fold), v);
            // "Phường Phường Đúc" is also written "Phường Đúc": index the last name without its kind word too
            String last = bareNames.get(bareNames.size() - 1);
            VnNames.Named again = VnNames.parse(last);
            if (again.type() != null) {
                List<String> shorter = new ArrayList<>(bareNames);
                shorter.set(shorter.size() - 1, again.bare());
                add(exact, join(shorter, key), v);
                add(folded, join(shorter, fold), v);
            }
        }

        private void add(Map<String, List<T>> map, String key, T v) {
            List<T> l = map.computeIfAbsent(key, k -> new ArrayList<>(1));
            if (!l.contains(v)) {
                l.add(v);
            }
        }

        List<T> find(List<String> bareNames) {
            List<T> e = exact.get(join(bareNames, AddressConverter::provinceKey));
            if (e != null) {
                return e;
            }
            return folded.getOrDefault(join(bareNames, n -> VnNames.folded(n)), List.of());
        }

        static String join(List<String> names, Function<String, String> key) {
            StringBuilder b = new StringBuilder();
            for (String n : names) {
                b.append(key.apply(n)).append('|');
            }
            return b.toString();
        }
    }

    /** Keys with the province aliases applied (harmless for other levels: no commune is named "HCM"). */
    private static String provinceKey(String bare) {
        String k = VnNames.key(bare);
        return PROVINCE_ALIASES.getOrDefault(k, k);
    }

    private UnitType typeOf(String tableName) {
        return tableTypes.computeIfAbsent(tableName, n -> VnNames.parse(n).type());
    }

    public AddressConverter(AdminUnits units) {
        this.units = units;
        for (Province p : units.provinces()) {
            provinces.add(List.of(VnNames.parse(p.name()).bare()), p);
        }
        for (Commune c : units.communes()) {
            communes.add(List.of(VnNames.parse(c.province().name()).bare(), VnNames.parse(c.name()).bare()), c);
        }
        Map<String, Named> parsed = new HashMap<>();
        for (OldCommune c : units.oldCommunes()) {
            String p = parsed.computeIfAbsent(c.province(), VnNames::parse).bare();
            String d = parsed.computeIfAbsent(c.district(), VnNames::parse).bare();
            String n = VnNames.parse(c.name()).bare();
            old.add(List.of(p, d, n), c);
            oldNoProvince.add(List.of(d, n), c);
            oldProvinces.add(VnNames.key(p));
            oldProvincesFolded.add(VnNames.folded(p));
        }
        old.keys.clear();
        old.foldedKeys.clear();
        oldNoProvince.keys.clear();
        oldNoProvince.foldedKeys.clear();
    }

    /** The converter over the bundled table. */
    public static AddressConverter bundled() {
        AddressConverter c = bundled;
        if (c == null) {
            synchronized (AddressConverter.class) {
                c = bundled;
                if (c == null) {
                    c = new AddressConverter(AdminUnits.bundled());
                    bundled = c;
                }
            }
        }
        return c;
    }

    public AdminUnits units() {
        return units;
    }

    /** Converts one address; never throws for any text (null and blank are NOT_CONVERTED). */
    public AddressConversion convert(String address) {
        if (address == null || address.isBlank()) {
            return notConverted(address == null ? "" : address);
        }
        List<String> parts = new ArrayList<>();
        for (String p : VnNames.clean(address).split(",")) {
            if (!p.isBlank()) {
                parts.add(p.strip());
            }
        }
        if (parts.isEmpty() || parts.size() > MAX_PARTS) {
            return notConverted(address);
        }
        for (int pi = parts.size() - 1; pi >= 0; pi--) {
            Named province = VnNames.parse(parts.get(pi));
            if (!typeFits(province.type(), UnitType.PROVINCE)) {
                province = new Named(null, VnNames.clean(parts.get(pi)));
            }
            boolean isOld = oldProvinces.contains(provinceKey(province.bare()))
                    || oldProvincesFolded.contains(VnNames.folded(province.bare()));
            List<Province> current = provinces.find(List.of(province.bare()));
            if (!isOld && current.isEmpty()) {
                continue;
            }
            if (isOld && pi >= 2) {
                List<OldCommune> found = matchOld(parts.get(pi - 2), parts.get(pi - 1), province);
                if (!found.isEmpty()) {
                    return converted(address, parts, pi - 2, pi + 1, found);
                }
            }
            if (!current.isEmpty() && pi >= 1) {
                for (Named commune : readings(parts.get(pi - 1), UnitType.COMMUNE)) {
                    List<Commune> now = byType(communes.find(List.of(province.bare(), commune.bare())),
                            commune.type(), c -> typeOf(c.name()));
                    if (now.size() == 1) {
                        return new AddressConversion(AddressConversion.Status.ALREADY_CURRENT, address,
                                VnNames.clean(address), List.of(), null, now.get(0));
                    }
                }
            }
            return notConverted(address); // the province is known, the rest is not: nothing to guess
        }
        if (parts.size() >= 2) { // no province written: the old district and commune may still say it
            Named district = VnNames.parse(parts.get(parts.size() - 1));
            Named commune = VnNames.parse(parts.get(parts.size() - 2));
            if (typeFits(district.type(), UnitType.DISTRICT) && typeFits(commune.type(), UnitType.COMMUNE)) {
                List<OldCommune> found = byType(oldNoProvince.find(List.of(district.bare(), commune.bare())),
                        district.type(), c -> typeOf(c.district()));
                found = byType(found, commune.type(), c -> typeOf(c.name()));
                if (!found.isEmpty() && found.stream().map(OldCommune::province).distinct().count() == 1) {
                    return converted(address, parts, parts.size() - 2, parts.size(), found);
                }
            }
        }
        return notConverted(address);
    }

    private List<OldCommune> matchOld(String communePart, String districtPart, Named province) {
        for (Named district : readings(districtPart, UnitType.DISTRICT)) {
            for (Named commune : readings(communePart, UnitType.COMMUNE)) {
                List<OldCommune> found = old.find(List.of(province.bare(), district.bare(), commune.bare()));
                found = byType(found, district.type(), c -> typeOf(c.district()));
                found = byType(found, commune.type(), c -> typeOf(c.name()));
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return List.of();
    }

    /**
     * The ways to read a part at a level: with its leading word as the kind word when it is one of the level's,
     * then as a whole name ("Quan Hoa" is a ward's name, not "Quận Hoa"; "Phường Đúc" is the ward Phường Phường Đúc).
     */
    private static List<Named> readings(String part, Set<UnitType> level) {
        Named parsed = VnNames.parse(part);
        if (parsed.type() == null) {
            return List.of(parsed);
        }
        Named whole = new Named(null, VnNames.clean(part));
        return typeFits(parsed.type(), level) ? List.of(parsed, whole) : List.of(whole);
    }

    /** A kind word, when written, must be one of the level's. */
    private static boolean typeFits(UnitType written, Set<UnitType> level) {
        return written == null || level.contains(written);
    }

    /**
     * Keeps the units of the written kind; when none has it (a unit whose kind changed, e.g. Thị xã to Thành phố,
     * before the card was made or after), all of them.
     */
    private static <T> List<T> byType(List<T> found, UnitType written, Function<T, UnitType> typeOf) {
        if (written == null) {
            return found;
        }
        List<T> same = found.stream().filter(f -> typeOf.apply(f) == written).toList();
        return same.isEmpty() ? found : same;
    }

    private AddressConversion converted(String original, List<String> parts, int communeAt, int after,
            List<OldCommune> found) {
        Set<Commune> targets = new LinkedHashSet<>();
        for (OldCommune o : found) {
            targets.addAll(o.targets());
        }
        List<AddressConversion.Candidate> candidates = new ArrayList<>();
        for (Commune c : targets) {
            List<String> out = new ArrayList<>(parts.subList(0, communeAt));
            out.add(c.name());
            out.add(c.province().name());
            out.addAll(parts.subList(after, parts.size()));
            candidates.add(new AddressConversion.Candidate(String.join(", ", out), c));
        }
        String oldUnits = found.get(0).fullName();
        if (candidates.size() == 1) {
            return new AddressConversion(AddressConversion.Status.CONVERTED, original, candidates.get(0).address(),
                    candidates, oldUnits, candidates.get(0).commune());
        }
        return new AddressConversion(AddressConversion.Status.CHOICE_NEEDED, original, null, candidates, oldUnits,
                null);
    }

    private static AddressConversion notConverted(String original) {
        return new AddressConversion(AddressConversion.Status.NOT_CONVERTED, original,
                original.isBlank() ? null : VnNames.clean(original), List.of(), null, null);
    }
}
