package vn.cccd.reader.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.DHParameterSpec;
import org.jmrtd.lds.PACEInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.cccd.mock.chip.ChipProfile;
import vn.cccd.mock.chip.EmrtdChip;
import vn.cccd.mock.persona.DocumentFactory;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;
import vn.cccd.reader.lds.ChipAuthenticationInfo;
import vn.cccd.reader.lds.ChipAuthenticationPublicKeyInfo;
import vn.cccd.reader.lds.Dg14File;
import vn.cccd.reader.lds.LdsFile;
import vn.cccd.reader.lds.SecurityInfo;
import vn.cccd.reader.lds.SecurityInfos;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.model.CheckResult;
import vn.cccd.reader.read.DocumentReader;
import vn.cccd.reader.read.ProgressListener;
import vn.cccd.reader.read.ReadRequest;

/** Chip Authentication with a DH key (3DES via MSE:Set KAT, AES via MSE:Set AT + GENERAL AUTHENTICATE), both ends. */
class DhChipAuthenticationTest {

    static KeyPair dh(int seed) throws Exception {
        DHParameterSpec group = (DHParameterSpec) PACEInfo.toParameterSpec(0); // RFC 5114 1024-bit, from an independent peer
        KeyPairGenerator g = KeyPairGenerator.getInstance("DH");
        g.initialize(new DHParameterSpec(group.getP(), group.getG()), new java.security.SecureRandom(new byte[] {(byte) seed}));
        return g.generateKeyPair();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1", "1.2"})
    void aDhChipAuthenticationKeyIsProvedAndAnotherFails(String cipher) throws Exception {
        Persona p = Personas.builtIn("nguyen-thi-a"); // a card whose EF.COM lists DG14
        KeyPair key = dh(1);
        byte[] dg14 = new Dg14File(new SecurityInfos(List.of(
                new ChipAuthenticationInfo(SecurityInfo.ID_CA + "." + cipher, 1, BigInteger.ONE),
                ChipAuthenticationPublicKeyInfo.of(key.getPublic(), BigInteger.ONE)))).encode();
        for (boolean genuine : new boolean[] {true, false}) {
            Map<Integer, byte[]> files = new HashMap<>();
            DocumentFactory.files(p).forEach((f, b) -> files.put(f.fid(), b));
            files.put(LdsFile.DG14.fid(), dg14);
            ChipProfile base = DocumentFactory.profile(p, List.of());
            ChipProfile profile = new ChipProfile(files, base.deniedFids(), base.bacKey(), null, true, false, null,
                    genuine ? key : dh(2), false);
            CardReadResult r = new DocumentReader().read(PersonaReadTest.wire(new EmrtdChip(profile)),
                    new ReadRequest(List.of(base.bacKey()), false, List.of()), ProgressListener.NONE);
            assertThat(r.verification().chipAuthentication().status()).as(cipher + (genuine ? "" : " other key"))
                    .isEqualTo(genuine ? CheckResult.Status.PASSED : CheckResult.Status.FAILED);
            assertThat(r.person()).isEqualTo(p.person());
        }
    }
}
