package vn.cccd.reader.apdu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The eMRTD application ID (A0 00 00 02 47 10 01, ICAO 9303-10 3.6.2) is written in one place, {@link Iso7816}: the
 * main sources of every reader module and of the mock card are scanned for it as hex bytes or a hex string.
 */
class EmrtdAidOnlyInVocabularyTest {
    private static final String SEP = "[\\s,:\"+]*(?:\\(byte\\)\\s*)?(?:0x)?";
    private static final Pattern AID = Pattern.compile(
            "(?i)(?:0x)?A0" + SEP + "00" + SEP + "00" + SEP + "02" + SEP + "47" + SEP + "10" + SEP + "01(?![0-9a-f])");

    @Test
    void onlyIso7816WritesTheAid() throws IOException {
        Path root = repositoryRoot();
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root.resolve("reader"))) {
            for (Path module : modules.toList()) {
                sources.addAll(javaFiles(module.resolve("src/main/java")));
            }
        }
        sources.addAll(javaFiles(root.resolve("mock-card/src/main/java")));

        List<String> writers = sources.stream()
                .filter(f -> AID.matcher(read(f)).find())
                .map(f -> root.relativize(f).toString().replace('\\', '/'))
                .toList();

        assertThat(sources).hasSizeGreaterThan(100);
        assertThat(writers).containsExactly("reader/core/src/main/java/vn/cccd/reader/apdu/Iso7816.java");
    }

    @Test
    void thePatternFindsTheAidInEveryUsualSpelling() {
        assertThat(AID.matcher("{(byte) 0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01}").find()).isTrue();
        assertThat(AID.matcher("Hex.decode(\"A0 00 00 02 47 10 01\")").find()).isTrue();
        assertThat(AID.matcher("\"a0000002471001\"").find()).isTrue();
        assertThat(AID.matcher("A0:00:00:02:47:10:01").find()).isTrue();
        assertThat(AID.matcher("A0 00 00 02 47 10 02").find()).isFalse();
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("reader")) && Files.isDirectory(dir.resolve("mock-card")))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root (with reader/ and mock-card/) above the working directory").isNotNull();
        return dir;
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
