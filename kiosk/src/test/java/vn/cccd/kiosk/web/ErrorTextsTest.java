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
import vn.cccd.kiosk.output.PrintException;
import vn.cccd.kiosk.store.StorageException;
import vn.cccd.reader.qr.QrException;

/**
 * The page's one error table (web/js/errors.js) has a Vietnamese and an English text for every error code the
 * server can send. The codes are collected from the main Java sources of every module (the code argument of
 * {@code ApiException}: a literal, or an expression listed here with the codes it gives; the code of
 * {@code SessionException}, {@code LodgingException}, a read {@code Failure}; a JSON {@code "code"} written by
 * hand; the literals a {@code code()} method returns), plus the enums whose names become codes
 * ({@link QrException.Reason}, {@link PrintException.Reason}, {@link StorageException.Code} as {@code STORAGE_*}).
 */
class ErrorTextsTest {
    static final Path TABLE = Path.of("src", "main", "resources", "web", "js", "errors.js");
    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    private static final String CODE = "([A-Z][A-Z0-9_]*)";
    private static final String TEXT = "'((?:[^'\\\\]|\\\\.)*)'";
    /** One entry per line, as errors.js says. */
    private static final Pattern ENTRY = Pattern.compile("^  " + CODE + ": \\{ vi: " + TEXT + ", en: " + TEXT
            + " \\},$");
    /** Exceptions whose first argument (second for LodgingException) is the code; read failures. */
    private static final List<Pattern> CODE_SITES = List.of(
            Pattern.compile("SessionException\\(\\s*\"" + CODE + "\""),
            Pattern.compile("LodgingException\\([^,()]+,\\s*\"" + CODE + "\""),
            Pattern.compile("Failure\\(\\s*\"" + CODE + "\""),
            Pattern.compile("\"code\",\\s*\"" + CODE + "\""));
    private static final Pattern CODE_METHOD = Pattern.compile("String code\\(\\)\\s*\\{([^}]*)\\}");
    private static final Pattern LITERAL = Pattern.compile("\"" + CODE + "\"");
    /** A code made at run time in a code() method: a literal prefix and a value. */
    private static final Pattern BUILT = Pattern.compile("\"([A-Z][A-Z0-9_]*_)\"\\s*\\+");
    /**
     * The codes an ApiException gets from an expression rather than a literal, by the expression (whitespace
     * removed). e.code(): a SessionException, QrException or LodgingException, whose codes are collected where they
     * are made; e.reason().name(): a PrintException; STORAGE_: every StorageException.Code (ApiErrors); INVALID_:
     * LodgingApi.date(text, name) with the names "date" and "departure".
     */
    private static final Map<String, List<String>> EXPRESSIONS = Map.of(
            "e.code()", List.of(),
            "e.reason().name()", Arrays.stream(PrintException.Reason.values()).map(Enum::name).toList(),
            "\"STORAGE_\"+e.code()", Arrays.stream(StorageException.Code.values()).map(c -> "STORAGE_" + c.name())
                    .toList(),
            "\"INVALID_\"+name.toUpperCase(java.util.Locale.ROOT)", List.of("INVALID_DATE", "INVALID_DEPARTURE"));
    /** The values each run-time prefix of a code() method takes: any status word, one entry for the prefix. */
    private static final Map<String, List<String>> BUILT_VALUES = Map.of("STATUS_WORD_", List.of("STATUS_WORD"));

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
            codes.addAll(apiExceptionCodes(java, file));
            Matcher method = CODE_METHOD.matcher(java);
            while (method.find()) {
                String body = method.group(1);
                LITERAL.matcher(body).results().map(r -> r.group(1)).forEach(codes::add);
                Matcher built = BUILT.matcher(body);
                while (built.find()) {
                    String prefix = built.group(1);
                    assertThat(BUILT_VALUES).as("a code built at run time in " + file + ": list its values here")
                            .containsKey(prefix);
                    codes.remove(prefix);
                    codes.addAll(BUILT_VALUES.get(prefix));
                }
            }
        }
        Arrays.stream(QrException.Reason.values()).map(Enum::name).forEach(codes::add);
        return codes;
    }

    /** The code argument of every {@code new ApiException(status, code, ...)}: a literal or a known expression. */
    static List<String> apiExceptionCodes(String java, Path file) {
        List<String> codes = new ArrayList<>();
        String call = "new ApiException(";
        for (int i = java.indexOf(call); i >= 0; i = java.indexOf(call, i + 1)) {
            List<String> args = arguments(java, i + call.length());
            if (args.size() < 2) {
                continue; // the constructor's own declaration
            }
            String code = args.get(1).strip();
            Matcher literal = Pattern.compile("\"" + CODE + "\"").matcher(code);
            if (literal.matches()) {
                codes.add(literal.group(1));
                continue;
            }
            String expression = code.replaceAll("\\s+", "");
            assertThat(EXPRESSIONS).as("an ApiException code made by an expression in " + file
                    + ": list the codes it gives here").containsKey(expression);
            codes.addAll(EXPRESSIONS.get(expression));
        }
        return codes;
    }

    /** The top-level arguments of a call whose '(' ends just before {@code from} (strings and nesting skipped). */
    private static List<String> arguments(String java, int from) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < java.length(); i++) {
            char c = java.charAt(i);
            if (c == '"') {
                for (i++; i < java.length() && java.charAt(i) != '"'; i++) {
                    if (java.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if ((c == ')' || c == '}' || c == ']') && depth > 0) {
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(java.substring(start, i));
                start = i + 1;
            } else if (c == ')') {
                args.add(java.substring(start, i));
                return args;
            }
        }
        return args;
    }

    /** The main Java sources of every module, however deep it sits (reader/core, kiosk, ...). */
    private static List<Path> mainSources() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> dirs = Files.walk(REPOSITORY, 6)) {
            for (Path main : dirs.filter(d -> d.endsWith(Path.of("src", "main", "java")) && Files.isDirectory(d))
                    .toList()) {
                try (Stream<Path> walk = Files.walk(main)) {
                    walk.filter(f -> f.toString().endsWith(".java")).forEach(files::add);
                }
            }
        }
        assertThat(files).as("main sources under " + REPOSITORY).isNotEmpty();
        return files;
    }
}
