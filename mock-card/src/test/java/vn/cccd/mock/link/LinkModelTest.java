package vn.cccd.mock.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.cccd.mock.chip.Chip;
import vn.cccd.mock.testing.PlainFileChip;
import vn.cccd.reader.util.Hex;

class LinkModelTest {

    /** A chip answering every command with {@code responseLength - 2} zero bytes and 9000. */
    private static Chip answering(int responseLength) {
        return new PlainFileChip(java.util.Map.of()) {
            @Override
            public byte[] process(byte[] command) {
                byte[] r = new byte[responseLength];
                r[responseLength - 2] = (byte) 0x90;
                return r;
            }
        };
    }

    @Test
    void secureMessagingReadBinaryTakesAbout28MillisecondsAt106() {
        VirtualClock clock = new VirtualClock();
        LinkModel link = new LinkModel(answering(247), 106, LinkModel.DEFAULT_TURNAROUND, ChipCosts.NONE, clock);
        link.process(new byte[19]);
        // 5 ms + (19 + 3) * 9 bits + (247 + 3) * 9 bits at 105 937.5 bit/s
        long expected = 5_000_000L + Math.round((22 + 250) * 9 * 1e9 / 105_937.5);
        assertThat(clock.elapsed().toNanos()).isEqualTo(expected);
        assertThat(clock.elapsed().toMillis()).isEqualTo(28);
        assertThat(link.simulatedTime()).isEqualTo(clock.elapsed());
        assertThat(link.apdus()).isEqualTo(1);
        assertThat(link.bytesSent()).isEqualTo(19);
        assertThat(link.bytesReceived()).isEqualTo(247);
    }

    @Test
    void fasterRatesShortenOnlyTheAirTime() {
        long previous = Long.MAX_VALUE;
        for (int kbps : new int[] {106, 212, 424, 848}) {
            VirtualClock clock = new VirtualClock();
            new LinkModel(answering(247), kbps, LinkModel.DEFAULT_TURNAROUND, ChipCosts.NONE, clock)
                    .process(new byte[19]);
            long t = clock.elapsed().toNanos();
            assertThat(t).isLessThan(previous).isGreaterThan(LinkModel.DEFAULT_TURNAROUND.toNanos());
            previous = t;
        }
        VirtualClock c424 = new VirtualClock();
        new LinkModel(answering(247), 424, LinkModel.DEFAULT_TURNAROUND, ChipCosts.NONE, c424).process(new byte[19]);
        assertThat(c424.elapsed().toMillis()).isEqualTo(10);
    }

    @Test
    void longMessagesAreChainedIntoFramesWithAcknowledgements() {
        LinkModel link = new LinkModel(answering(2), 106, Duration.ZERO, ChipCosts.NONE, new VirtualClock());
        long oneFrame = link.airNanos(253);
        long twoFrames = link.airNanos(254);
        // one more byte costs a second frame header and CRC plus an R(ACK) from the other side: 7 bytes
        assertThat(twoFrames - oneFrame).isBetween(7 * 9 * 1_000_000_000L / 105_938 - 2,
                7 * 9 * 1_000_000_000L / 105_937 + 2);
        assertThat(oneFrame).isEqualTo(Math.round(256 * 9 * 1e9 / 105_937.5));
    }

    @Test
    void chipCostsAreAddedToKeyAgreementAndActiveAuthentication() {
        ChipCosts costs = new ChipCosts(Duration.ofMillis(250), Duration.ofMillis(120));
        VirtualClock clock = new VirtualClock();
        LinkModel link = new LinkModel(answering(2), 424, Duration.ZERO, costs, clock);
        link.process(Hex.decode("00 B0 00 00 08"));
        long plain = clock.elapsed().toNanos();
        link.process(Hex.decode("00 B0 00 00 08"));
        assertThat(clock.elapsed().toNanos()).isEqualTo(2 * plain);
        link.process(Hex.decode("00 88 00 00 08 01 02 03 04 05 06 07 08 00"));
        long afterAa = clock.elapsed().toNanos();
        assertThat(afterAa - 2 * plain).isGreaterThan(120_000_000L).isLessThan(125_000_000L);
        link.process(Hex.decode("10 86 00 00 02 7C 00 00"));
        assertThat(clock.elapsed().toNanos() - afterAa).isGreaterThan(250_000_000L).isLessThan(255_000_000L);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 100, 107, 1000, -106})
    void onlyIso14443RatesAreAccepted(int kbps) {
        assertThat(LinkModel.isSupportedRate(kbps)).isFalse();
        assertThatThrownBy(() -> new LinkModel(answering(2), kbps)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("106, 212, 424 or 848");
    }
}
