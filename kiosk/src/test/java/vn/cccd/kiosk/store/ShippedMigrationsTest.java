package vn.cccd.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Migration scripts are append-only: Flyway compares every applied script's checksum at each start, so an edited
 * script would stop every kiosk whose database already applied it ({@code MIGRATION_FAILED}). The shipped scripts
 * and their SHA-256 are listed in {@code shipped-migrations.sha256} (test resources).
 */
class ShippedMigrationsTest {
    private static final Path SCRIPTS = Path.of("src/main/resources");
    private static final Path LIST = Path.of("src/test/resources/shipped-migrations.sha256");

    @Test
    void everyMigrationScriptIsListedAndNoneWasEdited() throws Exception {
        Map<String, String> listed = new TreeMap<>();
        for (String line : Files.readAllLines(LIST, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.strip().split("\\s+", 2);
                listed.put(parts[1], parts[0]);
            }
        }
        Map<String, String> present = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SCRIPTS.resolve("db"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                present.put(SCRIPTS.relativize(f).toString().replace('\\', '/'), sha256(f));
            }
        }
        List<String> problems = new ArrayList<>();
        present.forEach((script, hash) -> {
            String expected = listed.get(script);
            if (expected == null) {
                problems.add("new script, add to " + LIST + ": " + hash + "  " + script);
            } else if (!expected.equals(hash)) {
                problems.add(script + " was edited after it shipped: put the change in a new V<n+1> script");
            }
        });
        listed.keySet().stream().filter(s -> !present.containsKey(s))
                .forEach(s -> problems.add(s + " was shipped and is gone: databases that applied it fail validation"));
        assertThat(problems).isEmpty();
        assertThat(present).containsKeys("db/core/V1__storage_meta.sql", "db/lodging/V1__guests.sql");
    }

    private static String sha256(Path f) throws IOException {
        try {
            // line ends normalised: a checkout with CRLF is the same script (Flyway's checksum ignores them too)
            String text = Files.readString(f, StandardCharsets.UTF_8).replace("\r\n", "\n");
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
