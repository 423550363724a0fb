package vn.cccd.reader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cccd.mock.persona.DocumentFactory;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;
import vn.cccd.mock.pki.MockPki;
import vn.cccd.mock.testing.Captured;
import vn.cccd.reader.cli.ReaderCli;
import vn.cccd.reader.lds.vn.Dg13Layout;
import vn.cccd.reader.model.Json;
import vn.cccd.reader.model.Person;
import vn.cccd.reader.document.DocumentFiles;

/**
 * Each DG13 layout the public sources show (docs/CARD-LAYOUTS.md), signed into a card's files and read back with
 * {@code cccd-reader verify DIR --json}: every person field right, the card authentic, no problem reported.
 */
class Dg13LayoutsVerifyCliTest {
    @TempDir
    static Path tmp;
    static Path trust;

    @BeforeAll
    static void writeAnchors() throws Exception {
        trust = tmp.resolve("trust");
        MockPki.instance().writeTrustAnchors(trust);
    }

    /** A field order no source promises against: BER does not sort a SET. */
    static final List<Integer> SHUFFLED = List.of(9, 16, 2, 13, 1, 14, 5, 12, 3, 8, 11, 4, 15, 7, 10, 6);

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of("real: SET, index order", Dg13Layout.REAL),
                Arguments.of("real: SET, shuffled", Dg13Layout.REAL.withOrder(SHUFFLED)),
                Arguments.of("SEQUENCE container, index order", Dg13Layout.REAL.withFieldsIn(0x30)),
                Arguments.of("SEQUENCE container, shuffled", Dg13Layout.REAL.withFieldsIn(0x30).withOrder(SHUFFLED)),
                Arguments.of("SET, parents together, shuffled",
                        Dg13Layout.REAL.withParents(Dg13Layout.ParentsShape.TOGETHER).withOrder(SHUFFLED)),
                Arguments.of("SET, spouse plain, absent fields left out",
                        Dg13Layout.REAL.withSpouse(Dg13Layout.SpouseShape.PLAIN).withAbsentAsEmpty(false)),
                Arguments.of("fields directly under 6D, shuffled", Dg13Layout.FLAT.withOrder(SHUFFLED)),
                Arguments.of("legacy synthetic layout", Dg13Layout.LEGACY_SYNTHETIC));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void roundTripsThroughVerifyWithEveryFieldRight(String name, Dg13Layout layout) throws Exception {
        for (String persona : List.of("pham-van-binh", "hoang-minh-khoi", "nguyen-van-a")) {
            Persona p = Personas.builtIn(persona);
            Path dir = tmp.resolve(persona + "-" + name.replaceAll("[^a-z0-9]+", "-"));
            new DocumentFiles(DocumentFactory.files(p, List.of(), layout)).save(dir);
            Captured r = Captured.run(() -> ReaderCli.run(new String[] {"verify", dir.toString(), "--trust",
                    trust.toString(), "--json"}));
            assertThat(r.exit()).as(persona + ": " + r.err()).isZero();
            JsonNode json = Json.MAPPER.readTree(r.out());
            assertThat(Json.MAPPER.treeToValue(json.get("person"), Person.class)).as(persona).isEqualTo(p.person());
            assertThat(json.at("/verification/overall").asText()).isEqualTo("AUTHENTIC");
            assertThat(json.has("problems")).as(persona).isFalse();
        }
    }
}
