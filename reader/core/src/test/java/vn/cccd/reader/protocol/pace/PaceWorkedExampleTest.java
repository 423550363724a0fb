package vn.cccd.reader.protocol.pace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.cccd.reader.keys.MrzKey;
import vn.cccd.reader.apdu.CommandApdu;
import vn.cccd.reader.crypto.Kdf;
import vn.cccd.reader.error.AccessDeniedException;
import vn.cccd.reader.lds.CardAccessFile;
import vn.cccd.reader.lds.PaceInfo;
import vn.cccd.reader.sm.SmSession;
import vn.cccd.reader.testing.ScriptedTransport;
import vn.cccd.reader.util.Hex;

/** ICAO 9303-11 App. G.1 (ECDH Generic Mapping, brainpoolP256r1, AES-128), icao-vectors.md §4, byte for byte. */
class PaceWorkedExampleTest {
    static final MrzKey KEY = new MrzKey("T22000129", "640812", "101031");
    static final String MAP_SK = "7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99";
    static final String EPH_SK = "A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595";
    static final String MAP_PK = "7ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E"
            + "544552DCB6725218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D";
    static final String CHIP_MAP_PK = "824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F57"
            + "30D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C54";
    static final String EPH_PK = "2DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C"
            + "3556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB36462";
    static final String CHIP_EPH_PK = "9E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB"
            + "7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F094";

    static PaceInfo info() {
        return CardAccessFile.parse(Hex.decode("31 14 30 12 06 0A 04 00 7F 00 07 02 02 04 02 02 02 01 02 02 01 0D"))
                .securityInfos().paceInfos().get(0);
    }

    static PaceAuthenticator replay() {
        Deque<BigInteger> keys = new ArrayDeque<>(List.of(new BigInteger(MAP_SK, 16), new BigInteger(EPH_SK, 16)));
        return new PaceAuthenticator(g -> keys.pop());
    }

    static ScriptedTransport transcript(String lastResponse) {
        return new ScriptedTransport()
                .expect("00 22 C1 A4 12 80 0A 04 00 7F 00 07 02 02 04 02 02 83 01 01 84 01 0D", "90 00")
                .expect("10 86 00 00 02 7C 00 00", "7C 12 80 10 95A3A016522EE98D01E76CB6B98B42C3 90 00")
                .expect("10 86 00 00 45 7C 43 81 41 04" + MAP_PK + "00", "7C 43 82 41 04" + CHIP_MAP_PK + "90 00")
                .expect("10 86 00 00 45 7C 43 83 41 04" + EPH_PK + "00", "7C 43 84 41 04" + CHIP_EPH_PK + "90 00")
                .expect("00 86 00 00 0C 7C 0A 85 08 C2B0BD78D94BA866 00", lastResponse);
    }

    @Test
    void theWholeTranscriptAndTheSessionKeys() {
        ScriptedTransport card = transcript("7C 0A 86 08 3ABB9674BCE93C08 90 00");
        SmSession session = replay().authenticate(card, info(), KEY);
        assertThat(card.finished()).isTrue();
        assertThat(session.ssc()).isEqualTo(new byte[16]);
        // the session keys of the example: protect a command with our session and with one built from them
        SmSession expected = new SmSession(new vn.cccd.reader.sm.AesSmCipher(Hex.decode("F5F0E35C0D7161EE6724EE513A0D9A7F"),
                Hex.decode("FE251C7858B356B24514B3BD5F4297D1")), new byte[16]);
        CommandApdu select = new CommandApdu(0, 0xA4, 4, 0x0C, Hex.decode("A0 00 00 02 47 10 01"));
        assertThat(session.protect(select)).isEqualTo(expected.protect(select));
    }

    @Test
    void passwordKeyOfTheExample() {
        assertThat(Hex.encode(PaceProtocol.passwordKey(KEY, PaceSuite.of(info().protocol()).orElseThrow())))
                .isEqualTo("89DED1B26624EC1E634C1989302849DD");
        assertThat(Hex.encode(Kdf.sha1(KEY.mrzInformation().getBytes()))).isEqualTo("7E2D2A41C74EA0B38CD36F863939BFA8E9032AAD");
    }

    @Test
    void aChipThatRefusesOurTokenMeansAWrongPassword() {
        assertThatThrownBy(() -> replay().authenticate(transcript("63 C2"), info(), KEY))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("PACE password");
    }

    @Test
    void aChipTokenThatDoesNotVerifyIsRefused() {
        assertThatThrownBy(() -> replay().authenticate(transcript("7C 0A 86 08 3ABB9674BCE93C09 90 00"), info(), KEY))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("token");
    }
}
