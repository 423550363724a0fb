package vn.cccd.reader.sm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cccd.reader.apdu.CommandApdu;
import vn.cccd.reader.apdu.ResponseApdu;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.error.ReaderException;
import vn.cccd.reader.util.Hex;

/** Reader and chip ends of one codec talk to each other; a bit flipped anywhere is caught. */
class SmSessionTest {

    static SmSession[] pair(boolean aes, long seed) {
        Random r = new Random(seed);
        byte[] enc = new byte[16];
        byte[] mac = new byte[16];
        r.nextBytes(enc);
        r.nextBytes(mac);
        byte[] ssc = new byte[aes ? 16 : 8];
        r.nextBytes(ssc);
        return new SmSession[] {
            new SmSession(aes ? new AesSmCipher(enc, mac) : new TdesSmCipher(enc, mac), ssc),
            new SmSession(aes ? new AesSmCipher(enc, mac) : new TdesSmCipher(enc, mac), ssc)};
    }

    static Stream<Long> seeds() {
        return IntStream.range(0, 40).mapToObj(i -> 1000L + i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomCommandsAndResponsesRoundTrip(long seed) {
        Random r = new Random(seed);
        SmSession[] p = pair(r.nextBoolean(), seed);
        for (int i = 0; i < 5; i++) {
            int ins = r.nextBoolean() ? 0xB1 : 0xB0;
            byte[] data = new byte[r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(300)];
            r.nextBytes(data);
            int ne = r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(r.nextBoolean() ? 256 : 65536);
            CommandApdu plain = new CommandApdu(0x00, ins, r.nextInt(128), r.nextInt(256), data, ne);
            CommandApdu wire = CommandApdu.parse(p[0].protect(plain).toBytes());
            assertThat(wire.cla()).isEqualTo(0x0C);
            assertThat(p[1].unprotect(wire)).isEqualTo(plain);

            byte[] answer = new byte[r.nextInt(500)];
            r.nextBytes(answer);
            ResponseApdu inner = ResponseApdu.of(answer, r.nextBoolean() ? 0x9000 : 0x6282);
            ResponseApdu back = p[0].unprotect(ResponseApdu.parse(p[1].protect(inner, (ins & 1) == 1).toBytes()));
            assertThat(back).isEqualTo(inner);
        }
        assertThat(p[0].ssc()).isEqualTo(p[1].ssc());
    }

    @Test
    void shortReadsStayShortUpToTheLargestSafeLe() {
        SmSession[] p = pair(false, 7);
        CommandApdu wire = p[0].protect(new CommandApdu(0, 0xB0, 0, 0, SmSession.MAX_SHORT_PLAIN_LE));
        assertThat(wire.isExtended()).isFalse();
        ResponseApdu answer = p[1].protect(ResponseApdu.of(new byte[SmSession.MAX_SHORT_PLAIN_LE], 0x9000), false);
        assertThat(answer.dataLength()).isLessThanOrEqualTo(256);
        assertThat(p[0].protect(new CommandApdu(0, 0xB0, 0, 0, SmSession.MAX_SHORT_PLAIN_LE + 1)).isExtended()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyFlippedBitOfAResponseIsRejectedOrChangesNothing(long seed) {
        Random r = new Random(seed);
        SmSession[] p = pair(r.nextBoolean(), seed);
        p[0].protect(new CommandApdu(0, 0xB0, 0, 0, 16));
        byte[] plain = new byte[16];
        r.nextBytes(plain);
        byte[] wire = p[1].protect(ResponseApdu.of(plain, 0x9000), false).toBytes();
        // any bit, the unprotected outer status word included
        int bit = r.nextInt(wire.length * 8);
        wire[bit / 8] ^= (byte) (1 << (bit % 8));
        ResponseApdu read;
        try {
            read = p[0].unprotect(ResponseApdu.parse(wire));
        } catch (ReaderException rejected) {
            return;
        }
        // accepted only if the reader still sees exactly what the chip sent
        assertThat(bit).as("a flip inside the MAC-protected part must be rejected").isGreaterThanOrEqualTo((wire.length - 2) * 8);
        assertThat(read.data()).isEqualTo(plain);
        assertThat(read.sw()).isEqualTo(0x9000);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void garbageResponsesGiveOnlyTypedErrors(long seed) {
        Random r = new Random(seed);
        SmSession[] p = pair(false, seed);
        byte[] junk = new byte[1 + r.nextInt(64)];
        r.nextBytes(junk);
        if (seed % 3 == 0) {
            junk[0] = (byte) 0x87;
        }
        try {
            p[0].unprotect(ResponseApdu.of(junk, 0x9000));
            throw new AssertionError("garbage accepted");
        } catch (MalformedDataException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Test
    void aBareErrorStatusIsPassedThrough() {
        SmSession[] p = pair(false, 3);
        assertThat(p[0].unprotect(ResponseApdu.of(0x6988)).sw()).isEqualTo(0x6988);
    }

    @Test
    void aCommandWithAWrongMacIsRefusedByTheChipSide() {
        SmSession[] p = pair(false, 5);
        byte[] wire = p[0].protect(new CommandApdu(0, 0xA4, 2, 0x0C, Hex.decode("01 01"))).toBytes();
        wire[wire.length - 2] ^= 1;
        assertThatThrownBy(() -> p[1].unprotect(CommandApdu.parse(wire)))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("MAC");
    }
}
