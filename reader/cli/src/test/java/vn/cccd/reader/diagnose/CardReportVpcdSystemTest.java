package vn.cccd.reader.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.channels.FileLock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.smartcardio.CardTerminal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.cccd.mock.MockCards;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;
import vn.cccd.mock.testing.Captured;
import vn.cccd.mock.testing.Vpcd;
import vn.cccd.mock.vpcd.VpcdAddress;
import vn.cccd.mock.vpcd.VpcdClient;
import vn.cccd.reader.cli.ReaderCli;
import vn.cccd.reader.model.Json;
import vn.cccd.reader.testing.SystemTestSupport;

/**
 * {@code cccd-reader diagnose} through the real PC/SC stack (pcscd with vsmartcard-vpcd, SunPCSC): every persona
 * served into the vpcd slot gives a complete report that holds none of its values, with the reader's name and the
 * card's ATR as pcscd reports them.
 */
@Tag("system")
class CardReportVpcdSystemTest {

    @Test
    void theReportOfEveryPersonaThroughPcscdHoldsNoneOfItsValues() throws Exception {
        CardTerminal terminal = Vpcd.requireReader(VpcdAddress.DEFAULT);
        List<String> checked = new ArrayList<>();
        try (FileLock lock = SystemTestSupport.lockVpcd()) {
            assertThat(lock.isValid()).isTrue();
            for (Persona p : Personas.builtIn()) {
                VpcdClient client = new VpcdClient(MockCards.chip(p, List.of()), VpcdAddress.DEFAULT);
                CompletableFuture<VpcdClient.Ending> serving = Vpcd.attach(client, terminal);
                Captured c;
                try {
                    c = Captured.run(() -> ReaderCli.run(CardReportPrivacyTest.keyArgs(p, "--json", "--reader",
                            terminal.getName())));
                } finally {
                    Vpcd.detach(client, serving, terminal);
                }
                assertThat(c.exit()).as(p.name() + ": " + c.err()).isIn(0, 10);
                CardReportPrivacyTest.assertHoldsNone(c.out() + c.err(), PersonaValues.forbidden(p),
                        "report of " + p.name() + " through pcscd");
                JsonNode r = Json.MAPPER.readTree(c.out());
                assertThat(r.at("/outcome/completed").asBoolean()).as(p.name()).isTrue();
                assertThat(r.at("/reader").asText()).isEqualTo(terminal.getName());
                assertThat(r.at("/atr").asText()).isNotEmpty();
                assertThat(r.at("/apdus").size()).isPositive();
                if (p.isCccd()) {
                    assertThat(r.at("/files").findValues("field").stream().map(JsonNode::asInt).toList())
                            .as(p.name()).contains(1, 2, 3);
                }
                checked.add(p.name());
            }
        }
        assertThat(checked).hasSameSizeAs(Personas.builtInNames());
    }
}
