package vn.cccd.reader.lds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.cccd.reader.util.Hex.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.cccd.reader.error.MalformedDataException;

class ComFileTest {

    /** ICAO 9303-11 App. D.4 (icao-vectors.md §3): LDS 0106, Unicode 040000, DG1 and DG2. */
    private static final String ICAO_COM = "60 14 5F01 04 30313036 5F36 06 303430303030 5C 02 61 75";

    @Test
    void parsesTheIcaoWorkedExample() {
        ComFile com = ComFile.parse(decode(ICAO_COM));
        assertThat(com.ldsVersion()).isEqualTo("0106");
        assertThat(com.unicodeVersion()).isEqualTo("040000");
        assertThat(com.dataGroups()).containsExactly(LdsFile.DG1, LdsFile.DG2);
        assertThat(com.encode()).isEqualTo(decode(ICAO_COM));
    }

    @Test
    void theCccdComListsSixDataGroupsIn26Bytes() {
        ComFile com = ComFile.of(ComFile.CCCD_DATA_GROUPS);
        byte[] enc = com.encode();
        assertThat(enc).isEqualTo(decode("60 18 5F01 04 30313037 5F36 06 303430303030 5C 06 61 75 63 6D 6F 6E"));
        assertThat(enc).hasSize(26);
        assertThat(com.lists(LdsFile.DG13)).isTrue();
        assertThat(com.lists(LdsFile.DG11)).isFalse();
    }

    @Test
    void unknownTagsAreKeptButNotNamed() {
        ComFile com = ComFile.parse(decode("60 13 5F01 04 30313037 5F36 06 303430303030 5C 01 7E"));
        assertThat(com.tagList()).containsExactly(0x7E);
        assertThat(com.dataGroups()).isEmpty();
    }

    static Stream<ComFile> randomComFiles() {
        Random rnd = new Random(60);
        return IntStream.range(0, 50).mapToObj(i -> {
            List<LdsFile> dgs = new ArrayList<>();
            for (int n = 1; n <= 16; n++) {
                if (rnd.nextBoolean()) {
                    dgs.add(LdsFile.dataGroup(n));
                }
            }
            java.util.Collections.shuffle(dgs, rnd);
            List<Integer> tags = dgs.stream().map(LdsFile::tag).toList();
            return new ComFile(String.format("%04d", rnd.nextInt(10000)), String.format("%06d", rnd.nextInt(1000000)), tags);
        });
    }

    @ParameterizedTest
    @MethodSource("randomComFiles")
    void roundTrips(ComFile com) {
        assertThat(ComFile.parse(com.encode())).isEqualTo(com);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "61 03 5C 01 61",                                              // wrong outer tag
        "60 0C 5F36 06 303430303030 5C 02 6175",                       // no LDS version
        "60 0E 5F01 04 30313036 5F36 06 303430303030",                 // no tag list
        "60 14 5F01 04 3031303A 5F36 06 303430303030 5C 02 6175",      // non-digit version
        "60 14 5F01 04 30313036 5F36 06 303430303030 5C 02 6100",      // tag 00
        "60 20 5F01 04 30313036",                                      // length past the end
    })
    void rejectsMalformedFiles(String hex) {
        assertThatThrownBy(() -> ComFile.parse(decode(hex))).isInstanceOf(MalformedDataException.class);
    }
}
