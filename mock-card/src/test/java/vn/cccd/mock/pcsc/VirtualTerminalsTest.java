package vn.cccd.mock.pcsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import javax.smartcardio.TerminalFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.cccd.mock.chip.Chip;
import vn.cccd.mock.fault.RemoveAfterChip;
import vn.cccd.mock.fault.StallAfterChip;
import vn.cccd.mock.testing.PlainFileChip;
import vn.cccd.reader.util.Hex;

class VirtualTerminalsTest {
    private static final CommandAPDU SELECT_COM = new CommandAPDU(Hex.decode("00 A4 02 0C 02 01 1E"));
    private static final CommandAPDU READ_4 = new CommandAPDU(Hex.decode("00 B0 00 00 04"));

    private final VirtualTerminals readers = new VirtualTerminals("Reader A", "Reader B");
    private final TerminalFactory factory = readers.terminalFactory();
    private final MockTerminal a = readers.terminal("Reader A");

    @AfterEach
    void removeCards() {
        for (MockTerminal t : readers.terminals()) {
            t.remove();
        }
    }

    @Test
    void factoryFromTheProviderListsTheReaders() throws Exception {
        TerminalFactory f = TerminalFactory.getInstance("PC/SC", null, readers.provider());
        assertThat(f.getType()).isEqualTo("PC/SC");
        assertThat(f.getProvider().getName()).isEqualTo(MockPcscProvider.NAME);
        assertThat(f.terminals().list()).extracting(CardTerminal::getName).containsExactly("Reader A", "Reader B");
        assertThat(f.terminals().getTerminal("Reader B")).isSameAs(readers.terminal(1));
        // the real PC/SC stack stays the default
        assertThat(TerminalFactory.getDefault().getProvider().getName()).isNotEqualTo(MockPcscProvider.NAME);
    }

    @Test
    void emptyReaderHasNoCard() throws Exception {
        assertThat(a.isCardPresent()).isFalse();
        assertThat(a.waitForCardPresent(20)).isFalse();
        assertThat(a.waitForCardAbsent(20)).isTrue();
        assertThatThrownBy(() -> a.connect("*")).isInstanceOf(CardNotPresentException.class);
    }

    @Test
    void insertedChipIsPoweredOnAndAnswersThroughTheBasicChannel() throws Exception {
        PlainFileChip chip = PlainFileChip.withFile(16);
        a.insert(chip);
        assertThat(chip.resets()).isEqualTo(1);
        CardTerminal t = factory.terminals().list(CardTerminals.State.CARD_PRESENT).get(0);
        assertThat(t.getName()).isEqualTo("Reader A");
        Card card = t.connect("*");
        assertThat(card.getProtocol()).isEqualTo("T=1");
        assertThat(card.getATR().getBytes()).isEqualTo(PlainFileChip.ATR);
        CardChannel ch = card.getBasicChannel();
        assertThat(ch.getChannelNumber()).isZero();
        assertThat(ch.transmit(SELECT_COM).getSW()).isEqualTo(0x9000);
        ResponseAPDU r = ch.transmit(READ_4);
        assertThat(r.getSW()).isEqualTo(0x9000);
        assertThat(r.getData()).containsExactly(0, 1, 2, 3);

        ByteBuffer response = ByteBuffer.allocate(300);
        int n = ch.transmit(ByteBuffer.wrap(Hex.decode("00 B0 00 02 02")), response);
        assertThat(n).isEqualTo(4);
        assertThat(Hex.encode(response.array(), 0, n)).isEqualTo("02039000");
        assertThatThrownBy(ch::close).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void connectReturnsTheSameCardUntilDisconnectedAndRefusesOtherProtocols() throws Exception {
        PlainFileChip chip = PlainFileChip.withFile(4);
        a.insert(chip);
        Card first = a.connect("*");
        assertThat(a.connect("T=1")).isSameAs(first);
        assertThatThrownBy(() -> a.connect("T=0")).isInstanceOf(CardException.class)
                .hasMessageContaining("already established");
        assertThatThrownBy(() -> a.connect("T=CL")).isInstanceOf(IllegalArgumentException.class);
        first.disconnect(false);
        assertThat(chip.resets()).isEqualTo(1);
        assertThatThrownBy(first::getBasicChannel).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("disconnected");
        Card second = a.connect("T=1");
        assertThat(second).isNotSameAs(first);
        second.disconnect(true);
        assertThat(chip.resets()).isEqualTo(2);
        assertThatThrownBy(() -> a.connect("T=0")).isInstanceOf(CardException.class)
                .hasRootCauseMessage(PcscError.SCARD_E_PROTO_MISMATCH);
    }

    @Test
    void controlCommandsAreRefused() throws Exception {
        a.insert(PlainFileChip.withFile(4));
        Card card = a.connect("*");
        assertThatThrownBy(() -> card.transmitControlCommand(0x42000000 + 3400, new byte[0]))
                .isInstanceOf(CardException.class).hasRootCauseMessage(PcscError.SCARD_E_UNSUPPORTED_FEATURE);
    }

    @Test
    void removedCardFailsItsNextTransmitThenEveryUseEvenAfterReinsertion() throws Exception {
        PlainFileChip chip = PlainFileChip.withFile(4);
        a.insert(chip);
        Card card = a.connect("*");
        CardChannel ch = card.getBasicChannel();
        assertThat(ch.transmit(SELECT_COM).getSW()).isEqualTo(0x9000);
        assertThat(a.remove()).isTrue();
        assertThat(a.isCardPresent()).isFalse();

        assertThatThrownBy(() -> ch.transmit(READ_4)).isInstanceOf(CardException.class)
                .hasMessageContaining(PcscError.SCARD_W_REMOVED_CARD);
        assertThatThrownBy(() -> ch.transmit(READ_4)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("removed");

        a.insert(chip);
        assertThat(chip.resets()).isEqualTo(2);
        assertThatThrownBy(() -> ch.transmit(READ_4)).isInstanceOf(IllegalStateException.class);
        Card fresh = a.connect("*");
        assertThat(fresh).isNotSameAs(card);
        // power-on dropped the selection: the chip starts over
        assertThat(fresh.getBasicChannel().transmit(READ_4).getSW()).isEqualTo(0x6985);
    }

    @Test
    void removalDuringATransmitFailsThatTransmit() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Chip slow = new PlainFileChip(java.util.Map.of()) {
            @Override
            public byte[] process(byte[] command) {
                inside.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.process(command);
            }
        };
        a.insert(slow);
        CardChannel ch = a.connect("*").getBasicChannel();
        CompletableFuture<ResponseAPDU> pending = CompletableFuture.supplyAsync(() -> {
            try {
                return ch.transmit(SELECT_COM);
            } catch (CardException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        a.remove();
        release.countDown();
        assertThatThrownBy(() -> pending.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage(PcscError.SCARD_W_REMOVED_CARD);
    }

    @Test
    void stalledCardIsReleasedByRemoval() throws Exception {
        a.insert(new StallAfterChip(PlainFileChip.withFile(4), 1, Duration.ofMinutes(5)));
        CardChannel ch = a.connect("*").getBasicChannel();
        assertThat(ch.transmit(SELECT_COM).getSW()).isEqualTo(0x9000);
        CompletableFuture<ResponseAPDU> stalled = CompletableFuture.supplyAsync(() -> {
            try {
                return ch.transmit(READ_4);
            } catch (CardException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        assertThat(stalled).isNotDone();
        a.remove();
        assertThatThrownBy(() -> stalled.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasStackTraceContaining(PcscError.SCARD_W_REMOVED_CARD);
    }

    @Test
    void chipThatLeavesTheFieldMakesTheReaderEmpty() throws Exception {
        a.insert(new RemoveAfterChip(PlainFileChip.withFile(4), 2));
        CardChannel ch = a.connect("*").getBasicChannel();
        ch.transmit(SELECT_COM);
        ch.transmit(READ_4);
        assertThat(a.isCardPresent()).isTrue();
        assertThatThrownBy(() -> ch.transmit(READ_4)).isInstanceOf(CardException.class)
                .hasMessageContaining(PcscError.SCARD_W_REMOVED_CARD);
        assertThat(a.isCardPresent()).isFalse();
        assertThat(a.waitForCardAbsent(0)).isTrue();
        assertThatThrownBy(() -> a.connect("*")).isInstanceOf(CardNotPresentException.class);
    }

    @Test
    void waitForCardPresentReturnsWhenACardArrives() throws Exception {
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return a.waitForCardPresent(10_000);
            } catch (CardException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        a.insert(PlainFileChip.withFile(1));
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> a.waitForCardAbsent(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void waitForChangeReportsInsertionsAndRemovalsLikeSunPcsc() throws Exception {
        CardTerminals terminals = factory.terminals();
        a.insert(PlainFileChip.withFile(1));
        // before any wait, insertion means "has a card", removal means "has none"
        assertThat(names(terminals.list(CardTerminals.State.CARD_INSERTION))).containsExactly("Reader A");
        assertThat(names(terminals.list(CardTerminals.State.CARD_REMOVAL))).containsExactly("Reader B");

        // the first wait only learns the state, then waits for a change
        assertThat(terminals.waitForChange(50)).isFalse();
        MockTerminal b = readers.terminal("Reader B");
        b.insert(PlainFileChip.withFile(1));
        assertThat(terminals.waitForChange(5_000)).isTrue();
        assertThat(names(terminals.list(CardTerminals.State.CARD_INSERTION))).containsExactly("Reader B");
        assertThat(names(terminals.list(CardTerminals.State.CARD_REMOVAL))).isEmpty();

        a.remove();
        // changed since the previous call: returns at once
        assertThat(terminals.waitForChange(1)).isTrue();
        assertThat(names(terminals.list(CardTerminals.State.CARD_REMOVAL))).containsExactly("Reader A");
        assertThat(names(terminals.list(CardTerminals.State.CARD_INSERTION))).isEmpty();

        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return terminals.waitForChange(10_000);
            } catch (CardException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        a.insert(PlainFileChip.withFile(1));
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(names(terminals.list(CardTerminals.State.CARD_INSERTION))).containsExactly("Reader A");

        // a card swapped between two waits is both a removal and an insertion
        b.remove();
        b.insert(PlainFileChip.withFile(1));
        assertThat(terminals.waitForChange(1)).isTrue();
        assertThat(names(terminals.list(CardTerminals.State.CARD_INSERTION))).containsExactly("Reader B");
        assertThat(names(terminals.list(CardTerminals.State.CARD_REMOVAL))).containsExactly("Reader B");
        assertThat(terminals.waitForChange(20)).isFalse();

        // another view has its own memory
        CardTerminals other = factory.terminals();
        assertThat(names(other.list(CardTerminals.State.CARD_INSERTION))).containsExactly("Reader A", "Reader B");
    }

    @Test
    void unpluggedReaderDisappearsAndFailsLikeAnUnknownReader() throws Exception {
        MockTerminal b = readers.terminal("Reader B");
        b.insert(PlainFileChip.withFile(1));
        readers.unplug("Reader B");
        assertThat(names(factory.terminals().list())).containsExactly("Reader A");
        assertThatThrownBy(b::isCardPresent).isInstanceOf(CardException.class)
                .hasRootCauseMessage(PcscError.SCARD_E_UNKNOWN_READER);
        assertThatThrownBy(() -> b.connect("*")).isInstanceOf(CardException.class);
        readers.unplug("Reader A");
        assertThatThrownBy(() -> factory.terminals().waitForChange(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void wrongLengthAndMoreDataAreHandledLikeSunPcsc() throws Exception {
        // 6Cxx: repeat with the right Le; 61xx: GET RESPONSE until done
        Chip chip = new PlainFileChip(java.util.Map.of()) {
            @Override
            public byte[] process(byte[] command) {
                String c = Hex.encode(command);
                switch (c) {
                    case "80CA9F7F00":
                        return Hex.decode("6C 03");
                    case "80CA9F7F03":
                        return Hex.decode("01 02 03 61 02");
                    case "80C0000002":
                        return Hex.decode("04 05 90 00");
                    default:
                        return Hex.decode("6D 00");
                }
            }
        };
        a.insert(chip);
        ResponseAPDU r = a.connect("*").getBasicChannel().transmit(new CommandAPDU(Hex.decode("80 CA 9F 7F 00")));
        assertThat(r.getSW()).isEqualTo(0x9000);
        assertThat(r.getData()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void answersLongerThanSunPcscsReceiveBufferFailLikeThroughPcscd() throws Exception {
        PlainFileChip chip = PlainFileChip.withFile(20_000);
        a.insert(chip);
        CardChannel ch = a.connect("*").getBasicChannel();
        ch.transmit(SELECT_COM);
        // measured with SunPCSC through pcscd and vpcd: 8190 data bytes and the status word pass, one more does not
        assertThat(ch.transmit(new CommandAPDU(0x00, 0xB0, 0x00, 0x00, 8190)).getNr()).isEqualTo(8190);
        int before = chip.apdus();
        assertThatThrownBy(() -> ch.transmit(new CommandAPDU(0x00, 0xB0, 0x00, 0x00, 8191)))
                .isInstanceOf(CardException.class).hasRootCauseMessage("SCARD_E_INSUFFICIENT_BUFFER");
        assertThat(chip.apdus()).as("the card processed the command; the answer was lost on the way").isEqualTo(before + 1);
    }

    @Test
    void manageChannelMustGoThroughOpenLogicalChannel() throws Exception {
        a.insert(PlainFileChip.withFile(1));
        Card card = a.connect("*");
        assertThatThrownBy(() -> card.getBasicChannel().transmit(new CommandAPDU(0x00, 0x70, 0x00, 0x00, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        // the test chip knows no MANAGE CHANNEL
        assertThatThrownBy(card::openLogicalChannel).isInstanceOf(CardException.class);
    }

    @Test
    void aSecondCardOnTheSameReaderIsRefused() {
        a.insert(PlainFileChip.withFile(1));
        assertThatThrownBy(() -> a.insert(PlainFileChip.withFile(1))).isInstanceOf(IllegalStateException.class);
    }

    private static List<String> names(List<CardTerminal> terminals) {
        return terminals.stream().map(CardTerminal::getName).toList();
    }
}
