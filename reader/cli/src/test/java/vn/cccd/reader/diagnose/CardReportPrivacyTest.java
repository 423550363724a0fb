package vn.cccd.reader.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cccd.mock.MockCards;
import vn.cccd.mock.chip.Chip;
import vn.cccd.mock.fault.ChipDecorator;
import vn.cccd.mock.fault.Fault;
import vn.cccd.mock.pcsc.VirtualTerminals;
import vn.cccd.mock.persona.DocumentFactory;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;
import vn.cccd.mock.pki.MockPki;
import vn.cccd.mock.testing.Captured;
import vn.cccd.reader.cli.ReaderCli;
import vn.cccd.reader.diagnose.CardDiagnosis;
import vn.cccd.reader.diagnose.CardReport;
import vn.cccd.reader.model.Json;
import vn.cccd.reader.read.DocumentReader;
import vn.cccd.reader.read.ReadRequest;
import vn.cccd.reader.transport.pcsc.PcscReaders;

/**
 * {@code cccd-reader diagnose} in-process (the mock javax.smartcardio provider): the report of every persona holds
 * none of the persona's values in any encoding, nor any body byte that went over the wire, and still says what a
 * developer needs (protocols, access control, block sizes, status words, DG13 field indices).
 */
class CardReportPrivacyTest {
    @TempDir
    static Path tmp;

    @BeforeAll
    static void anchors() throws Exception {
        MockPki.instance().writeTrustAnchors(tmp);
    }

    static List<String> personas() {
        return Personas.builtInNames();
    }

    static String[] keyArgs(Persona p, String... more) {
        List<String> a = new ArrayList<>(List.of("diagnose"));
        if (p.isCccd()) {
            a.addAll(List.of("--id-number", p.person().idNumber(), "--dob", p.person().dateOfBirth()));
        } else {
            var key = DocumentFactory.profile(p, List.of()).bacKey();
            a.addAll(List.of("--mrz", key.documentNumber() + ":" + key.dateOfBirth() + ":" + key.dateOfExpiry()));
        }
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    static Captured diagnose(Chip chip, String... args) {
        VirtualTerminals terminals = new VirtualTerminals("Reader A");
        terminals.terminal("Reader A").insert(chip);
        return Captured.run(() -> ReaderCli.run(new PcscReaders(terminals::terminalFactory), args));
    }

    /** Fails naming the value's encoding (never printing the report around it). */
    static void assertHoldsNone(String report, Set<String> forbidden, String what) {
        List<String> found = new ArrayList<>();
        for (String v : forbidden) {
            if (report.contains(v)) {
                found.add(v);
            }
        }
        assertThat(found).as("persona values found in the %s", what).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("personas")
    void theReportOfEveryPersonaHoldsNoneOfItsValues(String name) throws Exception {
        Persona p = Personas.builtIn(name);
        Set<String> forbidden = PersonaValues.forbidden(p);
        Captured json = diagnose(MockCards.chip(p, List.of()), keyArgs(p, "--json", "--trust", tmp.toString()));
        assertThat(json.exit()).as(json.err()).isZero();
        assertHoldsNone(json.out(), forbidden, "JSON report");
        assertHoldsNone(json.err(), forbidden, "error output");

        JsonNode r = Json.MAPPER.readTree(json.out());
        assertThat(r.at("/report").asText()).isEqualTo(CardReport.FORMAT);
        assertThat(r.at("/outcome/completed").asBoolean()).isTrue();
        // the protocol that worked is the one the reader's own record says opened the chip, and the last one on the wire
        JsonNode recorded = r.at("/accessControl/recorded");
        JsonNode opened = recorded.get(recorded.size() - 1);
        assertThat(opened.at("/outcome").asText()).isEqualTo("OPENED");
        assertThat(r.at("/accessControl/worked").asText()).isEqualTo(opened.at("/protocol").asText());
        JsonNode onWire = r.at("/accessControl/attempts");
        assertThat(onWire.get(onWire.size() - 1).at("/protocol").asText()).isEqualTo(opened.at("/protocol").asText());
        assertThat(onWire.get(onWire.size() - 1).at("/worked").asBoolean()).isTrue();
        assertThat(r.at("/apdus").size()).isEqualTo(r.at("/stats/apdus").asInt()).isPositive();
        List<String> read = new ArrayList<>();
        r.at("/files").forEach(f -> {
            if ("read".equals(f.at("/status").asText())) {
                read.add(f.at("/file").asText());
                assertThat(f.at("/skeleton").size()).as(f.at("/file").asText()).isPositive();
            }
        });
        assertThat(read).contains("COM", "DG1", "DG2", "SOD");
        if (p.isCccd()) {
            assertThat(read).contains("DG13");
            assertThat(r.at("/files").findValues("field").stream().map(JsonNode::asInt).toList()).contains(1, 2, 3);
        }
        if (p.access().pace()) {
            assertThat(r.at("/cardAccess/0/oid").asText()).startsWith("0.4.0.127.0.7.2.2.4.");
            assertThat(r.at("/cardAccess/0/parameterId").isInt()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("personas")
    void noBodyByteOfAnyExchangeNorAnyValueReachesTheTextOrJsonReport(String name) {
        Persona p = Personas.builtIn(name);
        BodyKeepingChip chip = new BodyKeepingChip(MockCards.chip(p, List.of()));
        VirtualTerminals terminals = new VirtualTerminals("R");
        terminals.terminal("R").insert(chip);
        PcscReaders readers = new PcscReaders(terminals::terminalFactory);
        ReadRequest request = new ReadRequest(List.of(DocumentFactory.profile(p, List.of()).bacKey()), true, List.of(tmp));
        CardReport report = CardDiagnosis.run(readers.connect(readers.terminal("R")), "R", request, new DocumentReader());
        String all = report.toJson() + report.toText();
        assertHoldsNone(report.toText(), PersonaValues.forbidden(p), "text report");
        if (p.isCccd()) {
            assertThat(report.toText()).contains("[field 1]", "12 characters, digits");
        }
        // every 6-byte stretch of every command body (but a plain SELECT's public identifier) and every answer:
        // challenges, cryptograms, MACs, keys, file contents
        List<String> leaked = new ArrayList<>();
        int windows = 0;
        for (byte[] body : chip.bodies) {
            for (int i = 0; i + 6 <= body.length; i += 3) {
                byte[] w = java.util.Arrays.copyOfRange(body, i, i + 6);
                windows++;
                for (String h : PersonaValues.hex(w)) {
                    if (all.contains(h)) {
                        leaked.add(h);
                    }
                }
            }
        }
        assertThat(windows).isGreaterThan(1000);
        assertThat(leaked).isEmpty();
    }

    @Test
    void aWrongKeyGivesExit4AndAReportOfTheRefusedAttemptWithoutTheKey() throws Exception {
        Persona p = Personas.builtIn("nguyen-van-a");
        String wrongDob = "1991-02-03";
        Captured c = diagnose(MockCards.chip(p, List.of()), "diagnose", "--id-number", p.person().idNumber(), "--dob",
                wrongDob, "--expiry", "2031-02-03", "--json");
        assertThat(c.exit()).isEqualTo(4);
        JsonNode r = Json.MAPPER.readTree(c.out());
        assertThat(r.at("/outcome/completed").asBoolean()).isFalse();
        assertThat(r.at("/outcome/error").asText()).isEqualTo("ACCESS_DENIED");
        assertThat(r.at("/accessControl/attempts/0/protocol").asText()).isEqualTo("BAC");
        assertThat(r.at("/accessControl/attempts/0/worked").asBoolean()).isFalse();
        assertThat(r.at("/accessControl/attempts/0/sw").asText()).isNotEqualTo("9000");
        assertHoldsNone(c.out() + c.err(), PersonaValues.forbidden(p), "report of a refused key");
        for (String v : List.of("910203", "310203", "03/02/1991", "1991-02-03")) {
            assertThat(c.out() + c.err()).doesNotContain(v);
        }
    }

    @Test
    void noCardGivesExit3AndNoKeyExit2WithoutAReport() {
        VirtualTerminals terminals = new VirtualTerminals("Reader A");
        Persona p = Personas.builtIn("nguyen-van-a");
        Captured none = Captured.run(() -> ReaderCli.run(new PcscReaders(terminals::terminalFactory), keyArgs(p)));
        assertThat(none.exit()).isEqualTo(3);
        assertThat(none.out()).doesNotContain(CardReport.FORMAT);
        Captured noKey = Captured.run(() -> ReaderCli.run(new PcscReaders(terminals::terminalFactory), "diagnose",
                "--dob", "1990-01-01"));
        assertThat(noKey.exit()).isEqualTo(2);
    }

    @Test
    void aChipThatRefusesPaceWithTheMrzDataShowsThePaceRefusalThenBacWorking() throws Exception {
        Persona p = Personas.builtIn("le-van-cuong");
        Captured c = diagnose(MockCards.chip(p, List.of()), keyArgs(p, "--json"));
        assertThat(c.exit()).as(c.err()).isEqualTo(10);
        JsonNode r = Json.MAPPER.readTree(c.out());
        assertThat(r.at("/accessControl/worked").asText()).isEqualTo("BAC");
        assertThat(r.at("/accessControl/attempts/0/protocol").asText()).isEqualTo("PACE");
        assertThat(r.at("/accessControl/attempts/0/worked").asBoolean()).isFalse();
        assertThat(r.at("/accessControl/attempts/0/sw").asText()).isNotEqualTo("9000");
        JsonNode last = r.at("/accessControl/attempts").get(r.at("/accessControl/attempts").size() - 1);
        assertThat(last.at("/protocol").asText()).isEqualTo("BAC");
        assertThat(last.at("/worked").asBoolean()).isTrue();
        assertThat(r.at("/accessControl/recorded/0/outcome").asText()).isEqualTo("REFUSED");
        assertHoldsNone(c.out() + c.err(), PersonaValues.forbidden(p), "report");
    }

    @Test
    void aCardRemovedMidReadGivesExit5AndAReportNamingTheFileItStoppedIn() throws Exception {
        Persona p = Personas.builtIn("tran-van-uong");
        Captured c = diagnose(MockCards.chip(p, Fault.parseAll(List.of("remove-after:30"))), keyArgs(p, "--json"));
        assertThat(c.exit()).isEqualTo(5);
        JsonNode r = Json.MAPPER.readTree(c.out());
        assertThat(r.at("/outcome/error").asText()).isEqualTo("CARD_REMOVED");
        List<String> failed = new ArrayList<>();
        r.at("/files").forEach(f -> {
            if ("failed".equals(f.at("/status").asText())) {
                failed.add(f.at("/file").asText());
            }
        });
        assertThat(failed).hasSize(1);
        assertHoldsNone(c.out() + c.err(), PersonaValues.forbidden(p), "report of a removed card");
    }

    @Test
    void aReaderLimitedToSmallBlocksShowsTheBlockSizesThatWorked() throws Exception {
        Persona p = Personas.builtIn("nguyen-van-a");
        Captured c = diagnose(MockCards.chip(p, Fault.parseAll(List.of("max-le:100"))), keyArgs(p, "--json"));
        JsonNode r = Json.MAPPER.readTree(c.out());
        assertThat(r.at("/outcome/completed").asBoolean()).as(c.err()).isTrue();
        JsonNode dg2 = null;
        for (JsonNode f : r.at("/files")) {
            if ("DG2".equals(f.at("/file").asText())) {
                dg2 = f;
            }
        }
        assertThat(dg2).isNotNull();
        List<Integer> sizes = new ArrayList<>();
        dg2.at("/blocks").fieldNames().forEachRemaining(s -> sizes.add(Integer.parseInt(s)));
        assertThat(sizes).isNotEmpty().allMatch(s -> s <= 100);
        // the refused larger block shows as its status word on the wire
        List<String> sws = new ArrayList<>();
        r.at("/apdus").forEach(a -> sws.add(a.at("/sw").asText()));
        assertThat(sws).anyMatch(sw -> sw.equals("6700") || sw.startsWith("6C"));
    }

    /** Keeps every command body (but a plain SELECT's) and every answer, to look for them in the report. */
    static final class BodyKeepingChip extends ChipDecorator {
        final List<byte[]> bodies = new ArrayList<>();

        BodyKeepingChip(Chip inner) {
            super(inner);
        }

        @Override
        public synchronized byte[] process(byte[] command) {
            byte[] r = super.process(command);
            boolean plainSelect = (command[0] & 0x0C) == 0 && (command[1] & 0xFF) == 0xA4;
            if (command.length > 5 && !plainSelect) {
                bodies.add(java.util.Arrays.copyOfRange(command, 5, command.length));
            }
            if (r.length > 2) {
                bodies.add(java.util.Arrays.copyOf(r, r.length - 2));
            }
            return r;
        }
    }
}
