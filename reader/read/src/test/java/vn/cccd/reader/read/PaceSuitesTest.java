package vn.cccd.reader.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.cccd.mock.chip.ChipProfile;
import vn.cccd.mock.chip.EmrtdChip;
import vn.cccd.mock.persona.DocumentFactory;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;
import vn.cccd.reader.keys.CanKey;
import vn.cccd.reader.lds.CardAccessFile;
import vn.cccd.reader.lds.LdsFile;
import vn.cccd.reader.lds.PaceInfo;
import vn.cccd.reader.lds.SecurityInfo;
import vn.cccd.reader.lds.SecurityInfos;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.model.Verification;
import vn.cccd.reader.read.DocumentReader;
import vn.cccd.reader.read.ProgressListener;
import vn.cccd.reader.read.ReadRequest;

/** The reader and the mock chip agree on PACE over DH and EC groups with 3DES and AES, end to end. */
class PaceSuitesTest {
    @ParameterizedTest(name = "{0} with parameter ID {1}")
    @CsvSource({
        "1.2, 0",   // DH GM, AES-128, RFC 5114 1024-bit
        "1.4, 2",   // DH GM, AES-256, RFC 5114 2048/256
        "2.1, 12",  // ECDH GM, 3DES, NIST P-256
        "2.3, 16",  // ECDH GM, AES-192, brainpoolP384r1
        "2.4, 18",  // ECDH GM, AES-256, NIST P-521
    })
    void readsThroughPace(String suite, int parameterId) {
        Persona p = Personas.builtIn("nguyen-van-a");
        Map<Integer, byte[]> files = new HashMap<>();
        DocumentFactory.files(p).forEach((f, b) -> files.put(f.fid(), b));
        files.put(LdsFile.CARD_ACCESS.fid(), new CardAccessFile(new SecurityInfos(List.of(
                new PaceInfo(SecurityInfo.ID_PACE + "." + suite, 2, parameterId)))).encode());
        ChipProfile base = DocumentFactory.profile(p, List.of());
        // a 2048-bit DH public key does not fit a short APDU: such chips need extended length
        ChipProfile profile = new ChipProfile(files, base.deniedFids(), base.bacKey(), "246810", true, true, null, null,
                parameterId == 1 || parameterId == 2);
        ReadRequest request = new ReadRequest(List.of(new CanKey("246810")), false, List.of());
        CardReadResult r = new DocumentReader().read(PersonaReadTest.wire(new EmrtdChip(profile)), request,
                ProgressListener.NONE);
        assertThat(r.verification().accessControl()).isEqualTo(Verification.AccessControl.PACE);
        assertThat(r.person()).isEqualTo(p.person());
    }
}
