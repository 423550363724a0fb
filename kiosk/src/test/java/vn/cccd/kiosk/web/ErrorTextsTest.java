package vn.cccd.kiosk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.cccd.kiosk.store.StorageException;
import vn.cccd.reader.qr.QrException;

/**
 * The page's one error table (web/js/errors.js) has a Vietnamese and an English text for every error code the
 * server can send. The codes are collected from the main Java sources of every module (the code argument of
 * {@code ApiException}, {@code SessionException}, {@code LodgingException}, a read {@code Failure}, a JSON
 * {@code "code"} written by hand, and the literals a {@code code()} method returns), plus the enums whose names
 * become codes ({@link QrException.Reason}, {@link StorageException.Code} as {@code STORAGE_*}).
 */
class ErrorTextsTest {
    static final Path TABLE = Path.of("src", "main", "resources", "web", "js", "errors.js");
    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    private static final String CODE = "([A-Z][A-Z0-9_]*)";
    private static final String TEXT = "'((?:[^'\\\\]|\\\\.)*)'";
    /** One entry per line, as errors.js says. */
    private static final Pattern ENTRY = Pattern.compile("^  " + CODE + ": \\{ vi: " + TEXT + ", en: " + TEXT
            + " \\},$");
    private static final List<Pattern> CODE_SITES = List.of(
            Pattern.compile("new ApiException\\(\\s*[^,()]+,\\s*\"" + CODE + "\""),
            Pattern.compile("SessionException\\(\\s*\"" + CODE + "\""),
            Pattern.compile("LodgingException\\([^,()]+,\\s*\"" + CODE + "\""),
            Pattern.compile("Failure\\(\\s*\"" + CODE + "\""),
            Pattern.compile("\"code\",\\s*\"" + CODE + "\""));
    private static final Pattern CODE_METHOD = Pattern.compile("String code\\(\\)\\s*\\{([^}]*)\\}");
    private static final Pattern LITERAL = Pattern.compile("\"" + CODE + "\"");
    /** A code made at run time: a literal prefix and a value. */
    private static final Pattern BUILT = Pattern.compile("\"([A-Z][A-Z0-9_]*_)\"\\s*\\+");
    /**
     * The values each run-time prefix takes. INVALID_: LodgingApi.date(text, name) with the names "date" and
     * "departure"; STORAGE_: ApiHandler with every StorageException.Code; STATUS_WORD_: any status word, one
     * entry for the prefix (errors.js looks prefixes up).
     */
    private static final Map<String, List<String>> BUILT_VALUES = Map.of(
            "INVALID_", List.of("INVALID_DATE", "INVALID_DEPARTURE"),
            "STORAGE_", Arrays.stream(StorageException.Code.values()).map(c -> "STORAGE_" + c.name()).toList(),
            "STATUS_WORD_", List.of("STATUS_WORD"));

    @Test
    void everyCodeTheServerCanSendHasAVietnameseAndAnEnglishText() throws IOException {
        Map<String, String[]> table = table();
        Set<String> codes = serverCodes();
        assertThat(codes).as("the scan still finds the codes (a changed way of raising them would hide them)")
                .contains("NO_SESSION", "INVALID_KEY", "ACCESS_DENIED", "CARD_REMOVED", "WRONG_PIN", "NOT_CCCD",
                        "INVALID_FORM", "NOT_OVERNIGHT", "INVALID_BHYT_CODE", "STORAGE_BUSY", "UI_LOCKED",
                        "TOO_LARGE", "MALFORMED_DATA")
                .hasSizeGreaterThan(60);
        List<String> missing = codes.stream().filter(c -> !table.containsKey(c)).toList();
        assertThat(missing).as("codes the server sends without a text in errors.js").isEmpty();
        assertThat(table).as("the page's own codes").containsKeys("NETWORK", "OTHER", "INTERNAL");
    }

    @Test
    void everyTextIsGivenInBothLanguagesAndTheVietnameseIsNfc() throws IOException {
        for (Map.Entry<String, String[]> e : table().entrySet()) {
            String vi = e.getValue()[0];
            String en = e.getValue()[1];
            assertThat(vi).as(e.getKey() + " vi").isNotBlank();
            assertThat(en).as(e.getKey() + " en").isNotBlank();
            assertThat(Normalizer.isNormalized(vi, Normalizer.Form.NFC)).as(e.getKey() + " vi is NFC").isTrue();
            assertThat(Normalizer.isNormalized(en, Normalizer.Form.NFC)).as(e.getKey() + " en is NFC").isTrue();
        }
    }

    /** CODE → {vi, en}; every line of the table must be an entry, a comment or blank (none is skipped). */
    static Map<String, String[]> table() throws IOException {
        List<String> lines = Files.readAllLines(TABLE, StandardCharsets.UTF_8);
        int start = lines.indexOf("export const ERRORS = {");
        int end = lines.subList(start, lines.size()).indexOf("};") + start;
        assertThat(start).as("errors.js declares ERRORS").isNotNegative();
        Map<String, String[]> table = new LinkedHashMap<>();
        for (String line : lines.subList(start + 1, end)) {
            if (line.isBlank() || line.strip().startsWith("//")) {
                continue;
            }
            Matcher m = ENTRY.matcher(line);
            assertThat(m.matches()).as("an errors.js entry on one line: " + line).isTrue();
            assertThat(table.put(m.group(1), new String[] {m.group(2), m.group(3)})).as("twice: " + m.group(1))
                    .isNull();
        }
        return table;
    }

    static Set<String> serverCodes() throws IOException {
        Set<String> codes = new TreeSet<>();
        for (Path file : mainSources()) {
            String java = Files.readString(file, StandardCharsets.UTF_8);
            for (Pattern p : CODE_SITES) {
                p.matcher(java).results().map(r -> r.group(1)).forEach(codes::add);
            }
            Matcher method = CODE_METHOD.matcher(java);
            while (method.find()) {
                LITERAL.matcher(method.group(1)).results().map(r -> r.group(1)).forEach(codes::add);
            }
            Matcher built = BUILT.matcher(java);
            while (built.find()) {
                String prefix = built.group(1);
                assertThat(BUILT_VALUES).as("a code built at run time in " + file + ": list its values here")
                        .containsKey(prefix);
                codes.addAll(BUILT_VALUES.get(prefix));
                codes.remove(prefix);
            }
        }
        Arrays.stream(QrException.Reason.values()).map(Enum::name).forEach(codes::add);
        return codes;
    }

    private static List<Path> mainSources() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> modules = Files.list(REPOSITORY)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).toList()) {
                try (Stream<Path> walk = Files.walk(module.resolve("src/main/java"))) {
                    walk.filter(f -> f.toString().endsWith(".java")).forEach(files::add);
                }
            }
        }
        assertThat(files).as("main sources under " + REPOSITORY).isNotEmpty();
        return files;
    }
}
