package vn.cccd.reader.apdu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.cccd.reader.util.Hex;

/** The raw-byte checks the transports and the mock PC/SC layer use (ISO/IEC 7816-4 section 5.6). */
class StatusWordsTest {

    @Test
    void theTrailingStatusWordIsTheLastTwoBytesAndAShorterAnswerHasNone() {
        assertThat(StatusWords.trailing(Hex.decode("01 02 90 00"))).isEqualTo(StatusWords.SUCCESS);
        assertThat(StatusWords.trailing(Hex.decode("6C 20"))).isEqualTo(0x6C20);
        assertThat(StatusWords.trailing(Hex.decode("90"))).isEqualTo(-1);
        assertThat(StatusWords.trailing(new byte[0])).isEqualTo(-1);
        assertThat(StatusWords.trailing(null)).isEqualTo(-1);
    }

    @Test
    void moreDataAndWrongLeAreRecognisedBySw1Alone() {
        assertThat(StatusWords.isBytesRemaining(0x6100)).isTrue();
        assertThat(StatusWords.isBytesRemaining(0x61FF)).isTrue();
        assertThat(StatusWords.isCorrectLength(0x6C00)).isTrue();
        assertThat(StatusWords.isCorrectLength(0x6C20)).isTrue();
        assertThat(StatusWords.isBytesRemaining(StatusWords.SUCCESS)).isFalse();
        assertThat(StatusWords.isCorrectLength(StatusWords.WRONG_LENGTH)).isFalse();
        assertThat(StatusWords.isBytesRemaining(-1)).isFalse();
        assertThat(StatusWords.isCorrectLength(-1)).isFalse();
    }

    @Test
    void describeStillNamesTheSw1OnlyWords() {
        assertThat(StatusWords.describe(0x6110)).isEqualTo("16 bytes remaining");
        assertThat(StatusWords.describe(0x6C20)).isEqualTo("wrong Le, exact length 32");
    }
}
