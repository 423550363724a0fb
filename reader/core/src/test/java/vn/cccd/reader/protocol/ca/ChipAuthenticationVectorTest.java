package vn.cccd.reader.protocol.ca;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import org.junit.jupiter.api.Test;
import vn.cccd.reader.apdu.CommandApdu;
import vn.cccd.reader.crypto.Kdf;
import vn.cccd.reader.lds.ChipAuthenticationPublicKeyInfo;
import vn.cccd.reader.lds.Dg14File;
import vn.cccd.reader.sm.AesSmCipher;
import vn.cccd.reader.sm.SmSession;
import vn.cccd.reader.tlv.Tlv;
import vn.cccd.reader.util.Hex;

/** Chip Authentication on the captured German passport of icao-vectors.md §9 (DE case), byte for byte. */
class ChipAuthenticationVectorTest {
    static final String DG14 = "6E82019A31820196300D060804007F00070202020201013012060A04007F0007020204020202010202010D3012060A04007F0007020204060202010202010D3013060A04007F00070202030202020101020200C330820146060904007F000702020102308201333081EC06072A8648CE3D02013081E0020101302C06072A8648CE3D0101022100A9FB57DBA1EEA9BC3E660A909D838D726E3BF623D52620282013481D1F6E5377304404207D5A0975FC2C3057EEF67530417AFFE7FB8055C126DC5C6CE94A4B44F330B5D9042026DC5C6CE94A4B44F330B5D9BBD77CBF958416295CF7E1CE6BCCDC18FF8C07B60441048BD2AEB9CB7E57CB2C4B482FFC81B7AFB9DE27E1E3BD23C23A4453BD9ACE3262547EF835C3DAC4FD97F8461A14611DC9C27745132DED8E545C1D54C72F046997022100A9FB57DBA1EEA9BC3E660A909D838D718C397AA3B561A6F7901E0E82974856A7020101034200047036BC5D0BCF31913B59103BB6F2C0C98C99EF4C19B9517340B76BFE4EE2194C76C3F3314E021D4B092DB5A32AB7D6E297F2FBEAE45AA28DEFC4DA750FEAD54E020200C3";
    static final BigInteger TERMINAL_SK = new BigInteger("84A5145885678EE9307C28C52736896267511203B7B8009C5FE27ABCBAECDCAA", 16);
    static final String TERMINAL_PK = "04897FA47C895D35949A8DB8F776A62D775BDF764A1AA1BDC2D8FC96CD5C2E80E39F631C67E84364DCF85F5C9F8CE79A752071896819A0D510CF9701652486817C";

    @Test
    void theNewSessionKeysOfTheCapture() {
        ChipAuthenticationPublicKeyInfo key = Dg14File.parse(Hex.decode(DG14)).securityInfos()
                .chipAuthenticationPublicKeyInfos().get(0);
        ECPublicKey chip = (ECPublicKey) key.publicKey();
        byte[] shared = ChipAuthProtocol.sharedSecret(chip, TERMINAL_SK, ChipAuthProtocol.encode(chip));
        assertThat(Hex.encode(Kdf.derive(shared, Kdf.ENC, Kdf.KeyType.AES128))).isEqualTo("AF0EEDB52E87B945FC5503B1C6875C1C");
        assertThat(Hex.encode(Kdf.derive(shared, Kdf.MAC, Kdf.KeyType.AES128))).isEqualTo("CEB85BEDCECFF1DD1E25DFB672C4A5BF");
        assertThat(ChipAuthProtocol.ecdhKeyType("0.4.0.127.0.7.2.2.3.2.2")).contains(Kdf.KeyType.AES128);
        // the first command under the new keys (SSC 1) is the captured SELECT of DG14
        SmSession next = ChipAuthProtocol.session(shared, Kdf.KeyType.AES128);
        assertThat(next.protect(new CommandApdu(0, 0xA4, 2, 0x0C, Hex.decode("01 0E")), false).toHex())
                .isEqualTo("0CA4020C1D871101FAD37EADBCDE7E6A0833035A9FFF5B708E0836560BBCE1FECD5F00");
    }

    @Test
    void theCapturedCommandsUnderThePaceSession() {
        SmSession pace = new SmSession(new AesSmCipher(Hex.decode("CC86415F2ED7E8FD663B754265695AE1"),
                Hex.decode("581E84B8EE06C4D3EEE30461498D7FB3")), Hex.decode("000000000000000000000000000000BA"));
        byte[] mse = Hex.decode("80 0A 04 00 7F 00 07 02 02 03 02 02 84 01 C3");
        assertThat(pace.protect(new CommandApdu(0, 0x22, 0x41, 0xA4, mse), false).toHex())
                .isEqualTo("0C2241A41D871101980953D37F67558690045D78A853B18A8E08929767A2CEF172E200");
        pace.unprotect(vn.cccd.reader.apdu.ResponseApdu.parse(Hex.decode("990290008E08FC873EBB62219C8A9000")));
        byte[] ga = Tlv.of(0x7C, Tlv.of(0x80, Hex.decode(TERMINAL_PK))).encode();
        assertThat(pace.protect(new CommandApdu(0, 0x86, 0, 0, ga, 256), false).toHex()).isEqualTo(
                "0C8600006087510161912C367A6322D24AA1D4522DC47A7345369257672DF1D1163D506EB6489395D8083FAD393A394297"
                        + "CE8703C42F22C864C1F4C8E70EE1CF9B497ACF6579190D90F36CF9E16FE2149FF57247285D9E1E9701008E08A1D7A1"
                        + "6EFBFD932C00");
    }
}
