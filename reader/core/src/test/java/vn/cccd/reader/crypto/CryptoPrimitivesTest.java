package vn.cccd.reader.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import javax.crypto.Cipher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.util.Hex;

class CryptoPrimitivesTest {

    @Test
    void bacCryptogramOfAppendixD3() {
        byte[] s = Hex.decode("781723860C06C2264608F919887022120B795240CB7049B01C19B33E32804F0B");
        byte[] e = TripleDes.encrypt(Hex.decode("AB94FDECF2674FDFB9B391F85D7F76F2"), s);
        assertThat(Hex.encode(e)).isEqualTo("72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2");
        assertThat(Hex.encode(RetailMac.mac(Hex.decode("7962D9ECE03D1ACD4C76089DCE131543"), Padding.pad(e, 8))))
                .isEqualTo("5F1448EEA8AD90A7");
    }

    @Test
    void sessionKeysOfAppendixD3() {
        byte[] seed = Hex.decode("0036D272F5C350ACAC50C3F572D23600");
        assertThat(Hex.encode(Kdf.derive(seed, Kdf.ENC, Kdf.KeyType.DESEDE))).isEqualTo("979EC13B1CBFE9DCD01AB0FED307EAE5");
        assertThat(Hex.encode(Kdf.derive(seed, Kdf.MAC, Kdf.KeyType.DESEDE))).isEqualTo("F1CB1F1FB5ADF208806B89DC579DC1F8");
    }

    @Test
    void paceKdfOfAppendixG1() {
        byte[] k = Hex.decode("28768D20701247DAE81804C9E780EDE582A9996DB4A315020B2733197DB84925");
        assertThat(Hex.encode(Kdf.derive(k, Kdf.ENC, Kdf.KeyType.AES128))).isEqualTo("F5F0E35C0D7161EE6724EE513A0D9A7F");
        assertThat(Hex.encode(Kdf.derive(k, Kdf.MAC, Kdf.KeyType.AES128))).isEqualTo("FE251C7858B356B24514B3BD5F4297D1");
        byte[] pw = Hex.decode("7E2D2A41C74EA0B38CD36F863939BFA8E9032AAD");
        assertThat(Hex.encode(Kdf.derive(pw, Kdf.PACE_PASSWORD, Kdf.KeyType.AES128))).isEqualTo("89DED1B26624EC1E634C1989302849DD");
    }

    @Test
    void aesCbcAndCmacOfAppendixG1() {
        byte[] kpi = Hex.decode("89DED1B26624EC1E634C1989302849DD");
        byte[] z = Hex.decode("95A3A016522EE98D01E76CB6B98B42C3");
        assertThat(Hex.encode(Aes.cbc(Cipher.DECRYPT_MODE, kpi, new byte[16], z))).isEqualTo("3F00C4D39D153F2B2A214A078D899B22");
        byte[] input = Hex.decode("7F494F060A04007F000702020402028641049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F094");
        assertThat(Hex.encode(Aes.cmac(Hex.decode("FE251C7858B356B24514B3BD5F4297D1"), input)).substring(0, 16))
                .isEqualTo("C2B0BD78D94BA866");
    }

    @Test
    void parityIsOddAfterAdjustment() {
        byte[] k = TripleDes.adjustParity(Hex.decode("AB94FCEDF2664EDFB9B291F85D7F77F2"));
        assertThat(Hex.encode(k)).isEqualTo("AB94FDECF2674FDFB9B391F85D7F76F2");
        for (byte b : k) {
            assertThat(Integer.bitCount(b & 0xFF) % 2).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 9, 15, 16, 17, 255})
    void paddingRoundTrips(int length) {
        byte[] data = new byte[length];
        new Random(length).nextBytes(data);
        for (int block : new int[] {8, 16}) {
            byte[] padded = Padding.pad(data, block);
            assertThat(padded.length % block).isZero();
            assertThat(padded.length).isGreaterThan(length);
            assertThat(Padding.unpad(padded)).isEqualTo(data);
        }
    }

    @Test
    void paddingWithoutMarkerIsMalformed() {
        assertThatThrownBy(() -> Padding.unpad(new byte[8])).isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> Padding.unpad(Hex.decode("01 02 03 04 05 06 07 08")))
                .isInstanceOf(MalformedDataException.class);
    }
}
