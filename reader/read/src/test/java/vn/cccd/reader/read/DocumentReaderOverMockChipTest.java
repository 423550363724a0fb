package vn.cccd.reader.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.cccd.mock.chip.Chip;
import vn.cccd.mock.chip.ChipProfile;
import vn.cccd.mock.chip.EmrtdChip;
import vn.cccd.mock.fault.MaxLeChip;
import vn.cccd.reader.keys.AccessKey;
import vn.cccd.reader.keys.MrzKey;
import vn.cccd.reader.error.AccessDeniedException;
import vn.cccd.reader.lds.ComFile;
import vn.cccd.reader.lds.Dg1File;
import vn.cccd.reader.lds.Dg2File;
import vn.cccd.reader.lds.image.FaceImage;
import vn.cccd.reader.lds.LdsFile;
import vn.cccd.reader.lds.Mrz;
import vn.cccd.reader.lds.vn.PersonMapper;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.model.CheckResult;
import vn.cccd.reader.model.PassiveAuthentication;
import vn.cccd.reader.model.Person;
import vn.cccd.reader.read.DocumentReader;
import vn.cccd.reader.read.ReadRequest;
import vn.cccd.reader.transport.CardTransport;

/** The reader's file reading against the mock chip: block sizes, SFI, B1 offsets, keys, without a signed SOD. */
class DocumentReaderOverMockChipTest {
    static final Person PERSON = new Person("001090123456", "Nguyễn Văn An", "1990-01-01", "Nam", "Việt Nam",
            "Kinh", "Không", "Hà Nội", "Số 1 Phố Huế, Hà Nội", "Nốt ruồi", "2021-04-15", "2030-01-01",
            "Nguyễn Văn Bố", "Trần Thị Mẹ", null, null);
    static final MrzKey KEY = new MrzKey("090123456", "900101", "300101");

    static Map<Integer, byte[]> files(int portraitBytes) {
        Mrz mrz = Mrz.vietnameseId(PERSON.idNumber(), PERSON.fullName(), LocalDate.of(1990, 1, 1), 'M',
                LocalDate.of(2030, 1, 1));
        byte[] jpeg = new byte[portraitBytes];
        new java.util.Random(5).nextBytes(jpeg);
        jpeg[0] = (byte) 0xFF;
        jpeg[1] = (byte) 0xD8;
        jpeg[2] = (byte) 0xFF;
        Map<Integer, byte[]> f = new HashMap<>();
        f.put(LdsFile.DG1.fid(), new Dg1File(mrz).encode());
        f.put(LdsFile.DG13.fid(), PersonMapper.toDg13(PERSON).build().encode());
        f.put(LdsFile.DG2.fid(), new Dg2File(List.of(FaceImage.of(jpeg, 360, 480))).encode());
        f.put(LdsFile.COM.fid(), ComFile.of(List.of(LdsFile.DG1, LdsFile.DG2, LdsFile.DG3, LdsFile.DG13)).encode());
        return f;
    }

    static final class Counting implements CardTransport {
        final Chip chip;
        final boolean extended;
        final List<String> headers = new ArrayList<>();

        Counting(Chip chip, boolean extended) {
            this.chip = chip;
            this.extended = extended;
        }

        @Override
        public byte[] transceive(byte[] command) {
            headers.add(String.format("%02X%02X", command[1], command[2]));
            return chip.process(command);
        }

        @Override
        public boolean supportsExtendedLength() {
            return extended;
        }
    }

    static DocumentReader reader() {
        return new DocumentReader(dirs -> (sod, files) -> PassiveAuthentication.notChecked("no SOD in this test"),
                new SecureRandom());
    }

    static ReadRequest request(boolean face, AccessKey... keys) {
        return new ReadRequest(List.of(keys), face, List.of());
    }

    @Test
    void readsTheIdentityAndThePortraitWithExtendedLength() {
        Counting card = new Counting(new EmrtdChip(ChipProfile.bac(files(18000), KEY)), true);
        List<String> progress = new ArrayList<>();
        CardReadResult r = reader().read(card, request(true, KEY), (f, done, total) -> progress.add(f + ":" + done + "/" + total));
        assertThat(r.person()).isEqualTo(PERSON);
        assertThat(r.face()).isNotNull();
        assertThat(r.dataGroups()).containsExactly("COM", "DG1", "DG2", "DG13");
        int dg2 = files(18000).get(LdsFile.DG2.fid()).length;
        assertThat(progress).contains("DG2:0/-1");
        assertThat(progress.get(progress.size() - 1)).isEqualTo("DG2:" + dg2 + "/" + dg2);
        assertThat(r.verification().overall().name()).isEqualTo("UNVERIFIED");
        assertThat(r.stats().apdus()).isEqualTo(card.headers.size());
        // 1 CardAccess select + SELECT AID + BAC(2) + COM, DG1, DG13, SOD(absent), DG2 (first block and the rest)
        assertThat(card.headers.size()).isLessThan(16);
    }

    @Test
    void unreadableDg14AndDg15LeaveChipAndActiveAuthenticationNotCheckedWithAProblemEach() {
        Map<Integer, byte[]> f = files(2000);
        f.put(LdsFile.DG14.fid(), vn.cccd.reader.util.Hex.decode("6E 03 04 01 00"));
        f.put(LdsFile.DG15.fid(), vn.cccd.reader.util.Hex.decode("6F 03 04 01 00"));
        f.put(LdsFile.COM.fid(), ComFile.of(List.of(LdsFile.DG1, LdsFile.DG2, LdsFile.DG3, LdsFile.DG13, LdsFile.DG14,
                LdsFile.DG15)).encode());
        Counting card = new Counting(new EmrtdChip(ChipProfile.bac(f, KEY)), true);
        CardReadResult r = reader().read(card, request(false, KEY), ProgressListener0.NONE);
        assertThat(r.person()).isEqualTo(PERSON);
        assertThat(r.problems()).extracting(vn.cccd.reader.model.FileProblem::file).containsExactly("DG14", "DG15");
        assertThat(r.verification().chipAuthentication().status()).isEqualTo(CheckResult.Status.NOT_CHECKED);
        assertThat(r.verification().chipAuthentication().detail()).contains("DG14 could not be read");
        assertThat(r.verification().activeAuthentication().status()).isEqualTo(CheckResult.Status.NOT_CHECKED);
        assertThat(r.verification().activeAuthentication().detail()).contains("DG15 could not be read");
        assertThat(r.dataGroups()).contains("DG14", "DG15");
    }

    @Test
    void shortApdusOnlyStillReadEverythingAndOffsetsAbove32kUseB1() {
        Counting card = new Counting(new EmrtdChip(ChipProfile.bac(files(40000), KEY)), false);
        CardReadResult r = reader().read(card, request(true, KEY), ProgressListener0.NONE);
        assertThat(r.person()).isEqualTo(PERSON);
        assertThat(card.headers).anyMatch(h -> h.startsWith("B1"));
        assertThat(java.util.Base64.getDecoder().decode(r.face().base64()))
                .isEqualTo(Dg2File.parse(files(40000).get(LdsFile.DG2.fid())).face().image());
    }

    @Test
    void withoutTheFaceDg2IsNotRead() {
        Counting card = new Counting(new EmrtdChip(ChipProfile.bac(files(18000), KEY)), true);
        CardReadResult r = reader().read(card, request(false, KEY), ProgressListener0.NONE);
        assertThat(r.face()).isNull();
        assertThat(r.dataGroups()).doesNotContain("DG2");
        assertThat(card.headers).noneMatch(h -> h.equals("B082"));
    }

    @Test
    void aChipThatRefusesLargeBlocksIsReadWithSmallerOnes() {
        Chip limited = new MaxLeChip(new EmrtdChip(ChipProfile.bac(files(18000), KEY)), 100);
        Counting card = new Counting(limited, true);
        DocumentReader reader = reader();
        CardReadResult r = reader.read(card, request(true, KEY), ProgressListener0.NONE);
        assertThat(r.person()).isEqualTo(PERSON);
        int first = card.headers.size();
        // the second read of the same chip model starts at the size that worked: no refusals, fewer APDUs
        Counting again = new Counting(new MaxLeChip(new EmrtdChip(ChipProfile.bac(files(18000), KEY)), 100), true);
        reader.read(again, request(true, KEY), ProgressListener0.NONE);
        assertThat(again.headers.size()).isLessThan(first);
    }

    @Test
    void theSecondCandidateKeyOpensTheChipAndAWrongKeyIsAccessDenied() {
        MrzKey wrong = new MrzKey("090123456", "900101", "991231");
        Counting card = new Counting(new EmrtdChip(ChipProfile.bac(files(100), KEY)), true);
        assertThat(reader().read(card, request(false, wrong, KEY), ProgressListener0.NONE).person()).isEqualTo(PERSON);
        Counting locked = new Counting(new EmrtdChip(ChipProfile.bac(files(100), KEY)), true);
        assertThatThrownBy(() -> reader().read(locked, request(false, wrong), ProgressListener0.NONE))
                .isInstanceOf(AccessDeniedException.class);
    }

    /** Short alias so lines stay readable. */
    interface ProgressListener0 {
        vn.cccd.reader.read.ProgressListener NONE = vn.cccd.reader.read.ProgressListener.NONE;
    }
}
