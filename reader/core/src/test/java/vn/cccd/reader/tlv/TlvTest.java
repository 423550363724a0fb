package vn.cccd.reader.tlv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.cccd.reader.util.Hex.decode;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.cccd.reader.error.MalformedDataException;

class TlvTest {

    @Test
    void parsesNestedStructureAndFindsChildren() {
        Tlv t = Tlv.parse(decode("60 14 5F01 04 30313036 5F36 06 303430303030 5C 02 6175"));
        assertThat(t.tag()).isEqualTo(0x60);
        assertThat(t.find(0x5F01).orElseThrow().value()).isEqualTo("0106".getBytes());
        assertThat(t.require(0x5C).value()).isEqualTo(decode("61 75"));
        assertThat(t.find(0x99)).isEmpty();
    }

    @Test
    void longFormLengthsRoundTrip() {
        byte[] big = new byte[300];
        new Random(7).nextBytes(big);
        Tlv t = Tlv.of(0x6D, Tlv.of(0x30, Tlv.of(0x0C, big)));
        byte[] enc = t.encode();
        assertThat(enc[1] & 0xFF).isEqualTo(0x82);
        Tlv back = Tlv.parse(enc);
        assertThat(back).isEqualTo(t);
        assertThat(back.require(0x30).require(0x0C).value()).isEqualTo(big);
        assertThat(Tlv.totalLength(java.util.Arrays.copyOf(enc, 4))).isEqualTo(enc.length);
        assertThat(Tlv.totalLength(java.util.Arrays.copyOf(enc, 2))).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"60 05 01 02", "61 84 FF FF FF FF 00", "5F", "30 80 00 00", "30 03 02 05 01", "00 00", "7F 81 81 81 01 00"})
    void malformedInputIsATypedError(String hex) {
        assertThatThrownBy(() -> Tlv.parse(decode(hex))).isInstanceOf(MalformedDataException.class);
    }

    @Test
    void deepNestingIsRefused() {
        byte[] inner = decode("04 00");
        for (int i = 0; i < 40; i++) {
            byte[] wrapped = new byte[inner.length + 2];
            wrapped[0] = 0x30;
            wrapped[1] = (byte) inner.length;
            System.arraycopy(inner, 0, wrapped, 2, inner.length);
            inner = wrapped;
        }
        byte[] deep = inner;
        assertThatThrownBy(() -> Tlv.parse(deep)).isInstanceOf(MalformedDataException.class).hasMessageContaining("nesting");
    }

    @Test
    void seededMutationsNeverThrowAnythingButTheTypedError() {
        byte[] base = Tlv.of(0x77, Tlv.of(0x30, Tlv.of(0x02, new byte[] {1}), Tlv.of(0x0C, new byte[130]))).encode();
        Random rnd = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] m = base.clone();
            int flips = 1 + rnd.nextInt(4);
            for (int f = 0; f < flips; f++) {
                m[rnd.nextInt(m.length)] = (byte) rnd.nextInt(256);
            }
            if (rnd.nextBoolean()) {
                m = java.util.Arrays.copyOf(m, rnd.nextInt(m.length + 1));
            }
            try {
                Tlv.parseAll(m);
            } catch (MalformedDataException expected) {
                // the only permitted failure
            }
        }
    }
}
