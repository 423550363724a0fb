package vn.cccd.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Kiosk classes stay small enough to have one job (issue 17: no kiosk class over about 450 lines): a class that
 * grows past it is split by job, not waved through. The page's scripts have the same limit in ScriptSizeTest.
 */
class SourceSizeTest {
    static final Path SOURCES = Path.of("src", "main", "java");
    static final int MAX_LINES = 450;

    @Test
    void noKioskSourceFileHasMoreThan450Lines() throws IOException {
        Map<String, Integer> lines = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            for (Path java : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
                lines.put(SOURCES.relativize(java).toString(), Files.readAllLines(java, StandardCharsets.UTF_8).size());
            }
        }
        // the walk really saw the kiosk's sources, so an empty result cannot pass by accident
        assertThat(lines).as("kiosk sources").containsKeys(Path.of("vn", "cccd", "kiosk", "server", "KioskApp.java")
                .toString(), Path.of("vn", "cccd", "kiosk", "output", "FormPdfRenderer.java").toString());
        assertThat(lines.entrySet().stream().filter(e -> e.getValue() > MAX_LINES).map(e -> e.getKey() + ": "
                + e.getValue() + " lines").toList()).as("kiosk source files over " + MAX_LINES + " lines").isEmpty();
    }
}
