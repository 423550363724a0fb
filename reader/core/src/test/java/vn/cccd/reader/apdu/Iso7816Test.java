package vn.cccd.reader.apdu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.cccd.reader.util.Hex;

/** The command factories give the bytes ICAO 9303 shows (part 11 appendix D worked example; part 10 for the AID). */
class Iso7816Test {

    @Test
    void selectAndReadOfTheWorkedExampleAreTheSameBytes() {
        assertThat(Iso7816.selectFile(0x011E).toBytes()).isEqualTo(Hex.decode("00 A4 02 0C 02 01 1E"));
        assertThat(Iso7816.readBinary(0, 4).toBytes()).isEqualTo(Hex.decode("00 B0 00 00 04"));
        assertThat(Iso7816.getChallenge(8).toBytes()).isEqualTo(Hex.decode("00 84 00 00 08"));
    }

    @Test
    void theEmrtdApplicationIsSelectedByItsAidWithoutFci() {
        assertThat(Iso7816.selectEmrtdApplication().toBytes())
                .isEqualTo(Hex.decode("00 A4 04 0C 07 A0 00 00 02 47 10 01"));
    }

    @Test
    void readBinaryNamesTheFileBySfiOrCarriesALargeOffsetInP1P2() {
        assertThat(Iso7816.readBinarySfi(0x01, 0x20).toBytes()).isEqualTo(Hex.decode("00 B0 81 00 20"));
        assertThat(Iso7816.readBinary(0x7FFF, 1).toBytes()).isEqualTo(Hex.decode("00 B0 7F FF 01"));
    }

    @Test
    void chainedGeneralAuthenticateSetsTheChainingBit() {
        byte[] data = Hex.decode("7C 00");
        assertThat(Iso7816.generalAuthenticate(true, data, 256).toBytes()).isEqualTo(Hex.decode("10 86 00 00 02 7C 00 00"));
        assertThat(Iso7816.generalAuthenticate(false, data, 256).toBytes()).isEqualTo(Hex.decode("00 86 00 00 02 7C 00 00"));
    }

    @Test
    void theAidHandedOutIsACopy() {
        Iso7816.emrtdAid()[0] = 0;
        assertThat(Iso7816.emrtdAid()[0]).isEqualTo((byte) 0xA0);
    }

    @Test
    void getResponseAsksForWhat61xxAnnouncedAnd00MeansTheFull256() {
        assertThat(Iso7816.getResponse(0x01, Iso7816.neOfSw2(0x10)).toBytes()).isEqualTo(Hex.decode("01 C0 00 00 10"));
        assertThat(Iso7816.neOfSw2((byte) 0x00)).isEqualTo(256);
        assertThat(Iso7816.neOfSw2((byte) 0xFF)).isEqualTo(255);
    }

    @Test
    void secureMessagingNeedsBothClaBitsOfTheProtectedHeader() {
        assertThat(Iso7816.isSecureMessaging(0x0C)).isTrue();
        assertThat(Iso7816.isSecureMessaging(0x1C)).isTrue();
        assertThat(Iso7816.isSecureMessaging(0x08)).isFalse();
        assertThat(Iso7816.isSecureMessaging(0x00)).isFalse();
    }
}
