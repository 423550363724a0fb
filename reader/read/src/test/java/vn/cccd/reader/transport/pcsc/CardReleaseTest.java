package vn.cccd.reader.transport.pcsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.api.Test;
import vn.cccd.reader.error.CardLostException;
import vn.cccd.reader.util.Hex;
import vn.cccd.reader.transport.CardTransport;
import vn.cccd.reader.transport.TracingTransport;

/**
 * The card handle is released exactly once on every path, and without a reset once the card was lost: a reset
 * sent after the card left (or a handle left open) can reach the next card put on the same reader.
 */
class CardReleaseTest {

    /** A javax.smartcardio card that records how it was released and fails transmits as told. */
    static final class RecordingCard extends Card {
        final List<String> releases = new ArrayList<>();
        volatile RuntimeException channelFailure;
        volatile CardException transmitFailure;
        volatile RuntimeException transmitRuntimeFailure;

        @Override
        public ATR getATR() {
            return new ATR(Hex.decode("3B 88 80 01 00 00 00 00 00 71 81 00 F9"));
        }

        @Override
        public String getProtocol() {
            return "T=1";
        }

        @Override
        public CardChannel getBasicChannel() {
            if (channelFailure != null) {
                throw channelFailure;
            }
            Card self = this;
            return new CardChannel() {
                @Override
                public Card getCard() {
                    return self;
                }

                @Override
                public int getChannelNumber() {
                    return 0;
                }

                @Override
                public ResponseAPDU transmit(CommandAPDU command) throws CardException {
                    if (transmitFailure != null) {
                        throw transmitFailure;
                    }
                    if (transmitRuntimeFailure != null) {
                        throw transmitRuntimeFailure;
                    }
                    return new ResponseAPDU(new byte[] {(byte) 0x90, 0x00});
                }

                @Override
                public int transmit(ByteBuffer command, ByteBuffer response) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public CardChannel openLogicalChannel() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void beginExclusive() {
        }

        @Override
        public void endExclusive() {
        }

        @Override
        public byte[] transmitControlCommand(int controlCode, byte[] command) {
            throw new UnsupportedOperationException();
        }

        @Override
        public synchronized void disconnect(boolean reset) {
            releases.add(reset ? "reset" : "leave");
        }
    }

    private static final byte[] SELECT = Hex.decode("00 A4 04 0C 07 A0 00 00 02 47 10 01");

    @Test
    void afterANormalReadTheCardIsResetOnceSoNoSecureMessagingSessionSurvives() {
        RecordingCard card = new RecordingCard();
        PcscTransport t = new PcscTransport(card);
        assertThat(t.transceive(SELECT)).containsExactly(0x90, 0x00);
        t.close();
        t.close();
        assertThat(card.releases).containsExactly("reset");
    }

    @Test
    void aRemovedCardIsReleasedWithoutResetAndOnlyOnce() {
        RecordingCard card = new RecordingCard();
        PcscTransport t = new PcscTransport(card);
        card.transmitFailure = new CardException("transmit failed", new Exception("SCARD_W_REMOVED_CARD"));
        assertThatThrownBy(() -> t.transceive(SELECT)).isInstanceOf(CardLostException.class);
        assertThat(t.lost()).isTrue();
        t.close();
        t.abandon();
        t.close();
        assertThat(card.releases).containsExactly("leave");
        assertThatThrownBy(() -> t.transceive(SELECT)).isInstanceOf(CardLostException.class);
    }

    @Test
    void everyFormOfLossIsReleasedWithoutReset() {
        for (RuntimeException loss : List.of(new IllegalStateException("Card has been removed"),
                new IllegalArgumentException("apdu must be at least 2 bytes long"))) {
            RecordingCard card = new RecordingCard();
            PcscTransport t = new PcscTransport(card);
            card.transmitRuntimeFailure = loss;
            assertThatThrownBy(() -> t.transceive(SELECT)).isInstanceOf(CardLostException.class);
            t.close();
            assertThat(card.releases).as(loss.toString()).containsExactly("leave");
        }
        RecordingCard card = new RecordingCard();
        PcscTransport t = new PcscTransport(card);
        card.transmitFailure = new CardException("transmit failed", new Exception("SCARD_E_NOT_TRANSACTED"));
        assertThatThrownBy(() -> t.transceive(SELECT)).isInstanceOf(CardLostException.class);
        t.close();
        assertThat(card.releases).containsExactly("leave");
    }

    @Test
    void aCardThatLeavesWhileConnectingIsReleasedBeforeTheFailure() {
        RecordingCard card = new RecordingCard();
        card.channelFailure = new IllegalStateException("Card has been removed");
        assertThatThrownBy(() -> new PcscTransport(card)).isInstanceOf(CardLostException.class);
        assertThat(card.releases).containsExactly("leave");
    }

    @Test
    void aCardThatStopsAnsweringIsAbandonedNotResetByTheDeadline() throws Exception {
        CountDownLatch abandoned = new CountDownLatch(1);
        List<String> calls = new ArrayList<>();
        CardTransport stalled = new CardTransport() {
            @Override
            public byte[] transceive(byte[] command) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new CardLostException("interrupted");
            }

            @Override
            public synchronized void close() {
                calls.add("close");
            }

            @Override
            public synchronized void abandon() {
                calls.add("abandon");
                abandoned.countDown();
            }
        };
        CardTransport t = TracingTransport.standard(stalled, Duration.ofMillis(100));
        assertThatThrownBy(() -> t.transceive(SELECT)).isInstanceOf(CardLostException.class)
                .hasMessageContaining("stopped answering");
        assertThat(abandoned.await(5, TimeUnit.SECONDS)).isTrue();
        t.close();
        synchronized (stalled) {
            assertThat(calls).containsExactly("abandon");
        }
    }
}
