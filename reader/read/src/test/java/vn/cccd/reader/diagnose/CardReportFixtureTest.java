package vn.cccd.reader.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cccd.mock.fault.Fault;
import vn.cccd.mock.MockCards;
import vn.cccd.mock.pcsc.VirtualTerminals;
import vn.cccd.mock.persona.DocumentFactory;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;
import vn.cccd.reader.diagnose.CardDiagnosis;
import vn.cccd.reader.diagnose.CardReport;
import vn.cccd.reader.diagnose.TlvSkeleton;
import vn.cccd.reader.lds.vn.Dg13File;
import vn.cccd.reader.lds.LdsFile;
import vn.cccd.reader.model.Json;
import vn.cccd.reader.read.DocumentReader;
import vn.cccd.reader.read.ReadRequest;
import vn.cccd.reader.transport.pcsc.PcscReaders;

/**
 * The report is enough to rebuild a card's DG13 layout as a fixture: report → a DG13 with the same skeleton and
 * filler values → the reader's DG13 parser finds the same field indices as in the card's own DG13.
 */
class CardReportFixtureTest {

    /** Every CCCD persona in the layout real cards have, and in the synthetic layout the mock card once wrote. */
    static Stream<Arguments> cccdPersonas() {
        return Personas.builtIn().stream().filter(Persona::isCccd)
                .flatMap(p -> Stream.of(Arguments.of(p.name(), "real"), Arguments.of(p.name(), "legacy-dg13-layout")));
    }

    static CardReport report(Persona p, List<Fault> faults) {
        VirtualTerminals terminals = new VirtualTerminals("R");
        terminals.terminal("R").insert(MockCards.chip(p, faults));
        PcscReaders readers = new PcscReaders(terminals::terminalFactory);
        ReadRequest request = new ReadRequest(List.of(DocumentFactory.profile(p, List.of()).bacKey()), false, List.of());
        return CardDiagnosis.run(readers.connect(readers.terminal("R")), "R", request, new DocumentReader());
    }

    @ParameterizedTest
    @MethodSource("cccdPersonas")
    void aDg13RebuiltFromTheReportParsesWithTheSameFieldIndices(String name, String layout) throws Exception {
        Persona p = Personas.builtIn(name);
        List<Fault> faults = layout.equals("real") ? List.of() : Fault.parseAll(List.of(layout));
        JsonNode json = Json.MAPPER.readTree(report(p, faults).toJson());
        JsonNode skeleton = null;
        for (JsonNode f : json.at("/files")) {
            if ("DG13".equals(f.at("/file").asText())) {
                skeleton = f.at("/skeleton");
            }
        }
        assertThat(skeleton).as("DG13 in the report").isNotNull();
        byte[] card = DocumentFactory.files(p, MockCards.documentFaults(faults)).get(LdsFile.DG13);
        if (layout.equals("real")) {
            // 6D { 30 { INTEGER 1, OID 1.0.10646.1.0.8, SET { fields } } }
            assertThat(skeleton.at("/0/children/0/children/1/value").asText()).isEqualTo("1.0.10646.1.0.8");
            assertThat(skeleton.at("/0/children/0/children/2/type").asText()).isEqualTo("SET");
        }
        byte[] fixture = SkeletonFixture.build(skeleton);

        assertThat(fixture).hasSameSizeAs(card).isNotEqualTo(card);
        assertThat(structure(TlvSkeleton.of(fixture, "DG13"))).isEqualTo(structure(TlvSkeleton.of(card, "DG13")));
        TreeSet<Integer> onCard = fields(Dg13File.parse(card));
        assertThat(onCard).contains(1, 2, 3);
        assertThat(fields(Dg13File.parse(fixture))).isEqualTo(onCard);
    }

    @Test
    void aDg13OurParserDoesNotUnderstandIsInTheReportWithItsSkeletonAndParsesFalse() throws Exception {
        Persona p = Personas.builtIn("nguyen-van-a");
        JsonNode json = Json.MAPPER.readTree(report(p, Fault.parseAll(List.of("unknown-dg13-layout"))).toJson());
        assertThat(json.at("/outcome/completed").asBoolean()).isTrue();
        JsonNode dg13 = null;
        for (JsonNode f : json.at("/files")) {
            if ("DG13".equals(f.at("/file").asText())) {
                dg13 = f;
            }
        }
        assertThat(dg13).isNotNull();
        assertThat(dg13.at("/status").asText()).isEqualTo("read");
        assertThat(dg13.at("/parses").asBoolean()).isFalse();
        assertThat(dg13.at("/parseError").asText()).startsWith("MALFORMED_DATA");
        assertThat(dg13.at("/skeleton/0/tag").asText()).isEqualTo("6D");
    }

    /** Tags, lengths and field indices, without the value descriptions (the filler's classes are simpler). */
    static String structure(List<TlvSkeleton.Node> nodes) {
        StringBuilder out = new StringBuilder();
        for (TlvSkeleton.Node n : nodes) {
            out.append(n.tag()).append(':').append(n.length());
            if (n.field() != null) {
                out.append("#").append(n.field());
            }
            if (n.children() != null) {
                out.append('{').append(structure(n.children())).append('}');
            }
            out.append(' ');
        }
        return out.toString();
    }

    /** The field indices the parser found a value (or, for 13 and 14, a name) in. */
    static TreeSet<Integer> fields(Dg13File d) {
        TreeSet<Integer> out = new TreeSet<>();
        Object[] values = {d.idNumber(), d.fullName(), d.dateOfBirthText(), d.sex(), d.nationality(), d.ethnicity(),
            d.religion(), d.placeOfOrigin(), d.placeOfResidence(), d.identifyingMarks(), d.issueDateText(),
            d.expiryText(), d.fatherName() != null || d.motherName() != null ? "" : null, d.spouseName(),
            d.field15(), d.field16()};
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                out.add(i + 1);
            }
        }
        return out;
    }
}
