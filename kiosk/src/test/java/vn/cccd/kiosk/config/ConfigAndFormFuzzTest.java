package vn.cccd.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cccd.kiosk.forms.FormRegistry;
import vn.cccd.reader.lds.Mutations;

/**
 * Seeded mutations of the shipped configuration and of every shipped form definition: each must load or stop the
 * kiosk with a {@link ConfigException} naming the key or file, never another exception. 400 inputs each in the
 * normal suite; {@code -Dfuzz.iterations=N} for a long run.
 */
class ConfigAndFormFuzzTest {
    static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 400);
    private static final Path CONFIG = Path.of("..", "config");

    @TempDir
    static Path dir;

    record Target(String name, byte[] valid, Function<byte[], ?> parser) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Target> targets() throws IOException {
        List<Target> all = new ArrayList<>();
        // the configuration's folders resolve against its own: give the mutated files the shipped ones
        for (String sub : List.of("forms", "trust")) {
            Files.createSymbolicLink(dir.resolve(sub), CONFIG.resolve(sub).toAbsolutePath());
        }
        all.add(new Target("kiosk.properties", Files.readAllBytes(CONFIG.resolve("kiosk.properties")), b -> {
            try {
                Path f = Files.createTempFile(dir, "kiosk", ".properties");
                Files.write(f, b);
                return ConfigLoader.fromFile(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        try (Stream<Path> forms = Files.list(CONFIG.resolve("forms"))) {
            for (Path f : forms.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String name = f.getFileName().toString();
                all.add(new Target(name, Files.readAllBytes(f), b -> FormRegistry.parse(b, name)));
            }
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("targets")
    void mutatedFilesLoadOrGiveAConfigError(Target t) {
        t.parser().apply(t.valid()); // the shipped file itself loads
        Random rnd = new Random(t.name().hashCode() * 31L + ITERATIONS);
        int refused = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] input = Mutations.mutate(t.valid(), rnd);
            try {
                t.parser().apply(input);
            } catch (ConfigException expected) {
                assertThat(expected.getMessage()).isNotBlank();
                refused++;
            } catch (RuntimeException | Error e) {
                fail(t.name() + " threw " + e + " for mutation #" + i, e);
            }
        }
        assertThat(refused).as("the mutations reach the checks").isPositive();
    }
}
