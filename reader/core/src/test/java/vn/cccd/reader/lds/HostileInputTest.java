package vn.cccd.reader.lds;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.lds.vn.Dg13File;
import vn.cccd.reader.tlv.Tlv;

/**
 * What a hostile chip or a corrupt saved file can send: every parser answers with MalformedDataException or a
 * value, never another exception, a hang or a crash.
 */
class HostileInputTest {
    private static final int MUTATIONS = 3000;

    /** A parser under test, a valid encoding to start from, and its file's outer tag. */
    record Target(String name, Function<byte[], ?> parser, byte[] valid, int tag) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Target> targets() {
        RandomPersons r = new RandomPersons(1);
        byte[] dg13 = Dg13File.builder().idNumber("001090123456").fullName(r.fullName())
                .dateOfBirth(LocalDate.of(1990, 1, 1)).sex("Nam").nationality("Việt Nam")
                .placeOfResidence(r.address(true)).expiryDate(null).fatherName(r.fullName()).motherName(r.fullName())
                .spouseName(r.fullName()).oldIdNumber("012345678").field16("001090123457").build().encode();
        byte[] dg11 = Dg11File.builder().fullName("NGUYEN<<VAN A").otherNames(List.of("A", "B")).personalNumber("1")
                .fullDateOfBirth(LocalDate.of(1990, 1, 1)).permanentAddress(r.address(true)).build().encode();
        byte[] dg12 = Dg12File.builder().issuingAuthority("X").dateOfIssue(LocalDate.of(2021, 1, 1))
                .namesOfOtherPersons(List.of("C")).imageOfFront(new byte[200]).build().encode();
        return List.of(
                new Target("COM", ComFile::parse, ComFile.of(ComFile.CCCD_DATA_GROUPS).encode(), 0x60),
                new Target("DG1", Dg1File::parse, new Dg1File(Mrz.parse(MrzTest.CCCD_MRZ)).encode(), 0x61),
                new Target("DG1-TD3", Dg1File::parse, new Dg1File(Mrz.parse(MrzTest.ICAO_TD3)).encode(), 0x61),
                new Target("DG2", Dg2File::parse, Dg2File.ofJpeg(TestImages.jpeg(24, 32, 1)).encode(), 0x75),
                new Target("DG2-fixture", Dg2File::parse, vn.cccd.reader.util.Hex.decode(Dg2FileTest.FIXTURE), 0x75),
                new Target("DG11", Dg11File::parse, dg11, 0x6B),
                new Target("DG14", Dg14File::parse, vn.cccd.reader.util.Hex.decode(SecurityInfosTest.DE_DG14), 0x6E),
                new Target("CardAccess", CardAccessFile::parse, vn.cccd.reader.util.Hex.decode(
                        "31283012060A04007F0007020204020202010202010D3012060A04007F0007020204060202010202010D"), 0x31),
                new Target("DG15", Dg15File::parse, vn.cccd.reader.util.Hex.decode(Dg15FileTest.RSA_DG15), 0x6F),
                new Target("DG12", Dg12File::parse, dg12, 0x6C),
                new Target("DG13", Dg13File::parse, dg13, 0x6D));
    }

    static Stream<Target> parsers() {
        return targets().stream();
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void theValidEncodingParses(Target t) {
        t.parser().apply(t.valid());
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void everyTruncationIsATypedError(Target t) {
        for (int len = 0; len < t.valid().length; len++) {
            byte[] cut = Arrays.copyOf(t.valid(), len);
            assertThatThrownBy(() -> t.parser().apply(cut)).isInstanceOf(MalformedDataException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void lengthsPastTheEndAreTypedErrors(Target t) {
        byte[] v = t.valid();
        // the outer length claims far more than there is
        byte[] claim = new byte[] {(byte) t.tag(), (byte) 0x84, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        byte[] lie = Arrays.copyOf(claim, claim.length + v.length);
        System.arraycopy(v, 0, lie, claim.length, v.length);
        assertThatThrownBy(() -> t.parser().apply(lie)).isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> t.parser().apply(null)).isInstanceOf(MalformedDataException.class);
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void deepNestingIsATypedError(Target t) {
        Tlv inner = Tlv.of(0x04, new byte[] {1});
        for (int i = 0; i < 200; i++) {
            inner = Tlv.of(0x30, inner);
        }
        byte[] deep = Tlv.of(t.tag(), inner).encode();
        assertThatThrownBy(() -> t.parser().apply(deep)).isInstanceOf(MalformedDataException.class);
    }

    @ParameterizedTest
    @MethodSource("parsers")
    void unknownTagsDoNotCrash(Target t) {
        Tlv root = Tlv.parse(t.valid());
        List<Tlv> kids = new java.util.ArrayList<>(root.children());
        kids.add(0, Tlv.of(0x9F7F, new byte[] {1, 2, 3}));
        kids.add(Tlv.of(0xBF20, Tlv.of(0x80, new byte[0])));
        byte[] withUnknown = Tlv.of(t.tag(), kids).encode();
        expectValueOrTypedError(t, withUnknown);
    }

    static Stream<Arguments> mutationRuns() {
        return parsers().map(t -> Arguments.of(t, (long) t.name().hashCode()));
    }

    @ParameterizedTest
    @MethodSource("mutationRuns")
    void seededMutationsGiveAValueOrATypedError(Target t, long seed) {
        Random rnd = new Random(seed);
        byte[] base = t.valid();
        for (int i = 0; i < MUTATIONS; i++) {
            byte[] m = mutate(base, rnd);
            expectValueOrTypedError(t, m);
        }
    }

    static byte[] mutate(byte[] base, Random rnd) {
        return Mutations.mutate(base, rnd);
    }

    static void expectValueOrTypedError(Target t, byte[] input) {
        try {
            t.parser().apply(input);
        } catch (MalformedDataException expected) {
            // the only permitted failure
        } catch (RuntimeException | Error e) {
            fail(t.name() + " threw " + e + " for input of " + input.length + " bytes", e);
        }
    }
}
