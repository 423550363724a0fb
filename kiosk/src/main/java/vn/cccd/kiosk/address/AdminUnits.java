package vn.cccd.kiosk.address;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The administrative units in force since 1 July 2025 (34 provinces, 3,321 communes, with the official codes of
 * QĐ 19/2025/QĐ-TTg) and the communes before it, each with the new communes it went to. Loaded once from the
 * bundled table {@code /address/units-2025.tsv} (sources, version and licence: config/README.md). Immutable.
 */
public final class AdminUnits {
    static final String RESOURCE = "/address/units-2025.tsv";

    /** A province-level unit: official 2-digit code and full name ("Thành phố Hà Nội"). */
    public record Province(String code, String name) {
    }

    /** A commune-level unit in force: official 5-digit code and full name ("Phường Cửa Nam"). */
    public record Commune(String code, String name, Province province) {
        /** "Phường Cửa Nam, Thành phố Hà Nội". */
        public String fullName() {
            return name + ", " + province.name();
        }
    }

    /**
     * A commune before 1 July 2025 as its name was written (older names included) and the current communes it
     * went to: one when it was merged whole, several when it was split.
     *
     * @param code the old official code, or null when the source had none for this name
     */
    public record OldCommune(String code, String name, String district, String province, List<Commune> targets) {
        /** "Phường Hàng Bài, Quận Hoàn Kiếm, Thành phố Hà Nội". */
        public String fullName() {
            return name + ", " + district + ", " + province;
        }
    }

    private static volatile AdminUnits bundled;

    private final Map<String, Province> provinces;
    private final Map<String, Commune> communes;
    private final List<OldCommune> oldCommunes;

    private AdminUnits(Map<String, Province> provinces, Map<String, Commune> communes, List<OldCommune> old) {
        this.provinces = Collections.unmodifiableMap(provinces);
        this.communes = Collections.unmodifiableMap(communes);
        this.oldCommunes = Collections.unmodifiableList(old);
    }

    /** The bundled table (read on first use, about 0.1 s). */
    public static AdminUnits bundled() {
        AdminUnits u = bundled;
        if (u == null) {
            synchronized (AdminUnits.class) {
                u = bundled;
                if (u == null) {
                    try (InputStream in = AdminUnits.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("the address table " + RESOURCE + " is not bundled");
                        }
                        u = read(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    bundled = u;
                }
            }
        }
        return u;
    }

    static AdminUnits read(InputStream in) throws IOException {
        Map<String, Province> provinces = new LinkedHashMap<>();
        Map<String, Commune> communes = new LinkedHashMap<>();
        List<OldCommune> old = new ArrayList<>();
        String oldProvince = null;
        String oldDistrict = null;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int n = 0;
        for (String line; (line = r.readLine()) != null; ) {
            n++;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "P" -> provinces.put(f[1], new Province(f[1], f[2]));
                case "W" -> communes.put(f[1], new Commune(f[1], f[3], need(provinces.get(f[2]), n)));
                case "O" -> oldProvince = f[1];
                case "D" -> oldDistrict = f[1];
                case "C" -> {
                    List<Commune> to = new ArrayList<>();
                    for (String c : f[3].split(",")) {
                        to.add(need(communes.get(c), n));
                    }
                    old.add(new OldCommune(f[1].isEmpty() ? null : f[1], f[2], need(oldDistrict, n),
                            need(oldProvince, n), List.copyOf(to)));
                }
                default -> throw new IllegalStateException(RESOURCE + " line " + n + ": unknown record " + f[0]);
            }
        }
        return new AdminUnits(provinces, communes, old);
    }

    private static <T> T need(T v, int line) {
        if (v == null) {
            throw new IllegalStateException(RESOURCE + " line " + line + ": refers to a unit not defined before");
        }
        return v;
    }

    /** The 34 provinces, by code. */
    public Collection<Province> provinces() {
        return provinces.values();
    }

    /** The communes in force, by code. */
    public Collection<Commune> communes() {
        return communes.values();
    }

    /** Every old commune name of the table, by old province, district and name. */
    public List<OldCommune> oldCommunes() {
        return oldCommunes;
    }

    /** A province by its official code ("01"). */
    public Optional<Province> province(String code) {
        return Optional.ofNullable(provinces.get(code));
    }

    /** A commune in force by its official code ("00082"). */
    public Optional<Commune> commune(String code) {
        return Optional.ofNullable(communes.get(code));
    }
}
