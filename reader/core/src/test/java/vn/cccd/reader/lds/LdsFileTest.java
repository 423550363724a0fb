package vn.cccd.reader.lds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LdsFileTest {

    @Test
    void contractNamesFidsSfisAndTagsFollowIcao() {
        assertThat(LdsFile.COM.fid()).isEqualTo(0x011E);
        assertThat(LdsFile.COM.sfi()).isEqualTo(0x1E);
        assertThat(LdsFile.COM.tag()).isEqualTo(0x60);
        assertThat(LdsFile.SOD.fid()).isEqualTo(0x011D);
        assertThat(LdsFile.SOD.tag()).isEqualTo(0x77);
        assertThat(LdsFile.CARD_ACCESS.contractName()).isEqualTo("CardAccess");
        assertThat(LdsFile.CARD_ACCESS.fid()).isEqualTo(0x011C);
        assertThat(LdsFile.CARD_ACCESS.sfi()).isEqualTo(0x1C);
        assertThat(LdsFile.DG2.tag()).isEqualTo(0x75);
        assertThat(LdsFile.DG4.tag()).isEqualTo(0x76);
        assertThat(LdsFile.DG13.tag()).isEqualTo(0x6D);
        assertThat(LdsFile.DG14.tag()).isEqualTo(0x6E);
        assertThat(LdsFile.DG15.tag()).isEqualTo(0x6F);
        assertThat(LdsFile.DG16.tag()).isEqualTo(0x70);
        assertThat(LdsFile.DG13.fileName()).isEqualTo("DG13.bin");
        for (int n = 1; n <= 16; n++) {
            LdsFile dg = LdsFile.dataGroup(n);
            assertThat(dg.contractName()).isEqualTo("DG" + n);
            assertThat(dg.fid()).isEqualTo(0x0100 + n);
            assertThat(dg.sfi()).isEqualTo(n);
            assertThat(dg.dataGroupNumber()).isEqualTo(n);
            assertThat(dg.isDataGroup()).isTrue();
        }
        assertThat(LdsFile.COM.isDataGroup()).isFalse();
    }

    @Test
    void lookupsAreUniqueAndRoundTrip() {
        Set<Integer> fids = new HashSet<>();
        Set<Integer> sfis = new HashSet<>();
        Set<Integer> tags = new HashSet<>();
        for (LdsFile f : LdsFile.values()) {
            assertThat(fids.add(f.fid())).isTrue();
            assertThat(sfis.add(f.sfi())).isTrue();
            assertThat(tags.add(f.tag())).isTrue();
            assertThat(LdsFile.byContractName(f.contractName())).contains(f);
            assertThat(LdsFile.byFid(f.fid())).contains(f);
            assertThat(LdsFile.byTag(f.tag())).contains(f);
        }
        assertThat(LdsFile.byContractName("dg1")).isEmpty();
        assertThat(LdsFile.byFid(0x3F00)).isEmpty();
        assertThatThrownBy(() -> LdsFile.dataGroup(17)).isInstanceOf(IllegalArgumentException.class);
    }
}
