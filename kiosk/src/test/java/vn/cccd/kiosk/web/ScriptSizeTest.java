package vn.cccd.kiosk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The page's scripts stay small enough to read in one go (issue 17: one module per screen, none over about 450
 * lines): a script that grows past it is split, not waved through.
 */
class ScriptSizeTest {
    static final Path SCRIPTS = Path.of("src", "main", "resources", "web", "js");
    static final int MAX_LINES = 450;

    @Test
    void noScriptOfThePageHasMoreThan450Lines() throws IOException {
        Map<String, Integer> lines = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(SCRIPTS)) {
            for (Path js : walk.filter(f -> f.toString().endsWith(".js")).toList()) {
                List<String> text = Files.readAllLines(js, StandardCharsets.UTF_8);
                lines.put(SCRIPTS.relativize(js).toString(), text.size());
            }
        }
        assertThat(lines).as("the page's scripts").containsKeys("app.js", "state.js", "errors.js", "i18n.js");
        assertThat(lines.entrySet().stream().filter(e -> e.getValue() > MAX_LINES).map(e -> e.getKey() + ": "
                + e.getValue() + " lines").toList()).as("scripts over " + MAX_LINES + " lines").isEmpty();
    }
}
