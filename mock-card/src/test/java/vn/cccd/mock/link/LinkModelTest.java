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

    /** ISO/IEC 14443-3 Type A minimum frame delay time, 1172/fc. */
    private static final double FDT_SECONDS = 1172 / 13_560_000.0;

    /** One unchained frame of {@code bytes} (PCB and CRC included) at {@code bitsPerSecond}: 9 bits a byte, SOF, EOF, FDT. */
    private static long frameNanos(int bytes, double bitsPerSecond) {
        return Math.round(((bytes * 9 + 2) / bitsPerSecond + FDT_SECONDS) * 1e9);
    }

    @Test
    void secureMessagingReadBinaryTakesAbout28MillisecondsAt106() {
        VirtualClock clock = new VirtualClock();
        LinkModel link = new LinkModel(answering(247), 106, LinkModel.DEFAULT_TURNAROUND, ChipCosts.NONE, clock);
        link.process(new byte[19]);
        // 5 ms + a frame of 19 + 3 bytes + a frame of 247 + 3 bytes at 105 937.5 bit/s (fc/128), each with its
        // start and end bits and the 86 µs minimum frame delay
        long expected = 5_000_000L + frameNanos(22, 105_937.5) + frameNanos(250, 105_937.5);
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
        // one more byte costs a second frame header and CRC plus an R(ACK) from the other side (7 bytes), and two
        // more frames' start and end bits and frame delays
        long expectedDelta = Math.round(((7 * 9 + 2 * 2) / 105_937.5 + 2 * FDT_SECONDS) * 1e9);
        assertThat(twoFrames - oneFrame).isBetween(expectedDelta - 2, expectedDelta + 2);
        assertThat(oneFrame).isEqualTo(frameNanos(256, 105_937.5));
        // an extended answer of 8 KB: 33 I-blocks and 32 R(ACK)s, 65 frame delays of 86 µs (5.6 ms) among them
        long eightK = link.airNanos(8192);
        assertThat(eightK).isEqualTo(Math.round((((8192 + 33 * 3 + 32 * 3) * 9 + 65 * 2) / 105_937.5
                + 65 * FDT_SECONDS) * 1e9));
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
        // Chip Authentication under secure messaging: the chip agrees a key
        link.process(Hex.decode("0C 86 00 00 08 87 01 01 8E 02 00 00 00"));
        long afterCa = clock.elapsed().toNanos();
        assertThat(afterCa - afterAa).isGreaterThan(250_000_000L).isLessThan(255_000_000L);
        // PACE: asking for the nonce is cheap, sending mapping data or an ephemeral key makes the chip multiply
        link.process(Hex.decode("10 86 00 00 02 7C 00 00"));
        long afterNonce = clock.elapsed().toNanos();
        assertThat(afterNonce - afterCa).isLessThan(1_000_000L);
        link.process(Hex.decode("10 86 00 00 07 7C 05 81 03 04 01 02 00"));
        long afterMapping = clock.elapsed().toNanos();
        assertThat(afterMapping - afterNonce).isGreaterThan(250_000_000L).isLessThan(255_000_000L);
        link.process(Hex.decode("10 86 00 00 07 7C 05 83 03 04 01 02 00"));
        assertThat(clock.elapsed().toNanos() - afterMapping).isGreaterThan(250_000_000L).isLessThan(255_000_000L);
        long beforeToken = clock.elapsed().toNanos();
        link.process(Hex.decode("00 86 00 00 0C 7C 0A 85 08 01 02 03 04 05 06 07 08 00"));
        assertThat(clock.elapsed().toNanos() - beforeToken).isLessThan(1_000_000L);
        // MSE:Set KAT (Chip Authentication with 3DES) computes too; MSE:Set AT only names the protocol
        long beforeMse = clock.elapsed().toNanos();
        link.process(Hex.decode("0C 22 41 A6 04 87 01 01 00"));
        assertThat(clock.elapsed().toNanos() - beforeMse).isGreaterThan(250_000_000L);
        long beforeSetAt = clock.elapsed().toNanos();
        link.process(Hex.decode("0C 22 41 A4 04 87 01 01 00"));
        assertThat(clock.elapsed().toNanos() - beforeSetAt).isLessThan(1_000_000L);
    }

    @Test
    void typicalChipCostsDependOnTheActiveAuthenticationKey() {
        assertThat(ChipCosts.typical(true).activeAuthentication()).isEqualTo(ChipCosts.TYPICAL_RSA_2048_SIGNATURE);
        assertThat(ChipCosts.typical(false).activeAuthentication()).isEqualTo(ChipCosts.TYPICAL_ECDSA_P256_SIGNATURE);
        assertThat(ChipCosts.typical(false).keyAgreement()).isEqualTo(ChipCosts.TYPICAL_KEY_AGREEMENT);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 100, 107, 1000, -106})
    void onlyIso14443RatesAreAccepted(int kbps) {
        assertThat(LinkModel.isSupportedRate(kbps)).isFalse();
        assertThatThrownBy(() -> new LinkModel(answering(2), kbps)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("106, 212, 424 or 848");
    }
}
