package vn.cccd.reader.apdu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.cccd.reader.util.Hex;

/** Encoding compared with the JDK's javax.smartcardio.CommandAPDU for all four ISO cases, short and extended. */
class CommandApduTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0", "0, 1", "0, 256", "0, 257", "0, 65536",
        "1, 0", "5, 223", "255, 256", "256, 0", "300, 65536", "8, 4000"})
    void encodingMatchesJdkAndParsesBack(int lc, int ne) {
        byte[] data = new byte[lc];
        for (int i = 0; i < lc; i++) {
            data[i] = (byte) i;
        }
        CommandApdu ours = new CommandApdu(0x0C, 0xB0, 0x81, 0x02, data, ne);
        javax.smartcardio.CommandAPDU jdk = lc == 0
                ? new javax.smartcardio.CommandAPDU(0x0C, 0xB0, 0x81, 0x02, ne)
                : new javax.smartcardio.CommandAPDU(0x0C, 0xB0, 0x81, 0x02, data, ne);
        assertThat(Hex.encode(ours.toBytes())).isEqualTo(Hex.encode(jdk.getBytes()));
        assertThat(CommandApdu.parse(ours.toBytes())).isEqualTo(ours);
    }
}
