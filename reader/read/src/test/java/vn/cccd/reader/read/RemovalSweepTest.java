package vn.cccd.reader.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.mock.MockCards;
import vn.cccd.mock.pcsc.MockTerminal;
import vn.cccd.mock.pcsc.VirtualTerminals;
import vn.cccd.mock.persona.DocumentFactory;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;
import vn.cccd.mock.pki.MockPki;
import vn.cccd.reader.error.CardLostException;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.model.Verification;
import vn.cccd.reader.read.DocumentReader;
import vn.cccd.reader.read.ProgressListener;
import vn.cccd.reader.read.ReadRequest;
import vn.cccd.reader.transport.pcsc.PcscReaders;
import vn.cccd.reader.transport.pcsc.PcscTransport;
import vn.cccd.reader.transport.TracingTransport;

/**
 * The card pulled out after every APDU index of a full read, through javax.smartcardio: every run ends in
 * "card removed" (never a result, never another error), no exchange thread is left behind, and the next card on the
 * same reader reads fully and verifies.
 */
class RemovalSweepTest {
    @TempDir
    static Path trust;
    static final Persona P = Personas.builtIn("nguyen-thi-a"); // BAC, Chip and Active Authentication, portrait

    @BeforeAll
    static void anchors() throws Exception {
        MockPki.instance().writeTrustAnchors(trust);
    }

    static CardReadResult read(VirtualTerminals terminals) {
        PcscReaders readers = new PcscReaders(terminals::terminalFactory);
        ReadRequest request = new ReadRequest(List.of(DocumentFactory.profile(P, List.of()).bacKey()), true, List.of(trust));
        try (PcscTransport card = readers.connect(readers.terminal("R"))) {
            return new DocumentReader().read(TracingTransport.standard(card), request, ProgressListener.NONE);
        }
    }

    static int apdusOfAFullRead() {
        VirtualTerminals t = new VirtualTerminals("R");
        t.terminal("R").insert(MockCards.chip(P.name()));
        return (int) read(t).stats().apdus();
    }

    static Set<String> exchangeThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("card-exchange") || n.startsWith("card-release")).collect(Collectors.toSet());
    }

    @Test
    void removalAfterEveryApduIsCardRemovedAndTheNextCardReads() throws Exception {
        int total = apdusOfAFullRead();
        assertThat(total).isGreaterThan(20);
        VirtualTerminals terminals = new VirtualTerminals("R");
        MockTerminal reader = terminals.terminal("R");
        for (int n : IntStream.range(0, total).toArray()) {
            reader.insert(MockCards.chip(P.name(), "remove-after:" + n));
            assertThatThrownBy(() -> read(terminals)).as("removed after %d of %d APDUs", n, total)
                    .isInstanceOf(CardLostException.class);
            reader.remove();
        }
        reader.insert(MockCards.chip(P.name()));
        CardReadResult again = read(terminals);
        assertThat(again.verification().overall()).isEqualTo(Verification.Overall.AUTHENTIC);
        assertThat(again.person()).isEqualTo(P.person());
        // idle exchange threads end by themselves within seconds: nothing accumulates per read
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!exchangeThreads().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(exchangeThreads()).isEmpty();
    }
}
