package vn.cccd.reader.lds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.cccd.reader.util.Hex.decode;

import java.math.BigInteger;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cccd.reader.error.MalformedDataException;

class Dg15FileTest {

    /** The Active Authentication key of a captured passport (icao-vectors.md §8): RSA-1792, e = 65537. */
    static final String RSA_DG15 = "6F8201023081FF300D06092A864886F70D01010105000381ED003081E90281E100BB8F93F4DC95E205"
            + "CDA17C6927AB1E365B13065D03CD12E0FCE95D96840529453202F56CC4C13F77CD062930C8BC89A2873B257045C286E601CF3C"
            + "09323A53103314902804AA10A314628CE222206A8866946A36B442041BB54AC81E6855DD1D6E16101833D65A191C20AC8B33B8"
            + "A1A32920F46043F8031CF2BC17417030865FC5BE5A39DEE423BCBA3CA8177168EB23CFE01BA43EC87711B1CFFF85DB46F300DD"
            + "8AE317B50D543B573E119E23AF7070D0B2FED6A3B2313A5EC02A531AAED1741F4390D1013E2A0F081EAC5DC8B0A1B2C6BDB120"
            + "6F08D30E3643E1E5BDF536110203010001";

    @Test
    void parsesThePublishedRsaKey() {
        Dg15File dg15 = Dg15File.parse(decode(RSA_DG15));
        RSAPublicKey rsa = (RSAPublicKey) dg15.publicKey();
        assertThat(rsa.getModulus().bitLength()).isEqualTo(1792);
        assertThat(rsa.getPublicExponent()).isEqualTo(BigInteger.valueOf(65537));
        assertThat(dg15.encode()).isEqualTo(decode(RSA_DG15));
        assertThat(dg15.toString()).isEqualTo("Dg15File[RSA]");
    }

    static List<PublicKey> aaKeys() throws Exception {
        List<PublicKey> keys = new ArrayList<>();
        for (int bits : new int[] {1024, 2048}) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits);
            keys.add(g.generateKeyPair().getPublic());
        }
        for (String curve : List.of("secp256r1", "secp384r1")) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec(curve));
            keys.add(g.generateKeyPair().getPublic());
        }
        KeyPairGenerator bp = KeyPairGenerator.getInstance("EC", SecurityInfosTest.BC);
        bp.initialize(new ECGenParameterSpec("brainpoolP320r1"));
        keys.add(bp.generateKeyPair().getPublic());
        return keys;
    }

    @ParameterizedTest
    @MethodSource("aaKeys")
    void roundTripsRsaAndEcKeys(PublicKey key) {
        Dg15File dg15 = Dg15File.of(key);
        Dg15File back = Dg15File.parse(dg15.encode());
        assertThat(back).isEqualTo(dg15);
        assertThat(back.publicKey().getEncoded()).isEqualTo(key.getEncoded());
        if (key instanceof ECPublicKey ec) {
            assertThat(((ECPublicKey) back.publicKey()).getW()).isEqualTo(ec.getW());
        }
    }

    @Test
    void aDhKeyIsNotAnActiveAuthenticationKey() throws Exception {
        PublicKey dh = SecurityInfosTest.caKeys().get(4);
        assertThatThrownBy(() -> Dg15File.of(dh)).isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("DH");
    }

    @Test
    void rejectsMalformedFiles() {
        assertThatThrownBy(() -> Dg15File.parse(decode("6F 00"))).isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> Dg15File.parse(decode("6F 03 02 01 01"))).isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> Dg15File.parse(decode("6F 04 30 02 05 00"))).isInstanceOf(MalformedDataException.class);
    }
}
