package vn.cccd.reader.lds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.cccd.reader.util.Hex.decode;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.util.Hex;

class Dg1FileTest {

    @Test
    void aCccdDg1Is95BytesWithTheTd1Mrz() {
        Dg1File dg1 = new Dg1File(Mrz.parse(MrzTest.CCCD_MRZ));
        byte[] enc = dg1.encode();
        assertThat(enc).hasSize(95);
        String mrzHex = Hex.encode(MrzTest.CCCD_MRZ.replace("\n", "").getBytes(StandardCharsets.US_ASCII));
        assertThat(enc).isEqualTo(decode("61 5D 5F1F 5A " + mrzHex));
        Dg1File back = Dg1File.parse(enc);
        assertThat(back).isEqualTo(dg1);
        assertThat(back.mrz().vietnameseIdNumber()).contains("001090123456");
    }

    @Test
    void aPassportDg1Holds88Characters() {
        Dg1File dg1 = new Dg1File(Mrz.parse(MrzTest.ICAO_TD3));
        byte[] enc = dg1.encode();
        assertThat(enc).startsWith(decode("61 5B 5F1F 58"));
        assertThat(Dg1File.parse(enc)).isEqualTo(dg1);
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> mrzs() {
        return MrzTest.randomMrzs();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("mrzs")
    void roundTrips(Mrz mrz) {
        Dg1File dg1 = new Dg1File(mrz);
        assertThat(Dg1File.parse(dg1.encode())).isEqualTo(dg1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "61 05 5F1F 02 4944",       // an MRZ of two characters
        "61 03 5F20 00",            // no MRZ element (5F20 is not 5F1F; also empty)
        "6B 05 5F1F 02 4944",       // wrong file
        "61 05 5F1F 02 C3A9",       // not ASCII
        "61 5D 5F1F 5A 49",         // length past the end
    })
    void rejectsMalformedFiles(String hex) {
        assertThatThrownBy(() -> Dg1File.parse(decode(hex))).isInstanceOf(MalformedDataException.class);
    }

    @Test
    void toStringHidesTheMrz() {
        assertThat(new Dg1File(Mrz.parse(MrzTest.CCCD_MRZ)).toString()).doesNotContain("NGUYEN", "090123456");
    }
}
