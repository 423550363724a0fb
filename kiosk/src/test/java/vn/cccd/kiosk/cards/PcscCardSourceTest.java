package vn.cccd.kiosk.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.cccd.kiosk.store.ProcessingLog;
import vn.cccd.kiosk.testing.TestCards;
import vn.cccd.mock.chip.Chip;
import vn.cccd.mock.chip.ChipRemovedException;
import vn.cccd.mock.pcsc.VirtualTerminals;
import vn.cccd.reader.keys.CccdKeys;
import vn.cccd.reader.error.CardLostException;
import vn.cccd.reader.error.NoCardException;
import vn.cccd.reader.read.ProgressListener;
import vn.cccd.reader.read.ReadRequest;

/** Watching readers and reading through javax.smartcardio, against the mock card's PC/SC provider. */
class PcscCardSourceTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    /** A chip that answers every command with 90 00 and remembers what it got. */
    static final class EchoChip implements Chip {
        final List<String> commands = new ArrayList<>();
        volatile boolean gone;

        @Override
        public byte[] atr() {
            return HEX.parseHex("3B8880010000000000718100F9");
        }

        @Override
        public void reset() {
        }

        @Override
        public synchronized byte[] process(byte[] command) {
            if (gone) {
                throw new ChipRemovedException("gone");
            }
            commands.add(HEX.formatHex(command));
            return new byte[] {(byte) 0x90, 0x00};
        }
    }

    private final VirtualTerminals terminals = new VirtualTerminals("Mock A");

    @Test
    void listsReadersAndCardsThroughJavaxSmartcardio() {
        PcscCardSource source = new PcscCardSource(terminals::terminalFactory, (t, r, p) -> {
            throw new AssertionError("no read expected");
        });
        assertThat(source.readers()).containsExactly(new ReaderStatus("Mock A", false));
        terminals.terminal("Mock A").insert(new EchoChip());
        assertThat(source.readers()).containsExactly(new ReaderStatus("Mock A", true));
        terminals.addTerminal("Mock B");
        assertThat(source.readers()).containsExactly(new ReaderStatus("Mock A", true), new ReaderStatus("Mock B", false));
        terminals.unplug("Mock A");
        assertThat(source.readers()).containsExactly(new ReaderStatus("Mock B", false));
    }

    @Test
    void theReadGoesThroughTheCardsChannel() {
        EchoChip chip = new EchoChip();
        terminals.terminal("Mock A").insert(chip);
        PcscCardSource source = new PcscCardSource(terminals::terminalFactory, (transport, request, progress) -> {
            byte[] answer = transport.transceive(HEX.parseHex("00A4040C07A0000002471001"));
            assertThat(answer).containsExactly(0x90, 0x00);
            return TestCards.authentic("nguyen-van-a");
        });
        var result = source.read("Mock A", request(), ProgressListener.NONE);
        assertThat(result.person().fullName()).isEqualTo("Nguyễn Văn A");
        assertThat(chip.commands).containsExactly("00A4040C07A0000002471001");
    }

    @Test
    void aCardLeavingDuringTheReadIsACardLostException() {
        EchoChip chip = new EchoChip();
        terminals.terminal("Mock A").insert(chip);
        PcscCardSource source = new PcscCardSource(terminals::terminalFactory, (transport, request, progress) -> {
            transport.transceive(HEX.parseHex("0084000008"));
            terminals.terminal("Mock A").remove();
            transport.transceive(HEX.parseHex("0084000008"));
            throw new AssertionError("the second command cannot succeed");
        });
        assertThatThrownBy(() -> source.read("Mock A", request(), ProgressListener.NONE))
                .isInstanceOf(CardLostException.class);
    }

    @Test
    void noCardOrNoReaderAreTypedErrors() {
        PcscCardSource source = new PcscCardSource(terminals::terminalFactory, (t, r, p) -> TestCards.authentic("nguyen-van-a"));
        assertThatThrownBy(() -> source.read("Mock A", request(), ProgressListener.NONE))
                .isInstanceOf(NoCardException.class).hasMessageContaining("no card");
        assertThatThrownBy(() -> source.read("Mock Z", request(), ProgressListener.NONE))
                .isInstanceOf(NoCardException.class).hasMessageContaining("Mock Z");
    }

    @Test
    void theCardServiceSeesInsertionAndRemovalAndReadsAfterConsent() throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        PcscCardSource source = new PcscCardSource(terminals::terminalFactory,
                (t, r, p) -> TestCards.authentic("nguyen-van-a"));
        CardService service = new CardService(source, (name, data) -> events.add(name), Clock.systemDefaultZone(),
                new CardService.Settings(Duration.ofMillis(30), Duration.ofMinutes(2), Duration.ofSeconds(30),
                        List.of(), true), ProcessingLog.none());
        service.open();
        try {
            await(events, "reader");
            terminals.terminal("Mock A").insert(new EchoChip());
            await(events, "card-inserted");
            service.begin();
            service.consent(new Consent("v1", "vi", "prefill-forms", java.time.Instant.now()));
            service.key(CccdKeys.candidates("001090123456", java.time.LocalDate.of(1990, 1, 1), null, null,
                    java.time.LocalDate.now()));
            await(events, "read-complete");
            assertThat(service.cards()).hasSize(1);
            terminals.terminal("Mock A").remove();
            await(events, "card-removed");
            await(events, "session-cleared");
            assertThat(service.cards()).isEmpty();
            // hot-plug: a reader plugged in later is watched too
            terminals.addTerminal("Mock B");
            await(events, "reader");
            assertThat(service.readers()).extracting(ReaderStatus::name).contains("Mock B");
        } finally {
            service.close();
        }
    }

    private static void await(BlockingQueue<String> events, String name) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < end) {
            String e = events.poll(100, TimeUnit.MILLISECONDS);
            if (name.equals(e)) {
                return;
            }
            if (e != null) {
                seen.add(e);
            }
        }
        throw new AssertionError("no " + name + " event; saw " + seen);
    }

    private static ReadRequest request() {
        return new ReadRequest(CccdKeys.candidates("001090123456", java.time.LocalDate.of(1990, 1, 1), null, null,
                java.time.LocalDate.now()), true, List.of());
    }

}
