package vn.cccd.reader.tlv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.util.Hex;

/** BER definite lengths (ISO/IEC 8825-1 8.1.3): the forms accepted, the ones refused, and values past the end. */
class BerLengthTest {

    @Test
    void shortAndLongFormsGiveTheLengthAndTheFieldSize() {
        assertThat(BerLength.read(Hex.decode("05 0102030405"), 0, 6, "x")).isEqualTo(new BerLength.Field(5, 1));
        byte[] b81 = new byte[2 + 0x80];
        b81[0] = (byte) 0x81;
        b81[1] = (byte) 0x80;
        assertThat(BerLength.read(b81, 0, b81.length, "x")).isEqualTo(new BerLength.Field(0x80, 2));
        assertThat(BerLength.readField(Hex.decode("82 01 00"), 0, 3, "x")).isEqualTo(new BerLength.Field(256, 3));
        assertThat(BerLength.readField(Hex.decode("84 00 01 00 00"), 0, 5, "x"))
                .isEqualTo(new BerLength.Field(65536, 5));
    }

    @Test
    void indefiniteOverlongAndHugeLengthsAreRefused() {
        assertThatThrownBy(() -> BerLength.read(Hex.decode("80 00 00"), 0, 3, "DG1"))
                .isInstanceOf(MalformedDataException.class).hasMessage("DG1: indefinite length");
        assertThatThrownBy(() -> BerLength.readField(Hex.decode("85 00 00 00 00 01"), 0, 6, "DG1"))
                .isInstanceOf(MalformedDataException.class).hasMessage("DG1: length field of 5 bytes");
        assertThatThrownBy(() -> BerLength.readField(Hex.decode("84 80 00 00 00"), 0, 5, "DG1"))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("too large");
    }

    @Test
    void aValueOrFieldPastTheEndIsRefusedAndATruncatedFieldIsSeenAsSuch() {
        assertThatThrownBy(() -> BerLength.read(Hex.decode("05 01 02"), 0, 3, "DG2"))
                .isInstanceOf(MalformedDataException.class).hasMessage("DG2: length 5 runs past the end (2 bytes left)");
        assertThatThrownBy(() -> BerLength.read(Hex.decode("82 01"), 0, 2, "DG2"))
                .isInstanceOf(MalformedDataException.class).hasMessage("DG2: length field runs past the end");
        assertThat(BerLength.truncated(Hex.decode("82 01"), 0, 2)).isTrue();
        assertThat(BerLength.truncated(Hex.decode("82 01 00"), 0, 3)).isFalse();
        assertThat(BerLength.truncated(new byte[0], 0, 0)).isTrue();
    }
}
