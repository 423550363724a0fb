package vn.cccd.mock.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cccd.reader.lds.Mutations;

/**
 * Seeded mutations of every built-in persona's JSON: each parses or is refused with an IllegalArgumentException
 * naming the file, never another exception. 400 inputs each; {@code -Dfuzz.iterations=N} for a long run.
 */
class PersonaFuzzTest {
    static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 400);

    static java.util.List<String> personas() {
        return Personas.builtInNames();
    }

    @ParameterizedTest
    @MethodSource("personas")
    void mutatedPersonaFilesParseOrAreRefusedWithAMessage(String name) {
        byte[] valid = Personas.toJson(Personas.builtIn(name)).getBytes(StandardCharsets.UTF_8);
        assertThat(Personas.parse(valid, name + ".json")).isEqualTo(Personas.builtIn(name));
        Random rnd = new Random(name.hashCode() * 31L + ITERATIONS);
        int refused = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] input = Mutations.mutate(valid, rnd);
            try {
                Personas.parse(input, name + ".json");
            } catch (IllegalArgumentException expected) {
                assertThat(expected.getMessage()).startsWith(name + ".json");
                refused++;
            } catch (RuntimeException | Error e) {
                fail(name + " threw " + e + " for mutation #" + i, e);
            }
        }
        assertThat(refused).as("the mutations reach the checks").isPositive();
    }
}
