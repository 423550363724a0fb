package vn.cccd.mock.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.List;
import org.jmrtd.BACKey;
import org.jmrtd.PACEKeySpec;
import org.jmrtd.PassportService;
import org.jmrtd.lds.CardAccessFile;
import org.jmrtd.lds.PACEInfo;
import org.jmrtd.lds.SecurityInfo;
import org.jmrtd.lds.icao.DG1File;
import org.junit.jupiter.api.Test;
import vn.cccd.mock.MockCards;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;
import vn.cccd.mock.testing.ChipCardService;

/** JMRTD 0.8.6 performs PACE (with the CAN and with the MRZ) against the mock chip and reads DG1 under it. */
class JmrtdPaceTest {
    static final Persona P = Personas.builtIn("vo-thi-lan");

    static PassportService open() throws Exception {
        PassportService ps = new PassportService(new ChipCardService(MockCards.chip(P, List.of())),
                PassportService.NORMAL_MAX_TRANCEIVE_LENGTH, PassportService.DEFAULT_MAX_BLOCKSIZE, false, true);
        ps.open();
        return ps;
    }

    static PACEInfo paceInfo(PassportService ps) throws Exception {
        try (InputStream in = ps.getInputStream(PassportService.EF_CARD_ACCESS, PassportService.DEFAULT_MAX_BLOCKSIZE)) {
            for (SecurityInfo si : new CardAccessFile(in).getSecurityInfos()) {
                if (si instanceof PACEInfo p) {
                    return p;
                }
            }
        }
        throw new AssertionError("no PACEInfo in EF.CardAccess");
    }

    static String readDocumentNumber(PassportService ps, PACEKeySpec key) throws Exception {
        PACEInfo info = paceInfo(ps);
        ps.doPACE(key, info.getObjectIdentifier(), PACEInfo.toParameterSpec(info.getParameterId()), info.getParameterId());
        ps.sendSelectApplet(true);
        try (InputStream in = ps.getInputStream(PassportService.EF_DG1, PassportService.DEFAULT_MAX_BLOCKSIZE)) {
            return new DG1File(in).getMRZInfo().getDocumentNumber();
        }
    }

    @Test
    void jmrtdOpensTheChipWithPaceByCan() throws Exception {
        assertThat(readDocumentNumber(open(), PACEKeySpec.createCANKey(P.access().can()))).isEqualTo(P.documentNumber());
    }

    @Test
    void jmrtdOpensTheChipWithPaceByMrz() throws Exception {
        String dob = P.person().dateOfBirth().replace("-", "").substring(2);
        String exp = P.document().expiryDate() == null ? "991231" : P.document().expiryDate().replace("-", "").substring(2);
        assertThat(readDocumentNumber(open(), PACEKeySpec.createMRZKey(new BACKey(P.documentNumber(), dob, exp))))
                .isEqualTo(P.documentNumber());
    }

    @Test
    void jmrtdWithAWrongCanIsRefused() {
        assertThatThrownBy(() -> readDocumentNumber(open(), PACEKeySpec.createCANKey("000001")))
                .isInstanceOf(net.sf.scuba.smartcards.CardServiceException.class)
                .satisfies(e -> assertThat(((net.sf.scuba.smartcards.CardServiceException) e).getSW() & 0xFFF0)
                        .isEqualTo(0x63C0));
    }
}
