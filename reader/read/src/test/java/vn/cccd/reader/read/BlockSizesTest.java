package vn.cccd.reader.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.cccd.reader.apdu.ResponseApdu;
import vn.cccd.reader.sm.AesSmCipher;
import vn.cccd.reader.sm.SmCipher;
import vn.cccd.reader.sm.SmSession;
import vn.cccd.reader.sm.TdesSmCipher;
import vn.cccd.reader.tlv.Tlv;

class BlockSizesTest {
    private static final byte[] KEY = new byte[16];

    /** The chip's protected answer (data field and status word) to a READ BINARY of {@code n} bytes. */
    private static int protectedAnswer(String cipher, int n, boolean oddIns) {
        SmCipher c = cipher.equals("3DES") ? new TdesSmCipher(KEY, KEY) : new AesSmCipher(KEY, KEY);
        SmSession chip = new SmSession(c, new byte[c.blockSize()]);
        byte[] data = new byte[n];
        Arrays.fill(data, (byte) 0x5A);
        byte[] plain = oddIns ? Tlv.of(0x53, data).encode() : data;
        return chip.protect(ResponseApdu.of(plain, 0x9000), oddIns).toBytes().length;
    }

    @ParameterizedTest
    @CsvSource({"3DES, false, 8167", "3DES, true, 8163", "AES, false, 8159", "AES, true, 8155"})
    void theTopExtendedBlockIsTheMostWhoseProtectedAnswerJavaxSmartcardioReceives(String cipher, boolean oddIns,
            int expected) {
        int block = cipher.equals("3DES") ? 8 : 16;
        int n = new BlockSizes(true).current(block, oddIns);
        assertThat(n).isEqualTo(expected);
        assertThat(protectedAnswer(cipher, n, oddIns)).isLessThanOrEqualTo(BlockSizes.PCSC_MAX_ANSWER);
        // one byte more needs one more cipher block: over the limit
        assertThat(protectedAnswer(cipher, n + 1, oddIns)).isGreaterThan(BlockSizes.PCSC_MAX_ANSWER);
    }

    @ParameterizedTest
    @CsvSource({"8, false", "16, true"})
    void shortAndSteppedDownLaddersIgnoreTheCipher(int block, boolean oddIns) {
        assertThat(new BlockSizes(false).current(block, oddIns)).isEqualTo(223);
        BlockSizes stepped = new BlockSizes(true);
        stepped.stepDown();
        assertThat(stepped.current(block, oddIns)).isEqualTo(4096);
    }
}
