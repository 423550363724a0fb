package vn.cccd.mock.chip;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.cccd.reader.protocol.bac.BacAuthenticator;
import vn.cccd.reader.keys.MrzKey;
import vn.cccd.reader.apdu.CommandApdu;
import vn.cccd.reader.apdu.ResponseApdu;
import vn.cccd.reader.sm.SecureMessagingTransport;
import vn.cccd.reader.testing.FixedRandom;
import vn.cccd.reader.transport.CardTransport;
import vn.cccd.reader.util.Hex;

class EmrtdChipTest {
    static final MrzKey ICAO_KEY = new MrzKey("L898902C", "690806", "940623");
    static final byte[] ICAO_COM = Hex.decode("60 14 5F 01 04 30 31 30 36 5F 36 06 30 34 30 30 30 30 5C 02 61 75");

    static ChipProfile profile() {
        return ChipProfile.bac(Map.of(ChipProfile.FID_COM, ICAO_COM, 0x0101, new byte[600],
                ChipProfile.FID_CARD_ACCESS, Hex.decode("31 00"), 0x0103, new byte[10]), ICAO_KEY);
    }

    static String send(Chip chip, String hex) {
        return Hex.encode(chip.process(Hex.decode(hex)));
    }

    /** The chip side of App. D.3-D.4: with RND.ICC and K.ICC pinned it answers exactly as the worked example. */
    @Test
    void answersTheIcaoWorkedExampleByteForByte() {
        Chip chip = new EmrtdChip(profile(), new FixedRandom("46 08 F9 19 88 70 22 12" + "0B4F80323EB3191CB04970CB4052790B"));
        assertThat(send(chip, "00 A4 04 0C 07 A0 00 00 02 47 10 01")).isEqualTo("9000");
        assertThat(send(chip, "00 84 00 00 08")).isEqualTo("4608F919887022129000");
        assertThat(send(chip, "00 82 00 00 28 72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2"
                + " 5F1448EEA8AD90A7 28")).isEqualTo(
                "46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D74499000");
        assertThat(send(chip, "0C A4 02 0C 15 87 09 01 63 75 43 29 08 C0 44 F6 8E 08 BF 8B 92 D6 35 FF 24 F8 00"))
                .isEqualTo("990290008E08FA855A5D4C50A8ED9000");
        assertThat(send(chip, "0C B0 00 00 0D 97 01 04 8E 08 ED 67 05 41 7E 96 BA 55 00"))
                .isEqualTo("8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000");
        assertThat(send(chip, "0C B0 00 04 0D 97 01 12 8E 08 2E A2 8A 70 F3 C7 B5 35 00")).isEqualTo(
                "871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D749000");
    }

    @Test
    void statusWordsBeforeAccessControlAreThoseOfARealCard() {
        Chip chip = new EmrtdChip(profile());
        assertThat(send(chip, "00 A4 00 0C 02 3F 00")).as("SELECT MF").isEqualTo("6D00");
        assertThat(send(chip, "00 A4 02 0C 02 01 1C")).as("CardAccess before the application").isEqualTo("9000");
        assertThat(send(chip, "00 B0 00 00 02")).isEqualTo("31009000");
        assertThat(send(chip, "00 A4 04 0C 07 A0 00 00 02 47 10 02")).isEqualTo("6A82");
        assertThat(send(chip, "00 A4 04 0C 07 A0 00 00 02 47 10 01")).isEqualTo("9000");
        assertThat(send(chip, "00 A4 02 0C 02 01 1E")).as("COM before BAC").isEqualTo("6982");
        assertThat(send(chip, "00 B0 9E 00 04")).as("COM by SFI before BAC").isEqualTo("6982");
        assertThat(send(chip, "00 84 00 00 04")).isEqualTo("6700");
        assertThat(send(chip, "00 82 00 00 28 " + "00".repeat(40) + " 28")).as("no challenge").isEqualTo("6985");
        assertThat(send(chip, "00 84 00 00 08")).endsWith("9000");
        assertThat(send(chip, "00 82 00 00 28 " + "00".repeat(40) + " 28")).as("wrong key").isEqualTo("6300");
        assertThat(send(chip, "0C B0 00 00 0D 97 01 04 8E 08 ED 67 05 41 7E 96 BA 55 00")).as("SM without session")
                .isEqualTo("6988");
        assertThat(send(chip, "00 CA 01 01 00")).isEqualTo("6D00");
        assertThat(send(chip, "80 A4 04 0C 07 A0 00 00 02 47 10 01")).isEqualTo("6E00");
        assertThat(send(chip, "00 A4")).isEqualTo("6700");
    }

    private static SecureMessagingTransport bac(Chip chip) {
        CardTransport wire = chip::process;
        wire.transmit(new CommandApdu(0, 0xA4, 4, 0x0C, EmrtdChip.EMRTD_AID));
        return new SecureMessagingTransport(wire, new BacAuthenticator(new SecureRandom()).authenticate(wire, ICAO_KEY));
    }

    @Test
    void afterBacFilesReadBySfiByFidAndByOddInsAndDg3StaysLocked() {
        Chip chip = new EmrtdChip(profile());
        SecureMessagingTransport sm = bac(chip);
        assertThat(sm.transmit(new CommandApdu(0, 0xB0, 0x9E, 0, 256)).data()).isEqualTo(ICAO_COM);
        assertThat(sm.transmit(new CommandApdu(0, 0xA4, 2, 0x0C, Hex.decode("01 03"))).sw()).isEqualTo(0x6982);
        assertThat(sm.transmit(new CommandApdu(0, 0xA4, 2, 0x0C, Hex.decode("01 05"))).sw()).isEqualTo(0x6A82);
        assertThat(sm.transmit(new CommandApdu(0, 0xA4, 2, 0x0C, Hex.decode("01 01"))).sw()).isEqualTo(0x9000);
        assertThat(sm.transmit(new CommandApdu(0, 0xB0, 0, 0, 600)).dataLength()).as("extended").isEqualTo(600);
        ResponseApdu odd = sm.transmit(new CommandApdu(0, 0xB1, 0, 0, Hex.decode("54 02 02 50"), 100));
        assertThat(Hex.encode(odd.data())).as("the last 8 bytes of 600").isEqualTo("5308" + "00".repeat(8));
        assertThat(sm.transmit(new CommandApdu(0, 0xB0, 0x02, 0x59, 10)).sw()).as("past the end").isEqualTo(0x6B00);
        assertThat(sm.transmit(new CommandApdu(0, 0xB0, 0x02, 0x57, 10)).data()).as("fewer bytes at the end").hasSize(1);
    }

    @Test
    void aTamperedProtectedCommandEndsTheSession() {
        Chip chip = new EmrtdChip(profile());
        SecureMessagingTransport sm = bac(chip);
        assertThat(sm.transmit(new CommandApdu(0, 0xB0, 0x9E, 0, 4)).sw()).isEqualTo(0x9000);
        assertThat(send(chip, "0C B0 00 00 0D 97 01 04 8E 08 00 00 00 00 00 00 00 00 00")).isEqualTo("6988");
        assertThat(send(chip, "00 B0 9E 00 04")).as("session gone").isEqualTo("6982");
    }

    @Test
    void aPlainCommandAfterBacEndsSecureMessaging() {
        Chip chip = new EmrtdChip(profile());
        bac(chip);
        assertThat(send(chip, "00 A4 02 0C 02 01 1E")).isEqualTo("6982");
    }

    @Test
    void aChipWithoutExtendedLengthRefusesLongReads() {
        ChipProfile p = profile();
        ChipProfile shortOnly = new ChipProfile(p.files(), p.deniedFids(), p.bacKey(), null, true, false, null, null, false);
        Chip chip = new EmrtdChip(shortOnly);
        SecureMessagingTransport sm = bac(chip);
        // an extended APDU is refused in plain, which ends secure messaging (as on a real short-only chip)
        assertThat(sm.transmit(new CommandApdu(0, 0xB0, 0x81, 0, 600)).sw()).isEqualTo(0x6700);
        assertThat(sm.lost()).isTrue();
        SecureMessagingTransport again = bac(chip);
        assertThat(again.transmit(new CommandApdu(0, 0xB0, 0x81, 0, 200)).dataLength()).isEqualTo(200);
        assertThat(chip.atr()).isNotEqualTo(new EmrtdChip(p).atr());
    }
}
