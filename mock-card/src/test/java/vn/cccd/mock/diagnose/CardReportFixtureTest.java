package vn.cccd.mock.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cccd.mock.MockCards;
import vn.cccd.mock.pcsc.VirtualTerminals;
import vn.cccd.mock.persona.DocumentFactory;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;
import vn.cccd.reader.diagnose.CardDiagnosis;
import vn.cccd.reader.diagnose.CardReport;
import vn.cccd.reader.diagnose.TlvSkeleton;
import vn.cccd.reader.lds.Dg13File;
import vn.cccd.reader.lds.LdsFile;
import vn.cccd.reader.model.Json;
import vn.cccd.reader.read.DocumentReader;
import vn.cccd.reader.read.ReadRequest;
import vn.cccd.reader.transport.PcscReaders;

/**
 * The report is enough to rebuild a card's DG13 layout as a fixture: report → a DG13 with the same skeleton and
 * filler values → the reader's DG13 parser finds the same field indices as in the card's own DG13.
 */
class CardReportFixtureTest {

    static List<String> cccdPersonas() {
        return Personas.builtIn().stream().filter(Persona::isCccd).map(Persona::name).toList();
    }

    static CardReport report(Persona p) {
        VirtualTerminals terminals = new VirtualTerminals("R");
        terminals.terminal("R").insert(MockCards.chip(p, List.of()));
        PcscReaders readers = new PcscReaders(terminals::terminalFactory);
        ReadRequest request = new ReadRequest(List.of(DocumentFactory.profile(p, List.of()).bacKey()), false, List.of());
        return CardDiagnosis.run(readers.connect(readers.terminal("R")), "R", request, new DocumentReader());
    }

    @ParameterizedTest
    @MethodSource("cccdPersonas")
    void aDg13RebuiltFromTheReportParsesWithTheSameFieldIndices(String name) throws Exception {
        Persona p = Personas.builtIn(name);
        JsonNode json = Json.MAPPER.readTree(report(p).toJson());
        JsonNode skeleton = null;
        for (JsonNode f : json.at("/files")) {
            if ("DG13".equals(f.at("/file").asText())) {
                skeleton = f.at("/skeleton");
            }
        }
        assertThat(skeleton).as("DG13 in the report").isNotNull();
        byte[] card = DocumentFactory.files(p).get(LdsFile.DG13);
        byte[] fixture = SkeletonFixture.build(skeleton);

        assertThat(fixture).hasSameSizeAs(card).isNotEqualTo(card);
        assertThat(structure(TlvSkeleton.of(fixture, "DG13"))).isEqualTo(structure(TlvSkeleton.of(card, "DG13")));
        TreeSet<Integer> onCard = fields(Dg13File.parse(card));
        assertThat(onCard).contains(1, 2, 3);
        assertThat(fields(Dg13File.parse(fixture))).isEqualTo(onCard);
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
