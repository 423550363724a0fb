package vn.cccd.mock.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import org.jmrtd.BACKey;
import org.jmrtd.PassportService;
import org.jmrtd.lds.ChipAuthenticationInfo;
import org.jmrtd.lds.ChipAuthenticationPublicKeyInfo;
import org.jmrtd.lds.SecurityInfo;
import org.jmrtd.lds.icao.DG14File;
import org.jmrtd.lds.icao.DG15File;
import org.jmrtd.lds.icao.DG1File;
import org.jmrtd.protocol.AAResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.cccd.mock.MockCards;
import vn.cccd.mock.persona.DocumentFactory;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;
import vn.cccd.mock.testing.ChipCardService;
import vn.cccd.reader.keys.MrzKey;
import vn.cccd.reader.protocol.aa.ActiveAuthenticator;

/**
 * JMRTD 0.8.6 as the terminal: it sends Active Authentication to the mock chip (our verifier checks the answer
 * against DG15, and agrees with the chip: genuine passes, a clone fails) and performs Chip Authentication, then
 * reads DG1 under the new keys.
 */
class JmrtdAaCaTest {

    static PassportService bac(Persona p, String... faults) throws Exception {
        PassportService ps = new PassportService(new ChipCardService(MockCards.chip(p, List.of(faults)
                .stream().map(vn.cccd.mock.fault.Fault::parse).toList())), PassportService.EXTENDED_MAX_TRANCEIVE_LENGTH,
                PassportService.DEFAULT_MAX_BLOCKSIZE, false, true);
        ps.open();
        ps.sendSelectApplet(false);
        MrzKey key = DocumentFactory.profile(p, List.of()).bacKey();
        ps.doBAC(new BACKey(key.documentNumber(), key.dateOfBirth(), key.dateOfExpiry()));
        return ps;
    }

    static byte[] read(PassportService ps, short fid) throws Exception {
        try (InputStream in = ps.getInputStream(fid, PassportService.DEFAULT_MAX_BLOCKSIZE)) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dang-quoc-viet", "nguyen-thi-hong-nhung"})
    void jmrtdSendsActiveAuthenticationAndOurVerifierAgreesWithTheChip(String name) throws Exception {
        Persona p = Personas.builtIn(name);
        byte[] challenge = {8, 7, 6, 5, 4, 3, 2, 1};
        for (boolean clone : new boolean[] {false, true}) {
            PassportService ps = clone ? bac(p, "clone") : bac(p);
            var key = new DG15File(new java.io.ByteArrayInputStream(read(ps, PassportService.EF_DG15))).getPublicKey();
            boolean rsa = "RSA".equals(key.getAlgorithm());
            AAResult aa = ps.doAA(key, "SHA-256", rsa ? "SHA256withRSA" : "SHA256withECDSA", challenge);
            var ours = vn.cccd.reader.lds.Dg15File.parse(read(ps, PassportService.EF_DG15)).publicKey();
            assertThat(ActiveAuthenticator.verify(ours, vn.cccd.reader.lds.ActiveAuthenticationInfo.of(
                    "0.4.0.127.0.7.1.1.4.1.3"), challenge, aa.getResponse())).as(name + (clone ? " clone" : "")).isEqualTo(!clone);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nguyen-thi-a", "vo-thi-lan"})
    void jmrtdPerformsChipAuthenticationAndReadsUnderTheNewKeys(String name) throws Exception {
        Persona p = Personas.builtIn(name);
        PassportService ps = bac(p);
        DG14File dg14 = new DG14File(new java.io.ByteArrayInputStream(read(ps, PassportService.EF_DG14)));
        ChipAuthenticationInfo info = null;
        ChipAuthenticationPublicKeyInfo keyInfo = null;
        for (SecurityInfo si : dg14.getSecurityInfos()) {
            if (si instanceof ChipAuthenticationInfo c) {
                info = c;
            } else if (si instanceof ChipAuthenticationPublicKeyInfo k) {
                keyInfo = k;
            }
        }
        assertThat(info).isNotNull();
        assertThat(keyInfo).isNotNull();
        ps.doEACCA(keyInfo.getKeyId(), info.getObjectIdentifier(), keyInfo.getObjectIdentifier(), keyInfo.getSubjectPublicKey());
        String docNo = new DG1File(new java.io.ByteArrayInputStream(read(ps, PassportService.EF_DG1))).getMRZInfo()
                .getDocumentNumber();
        assertThat(docNo).isEqualTo(p.documentNumber());
    }
}
