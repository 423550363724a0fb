package vn.cccd.reader.protocol.aa;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.Signature;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.cccd.reader.apdu.CommandApdu;
import vn.cccd.reader.apdu.ResponseApdu;
import vn.cccd.reader.lds.ActiveAuthenticationInfo;
import vn.cccd.reader.lds.Dg15File;
import vn.cccd.reader.sm.SmSession;
import vn.cccd.reader.sm.TdesSmCipher;
import vn.cccd.reader.testing.TestPki;
import vn.cccd.reader.util.Hex;

/** Active Authentication: the captured passport of icao-vectors.md §8 byte for byte, and ECDSA both encodings. */
class ActiveAuthenticatorTest {
    static final String DG15 = "6F8201023081FF300D06092A864886F70D01010105000381ED003081E90281E100BB8F93F4DC95E205CDA17C"
            + "6927AB1E365B13065D03CD12E0FCE95D96840529453202F56CC4C13F77CD062930C8BC89A2873B257045C286E601CF3C09323A5310"
            + "3314902804AA10A314628CE222206A8866946A36B442041BB54AC81E6855DD1D6E16101833D65A191C20AC8B33B8A1A32920F460"
            + "43F8031CF2BC17417030865FC5BE5A39DEE423BCBA3CA8177168EB23CFE01BA43EC87711B1CFFF85DB46F300DD8AE317B50D543B"
            + "573E119E23AF7070D0B2FED6A3B2313A5EC02A531AAED1741F4390D1013E2A0F081EAC5DC8B0A1B2C6BDB1206F08D30E3643E1E5"
            + "BDF536110203010001";
    static final String RND = "96302b0f3d7e7864";
    static final String SIGNATURE = "474256306840c0ab1b63c10e1c26bdfef4a0dd843920283cc4e6e70a60f2bd25dc7725f9677bc1cde66379"
            + "dc28b38e8490f33afb2d10f9980c44c0bfc175d2b6684218f535c92fdd3e18db770a9ccbf91db3c7f0138e6d9e94b9bc8371761e3abe"
            + "d5e5e9b260279cfb238b58ae0d6a01da51c74c2a3ecd62c448bd9f20127f7384587287fa971204234e55b1a856c3e5aaaa620bb799a6"
            + "8fbae08ee132bb61683eba9b0b40dc1e54641cad975b16991cab50af82e3f3985afd19e7427a125f5b4b9878b12a5d2e01c7eedca3bb"
            + "41c6fc05dccd818bce379d04b1f2f5d43487d3";
    static final String RESPONSE = "8781e901d04ca80f527df94f4a430d3d6e6cb6c2af4c6756c068a93132d147fa27833125304132981b8"
            + "bd8009448e89f259eec8552b54285cef9d8f1b7fb31b9f279221c7e925f4951811f3fe2e01d76e68dbc7cde9c873c5f61862f3c546979"
            + "2a72f92c8943b890436f5e9feaead9f2a361fcd7a615493d1b3519865f32ee9a125886588eb21fee0e709353d0731139fdc958d6b2127"
            + "fad6947b438998b526819803f70f78614cd42f4a6619c6af95dfd2ab09bedf71e707abc39a250aee68006d522ad37d159674984a07d11"
            + "c001022c853aeb7acdb059ede5721a3b9f20441bda7e242ee8df1369d25316990290008e08fd2493147866f0ed9000";

    @Test
    void theCapturedPassportExchangeUnwrapsAndVerifies() {
        SmSession sm = new SmSession(new TdesSmCipher(Hex.decode("b99d546108eaa251570876b6d3456dce"),
                Hex.decode("e3857ca24946251c151c540e13f2cd51")), Hex.decode("00000000000000cc"));
        CommandApdu wire = sm.protect(new CommandApdu(0, 0x88, 0, 0, Hex.decode(RND), 256), false);
        assertThat(wire.toHex()).isEqualToIgnoringCase(
                "0c88000020871101ed7f8cb47a4eea086324a7f9dd7427809701008e0897f54bae49aa71f800");
        ResponseApdu answer = sm.unprotect(ResponseApdu.parse(Hex.decode(RESPONSE)));
        assertThat(Hex.encode(answer.data())).isEqualToIgnoringCase(SIGNATURE);
        assertThat(Hex.encode(sm.ssc())).isEqualToIgnoringCase("00000000000000ce");
        var key = Dg15File.parse(Hex.decode(DG15)).publicKey();
        assertThat(ActiveAuthenticator.verify(key, null, Hex.decode(RND), answer.data())).isTrue();
        assertThat(ActiveAuthenticator.verify(key, null, Hex.decode("96302b0f3d7e7865"), answer.data())).isFalse();
        byte[] flipped = answer.data();
        flipped[100] ^= 1;
        assertThat(ActiveAuthenticator.verify(key, null, Hex.decode(RND), flipped)).isFalse();
    }

    /** Property over seeded challenges: ISO/IEC 9796-2 signatures made here always verify, whatever their bits. */
    @Test
    void rsaSignaturesVerifyForEveryChallenge() throws Exception {
        KeyPair chip = TestPki.rsa("aa-rsa", 1024);
        java.security.interfaces.RSAPrivateCrtKey sk = (java.security.interfaces.RSAPrivateCrtKey) chip.getPrivate();
        Random r = new Random(9796);
        for (int i = 0; i < 200; i++) {
            byte[] challenge = new byte[8];
            r.nextBytes(challenge);
            int k = 128;
            byte[] m1 = new byte[k - 1 - 32 - 2];
            r.nextBytes(m1);
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            md.update(m1);
            md.update(challenge);
            byte[] f = vn.cccd.reader.util.Bytes.concat(new byte[] {0x6A}, m1, md.digest(), new byte[] {0x34, (byte) 0xCC});
            byte[] sig = org.bouncycastle.util.BigIntegers.asUnsignedByteArray(k,
                    new java.math.BigInteger(1, f).modPow(sk.getPrivateExponent(), sk.getModulus()));
            assertThat(ActiveAuthenticator.verify(chip.getPublic(), null, challenge, sig)).as("challenge %d", i).isTrue();
            challenge[0] ^= 1;
            assertThat(ActiveAuthenticator.verify(chip.getPublic(), null, challenge, sig)).isFalse();
        }
    }

    @Test
    void ecdsaPlainAndDerSignaturesVerifyAndAnotherKeysDoNot() throws Exception {
        KeyPair chip = TestPki.ec("aa-ec", "secp256r1");
        KeyPair clone = TestPki.ec("aa-ec-clone", "secp256r1");
        byte[] challenge = new byte[8];
        new Random(3).nextBytes(challenge);
        ActiveAuthenticationInfo sha256 = ActiveAuthenticationInfo.of("0.4.0.127.0.7.1.1.4.1.3");
        for (String alg : new String[] {"SHA256withPLAIN-ECDSA", "SHA256withECDSA"}) {
            Signature s = Signature.getInstance(alg, TestPki.BC);
            s.initSign(chip.getPrivate());
            s.update(challenge);
            byte[] sig = s.sign();
            assertThat(ActiveAuthenticator.verify(chip.getPublic(), sha256, challenge, sig)).as(alg).isTrue();
            assertThat(ActiveAuthenticator.verify(clone.getPublic(), sha256, challenge, sig)).as(alg).isFalse();
        }
    }
}
