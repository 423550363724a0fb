package vn.cccd.mock.persona;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cccd.reader.keys.CccdKeys;
import vn.cccd.reader.keys.MrzKey;

/** What a person types (ID number, birth, issue date) gives the key that opens their chip. */
class PersonaKeysTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    static Stream<Persona> cccdPersonas() {
        return Personas.builtIn().stream().filter(Persona::isCccd);
    }

    @ParameterizedTest
    @MethodSource("cccdPersonas")
    void everyPersonasChipOpensWithWhatThePersonTypes(Persona p) {
        LocalDate dob = LocalDate.parse(p.person().dateOfBirth());
        MrzKey expected = DocumentFactory.profile(p, List.of()).bacKey();
        // the rule's key comes first (near misses of the renewal rules may follow it)
        assertThat(CccdKeys.candidates(p.person().idNumber(), dob, LocalDate.parse(p.person().issueDate()), null, TODAY))
                .first().isEqualTo(expected);
        assertThat(CccdKeys.candidates(p.person().idNumber(), dob, null, null, TODAY)).contains(expected);
    }
}
