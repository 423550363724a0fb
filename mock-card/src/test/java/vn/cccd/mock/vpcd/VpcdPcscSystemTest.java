package vn.cccd.mock.vpcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileLock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import javax.smartcardio.TerminalFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.cccd.mock.fault.Fault;
import vn.cccd.mock.testing.PlainFileChip;
import vn.cccd.mock.testing.Vpcd;
import vn.cccd.reader.testing.SystemTestSupport;
import vn.cccd.reader.util.Hex;

/** A mock chip behind the real PC/SC stack: pcscd with the vsmartcard vpcd driver, read through SunPCSC. */
@Tag("system")
class VpcdPcscSystemTest {

    @Test
    void pcscdSeesTheMockChipAsACardInVirtualPcd() throws Exception {
        CardTerminal terminal = Vpcd.requireReader(VpcdAddress.DEFAULT);
        try (FileLock lock = SystemTestSupport.lockVpcd()) {
            assertThat(lock.isValid()).isTrue();
            PlainFileChip chip = PlainFileChip.withFile(16);
            VpcdClient client = new VpcdClient(chip, VpcdAddress.DEFAULT);
            CompletableFuture<VpcdClient.Ending> serving = Vpcd.attach(client, terminal);
            VpcdClient.Ending ending;
            try {
                Card card = terminal.connect("*");
                assertThat(card.getATR().getBytes()).isEqualTo(PlainFileChip.ATR);
                CardChannel ch = card.getBasicChannel();
                assertThat(ch.transmit(new CommandAPDU(Hex.decode("00 A4 02 0C 02 01 1E"))).getSW()).isEqualTo(0x9000);
                ResponseAPDU r = ch.transmit(new CommandAPDU(Hex.decode("00 B0 00 04 04")));
                assertThat(r.getData()).containsExactly(4, 5, 6, 7);
                card.disconnect(false);
            } finally {
                ending = Vpcd.detach(client, serving, terminal);
            }
            assertThat(ending).isEqualTo(VpcdClient.Ending.STOPPED);
        }
    }

    @Test
    void sunPcscReceivesAnswersOfAtMost8192BytesAsTheMockProviderAssumes() throws Exception {
        // the reader's largest extended block and the mock provider's limit both rest on this
        CardTerminal terminal = Vpcd.requireReader(VpcdAddress.DEFAULT);
        try (FileLock lock = SystemTestSupport.lockVpcd()) {
            assertThat(lock.isValid()).isTrue();
            VpcdClient client = new VpcdClient(PlainFileChip.withFile(10_000), VpcdAddress.DEFAULT);
            CompletableFuture<VpcdClient.Ending> serving = Vpcd.attach(client, terminal);
            VpcdClient.Ending ending;
            try {
                Card card = terminal.connect("*");
                CardChannel ch = card.getBasicChannel();
                assertThat(ch.transmit(new CommandAPDU(Hex.decode("00 A4 02 0C 02 01 1E"))).getSW()).isEqualTo(0x9000);
                assertThat(ch.transmit(new CommandAPDU(0x00, 0xB0, 0x00, 0x00, 8190)).getNr()).isEqualTo(8190);
                assertThatThrownBy(() -> ch.transmit(new CommandAPDU(0x00, 0xB0, 0x00, 0x00, 8191)))
                        .isInstanceOf(CardException.class).hasMessageContaining("SCARD_E_INSUFFICIENT_BUFFER");
                card.disconnect(false);
            } finally {
                ending = Vpcd.detach(client, serving, terminal);
            }
            assertThat(ending).isEqualTo(VpcdClient.Ending.STOPPED);
        }
    }

    @Test
    void cardThatLeavesTheFieldFailsTheTransmitInTheRealStack() throws Exception {
        CardTerminal terminal = Vpcd.requireReader(VpcdAddress.DEFAULT);
        try (FileLock lock = SystemTestSupport.lockVpcd()) {
            assertThat(lock.isValid()).isTrue();
            VpcdClient client = new VpcdClient(new Fault.RemoveAfter(1).apply(PlainFileChip.withFile(16)),
                    VpcdAddress.DEFAULT);
            CompletableFuture<VpcdClient.Ending> serving = Vpcd.attach(client, terminal);
            VpcdClient.Ending ending;
            try {
                Card card = terminal.connect("*");
                CardChannel ch = card.getBasicChannel();
                assertThat(ch.transmit(new CommandAPDU(Hex.decode("00 A4 02 0C 02 01 1E"))).getSW()).isEqualTo(0x9000);
                // SunPCSC reports the loss as CardException or, when vpcd returns 0 bytes, IllegalArgumentException
                assertThatThrownBy(() -> ch.transmit(new CommandAPDU(Hex.decode("00 B0 00 00 04"))))
                        .isInstanceOfAny(CardException.class, IllegalArgumentException.class);
                assertThat(serving.get(10, TimeUnit.SECONDS)).isEqualTo(VpcdClient.Ending.CARD_REMOVED);
                assertThat(terminal.waitForCardAbsent(Vpcd.WAIT_MILLIS)).isTrue();
                try {
                    card.disconnect(false);
                } catch (CardException | IllegalStateException e) {
                    // the handle is stale: that is the point
                }
            } finally {
                Vpcd.detach(client, serving, terminal);
            }
        }
    }

}
