package vn.cccd.reader.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.cccd.mock.MockCards;
import vn.cccd.mock.chip.Chip;
import vn.cccd.mock.fault.StallAfterChip;
import vn.cccd.mock.pcsc.VirtualTerminals;
import vn.cccd.mock.persona.DocumentFactory;
import vn.cccd.mock.persona.Personas;
import vn.cccd.reader.error.CardLostException;
import vn.cccd.reader.read.DocumentReader;
import vn.cccd.reader.read.ProgressListener;
import vn.cccd.reader.read.ReadRequest;
import vn.cccd.reader.transport.pcsc.PcscReaders;
import vn.cccd.reader.transport.pcsc.PcscTransport;
import vn.cccd.reader.transport.TracingTransport;

/** A card that stops answering ends the read with "card lost" within the exchange deadline, not a hang. */
class SilentCardTest {
    @Test
    void aStalledCardIsLostWithinTheDeadline() {
        VirtualTerminals terminals = new VirtualTerminals("R");
        Chip chip = new StallAfterChip(MockCards.chip("nguyen-van-a"), 12, Duration.ofSeconds(20));
        terminals.terminal("R").insert(chip);
        PcscReaders readers = new PcscReaders(terminals::terminalFactory);
        ReadRequest request = new ReadRequest(
                List.of(DocumentFactory.profile(Personas.builtIn("nguyen-van-a"), List.of()).bacKey()), true, List.of());
        long t0 = System.nanoTime();
        try (PcscTransport card = readers.connect(readers.terminal("R"))) {
            assertThatThrownBy(() -> new DocumentReader().read(TracingTransport.standard(card, Duration.ofMillis(700)),
                    request, ProgressListener.NONE))
                    .isInstanceOf(CardLostException.class).hasMessageContaining("stopped answering");
        }
        // functional bound, not a benchmark: far below the 20 s the chip would stall
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }
}
