package vn.cccd.reader.lds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.cccd.reader.util.Hex.decode;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.cccd.reader.error.MalformedDataException;

class Dg11And12FileTest {

    /** Hand-checked: tag list, full name, personal number, full date of birth. */
    static final String DG11 = """
            6B 32
             5C 06 5F0E 5F10 5F2B
             5F0E 0D 4E 47 55 59 45 4E 3C 3C 56 41 4E 20 41
             5F10 0C 30 30 31 30 39 30 31 32 33 34 35 36
             5F2B 08 31 39 39 30 30 31 30 31
            """;

    @Test
    void dg11HandCheckedFixture() {
        Dg11File d = Dg11File.parse(decode(DG11));
        assertThat(d.fullName()).isEqualTo("NGUYEN<<VAN A");
        assertThat(d.displayName()).isEqualTo("NGUYEN VAN A");
        assertThat(d.personalNumber()).isEqualTo("001090123456");
        assertThat(d.dateOfBirth()).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThat(d.permanentAddress()).isNull();
        Dg11File built = Dg11File.builder().fullName("NGUYEN<<VAN A").personalNumber("001090123456")
                .fullDateOfBirth(LocalDate.of(1990, 1, 1)).build();
        assertThat(built.encode()).isEqualTo(decode(DG11));
        assertThat(built).isEqualTo(d);
        assertThat(d.toString()).doesNotContain("NGUYEN");
    }

    @Test
    void dg11BcdDatesAndOtherNames() {
        Dg11File d = Dg11File.parse(decode("6B 1A 5C 04 5F2B 5F0F 5F2B 04 19 90 01 01 A0 0B 02 01 02 5F0F 01 41 5F0F 01 42"));
        assertThat(d.fullDateOfBirth()).isEqualTo("19900101");
        assertThat(d.otherNames()).containsExactly("A", "B");
        Dg11File unknownDay = Dg11File.parse(decode("6B 0B 5F2B 08 31 39 39 30 30 31 30 30"));
        assertThat(unknownDay.fullDateOfBirth()).isEqualTo("19900100");
        assertThat(unknownDay.dateOfBirth()).as("day 00 is unknown, not invented").isNull();
    }

    @Test
    void dg11AddressPartsForDisplay() {
        Dg11File d = Dg11File.builder().permanentAddress("SỐ 1 PHỐ X<PHƯỜNG Y<<HÀ NỘI").build();
        assertThat(Dg11File.parse(d.encode()).displayAddress()).isEqualTo("SỐ 1 PHỐ X, PHƯỜNG Y, HÀ NỘI");
    }

    static Stream<Dg11File> dg11s() {
        return JmrtdDifferentialTest.dg11s();
    }

    @ParameterizedTest
    @MethodSource("dg11s")
    void dg11RoundTrips(Dg11File built) {
        assertThat(Dg11File.parse(built.encode())).isEqualTo(built);
    }

    static Stream<Dg12File> dg12s() {
        return JmrtdDifferentialTest.dg12s();
    }

    @ParameterizedTest
    @MethodSource("dg12s")
    void dg12RoundTrips(Dg12File built) {
        assertThat(Dg12File.parse(built.encode())).isEqualTo(built);
    }

    @Test
    void dg12HandCheckedFixture() {
        String hex = "6C 20 5C 04 5F19 5F26  5F19 0C 43 55 43 20 43 41 4E 48 20 53 41 54  5F26 08 32 30 32 31 30 34 31 35";
        Dg12File d = Dg12File.parse(decode(hex));
        assertThat(d.issuingAuthority()).isEqualTo("CUC CANH SAT");
        assertThat(d.dateOfIssue()).isEqualTo(LocalDate.of(2021, 4, 15));
        assertThat(Dg12File.builder().issuingAuthority("CUC CANH SAT").dateOfIssue(LocalDate.of(2021, 4, 15)).build()
                .encode()).isEqualTo(decode(hex));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "6B 05 5F0E 02 C3 28",                              // invalid UTF-8
        "6B 08 5F0E 01 41 5F0E 01 42",                      // full name twice
        "6B 0A 5F2B 06 31 39 39 30 30 31",                  // date of 6 digits
        "6B 07 A0 05 02 01 03 5F0F 00",                     // A0 count 3, one entry
        "6B 05 A0 03 5F0F 00",                              // A0 without count
        "6B 07 A0 05 02 01 01 5F0E 00",                     // A0 holding another tag
        "6C 05 5F26 02 31 39",                              // DG12 short date
        "6B 05 5F0E 09 41",                                 // length past the end
    })
    void rejectsMalformedFiles(String hex) {
        byte[] bytes = decode(hex);
        assertThatThrownBy(() -> {
            if ((bytes[0] & 0xFF) == 0x6B) {
                Dg11File.parse(bytes);
            } else {
                Dg12File.parse(bytes);
            }
        }).isInstanceOf(MalformedDataException.class);
    }
}
