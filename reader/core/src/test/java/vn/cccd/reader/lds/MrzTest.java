package vn.cccd.reader.lds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.lds.Mrz.Check;
import vn.cccd.reader.lds.Mrz.Format;

class MrzTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    /** cccd-card.md §3.2 (made-up holder, check digits verified there). */
    static final String CCCD_MRZ = """
            IDVNM0901234562001090123456<<3
            9001011M3001019VNM<<<<<<<<<<<4
            NGUYEN<<VAN<A<<<<<<<<<<<<<<<<<""";

    /** ICAO 9303-4 specimen passport; line 2 is the BAC example of icao-vectors.md §1. */
    static final String ICAO_TD3 = """
            P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<
            L898902C<3UTO6908061F9406236ZE184226B<<<<<14""";

    /** ICAO 9303-5 specimen ID card. */
    static final String ICAO_TD1 = """
            I<UTOD231458907<<<<<<<<<<<<<<<
            7408122F1204159UTO<<<<<<<<<<<6
            ERIKSSON<<ANNA<MARIA<<<<<<<<<<""";

    @Test
    void theFakeCccdMrzParsesWithEveryCheckDigitValid() {
        Mrz mrz = Mrz.parse(CCCD_MRZ);
        assertThat(mrz.format()).isEqualTo(Format.TD1);
        assertThat(mrz.failedChecks()).isEmpty();
        assertThat(mrz.checkDigitsValid()).isTrue();
        assertThat(mrz.documentCode()).isEqualTo("ID");
        assertThat(mrz.issuingState()).isEqualTo("VNM");
        assertThat(mrz.documentNumber()).isEqualTo("090123456");
        assertThat(mrz.vietnameseIdNumber()).contains("001090123456");
        assertThat(mrz.optionalData1()).isEqualTo("001090123456<<3");
        assertThat(mrz.dateOfBirth()).isEqualTo("900101");
        assertThat(mrz.birthDate(TODAY)).contains(LocalDate.of(1990, 1, 1));
        assertThat(mrz.sex()).isEqualTo('M');
        assertThat(mrz.expiryDate(TODAY)).contains(LocalDate.of(2030, 1, 1));
        assertThat(mrz.nationality()).isEqualTo("VNM");
        assertThat(mrz.primaryIdentifier()).isEqualTo("NGUYEN");
        assertThat(mrz.secondaryIdentifier()).isEqualTo("VAN A");
        assertThat(mrz.fullName()).isEqualTo("NGUYEN VAN A");
        assertThat(mrz.text()).isEqualTo(CCCD_MRZ);
    }

    @Test
    void buildsTheCccdMrzFromTheHoldersData() {
        Mrz built = Mrz.vietnameseId("001090123456", "Nguyễn Văn A", LocalDate.of(1990, 1, 1), 'M',
                LocalDate.of(2030, 1, 1));
        assertThat(built.text()).isEqualTo(CCCD_MRZ);
        assertThat(built).isEqualTo(Mrz.parse(CCCD_MRZ));
    }

    @Test
    void aCccdWithoutExpiryCarries991231() {
        Mrz built = Mrz.vietnameseId("001044012345", "Đỗ Thị Ánh", LocalDate.of(1944, 5, 6), 'F', null);
        assertThat(built.dateOfExpiry()).isEqualTo("991231");
        assertThat(built.isVietnameseNoExpiry()).isTrue();
        assertThat(built.expiryDate(TODAY)).isEmpty();
        assertThat(built.checkDigitsValid()).isTrue();
        assertThat(built.lines().get(2)).startsWith("DO<<THI<ANH<");
    }

    @Test
    void parsesTheIcaoPassportSpecimen() {
        Mrz mrz = Mrz.parse(ICAO_TD3);
        assertThat(mrz.format()).isEqualTo(Format.TD3);
        assertThat(mrz.failedChecks()).isEmpty();
        assertThat(mrz.documentCode()).isEqualTo("P");
        assertThat(mrz.issuingState()).isEqualTo("UTO");
        assertThat(mrz.documentNumber()).isEqualTo("L898902C");
        assertThat(mrz.birthDate(TODAY)).contains(LocalDate.of(1969, 8, 6));
        assertThat(mrz.expiryDate(TODAY)).contains(LocalDate.of(1994, 6, 23));
        assertThat(mrz.sex()).isEqualTo('F');
        assertThat(mrz.optionalData2()).isEqualTo("ZE184226B");
        assertThat(mrz.fullName()).isEqualTo("ERIKSSON ANNA MARIA");
        assertThat(mrz.vietnameseIdNumber()).isEmpty();
    }

    @Test
    void parsesTheIcaoIdCardSpecimen() {
        Mrz mrz = Mrz.parse(ICAO_TD1);
        assertThat(mrz.failedChecks()).isEmpty();
        assertThat(mrz.documentCode()).isEqualTo("I");
        assertThat(mrz.documentNumber()).isEqualTo("D23145890");
        assertThat(mrz.birthDate(TODAY)).contains(LocalDate.of(1974, 8, 12));
        assertThat(mrz.expiryDate(TODAY)).contains(LocalDate.of(2012, 4, 15));
    }

    @Test
    void theIcaoSpecimenRebuildsFromItsFields() {
        Mrz mrz = Mrz.builder(Format.TD3).documentCode("P").issuingState("UTO").name("Eriksson", "Anna Maria")
                .documentNumber("L898902C").nationality("UTO").dateOfBirth("690806").sex('F')
                .dateOfExpiry("940623").optionalData2("ZE184226B").build();
        assertThat(mrz.text()).isEqualTo(ICAO_TD3);
    }

    /** A single wrong character is reported against the check digit it breaks. */
    @ParameterizedTest
    @CsvSource({
        "14, 5, DOCUMENT_NUMBER",    // the document number check digit itself
        "5, 1, DOCUMENT_NUMBER",     // a digit of the document number (also breaks the composite)
        "36, 0, DATE_OF_BIRTH",      // line 2 position 7: DOB check
        "44, 0, DATE_OF_EXPIRY",     // line 2 position 15: expiry check
        "29, 0, VIETNAMESE_ID_NUMBER", // last of line 1: check of the 12-digit number
        "59, 0, COMPOSITE",
    })
    void reportsWhichCheckDigitFailed(int position, char replacement, Check expected) {
        String compact = CCCD_MRZ.replace("\n", "");
        char[] chars = compact.toCharArray();
        chars[position] = chars[position] == replacement ? (char) (replacement + 1) : replacement;
        Mrz mrz = Mrz.parse(new String(chars));
        assertThat(mrz.failedChecks()).contains(expected);
        assertThat(mrz.checkDigitsValid()).isFalse();
        assertThat(mrz.toString()).doesNotContain("NGUYEN").doesNotContain("0901234");
    }

    @Test
    void aTd3PersonalNumberFailureIsNamed() {
        String bad = ICAO_TD3.substring(0, ICAO_TD3.length() - 2) + "24"; // personal-number check 1 -> 2
        Mrz mrz = Mrz.parse(bad);
        assertThat(mrz.failedChecks()).containsExactlyInAnyOrder(Check.PERSONAL_NUMBER, Check.COMPOSITE);
    }

    @Test
    void anEmptyPersonalNumberCarriesAFillerCheckDigit() {
        Mrz mrz = Mrz.builder(Format.TD3).documentCode("P").issuingState("UTO").name("Eriksson", "Anna Maria")
                .documentNumber("L898902C").nationality("UTO").dateOfBirth("690806").sex('F')
                .dateOfExpiry("940623").build();
        assertThat(mrz.lines().get(1)).isEqualTo("L898902C<3UTO6908061F9406236<<<<<<<<<<<<<<<2");
        String zeroDigit = mrz.lines().get(1).substring(0, 42) + "02";
        assertThat(Mrz.parse(mrz.lines().get(0) + "\n" + zeroDigit).failedChecks()).isEmpty();
    }

    @Test
    void longDocumentNumbersUseTheIcaoTd1Layout() {
        Mrz mrz = Mrz.builder(Format.TD1).documentCode("I").issuingState("UTO").documentNumber("D23145890734")
                .optionalData1("AB").dateOfBirth("740812").sex('F').dateOfExpiry("120415").nationality("UTO")
                .name("ERIKSSON", "ANNA MARIA").build();
        assertThat(mrz.lines().get(0)).isEqualTo("I<UTOD23145890<7349<AB<<<<<<<<");
        Mrz back = Mrz.parse(mrz.text());
        assertThat(back.documentNumber()).isEqualTo("D23145890734");
        assertThat(back.optionalData1()).isEqualTo("AB");
        assertThat(back.failedChecks()).isEmpty();
    }

    @Test
    void centuriesFollowTheReferenceDate() {
        Mrz young = Mrz.vietnameseId("001224012345", "Lê Văn Bình", LocalDate.of(2024, 3, 1), 'M',
                LocalDate.of(2038, 3, 1));
        assertThat(young.birthDate(TODAY)).contains(LocalDate.of(2024, 3, 1));
        assertThat(young.expiryDate(TODAY)).contains(LocalDate.of(2038, 3, 1));
        Mrz unknownDay = Mrz.builder(Format.TD3).documentCode("P").issuingState("UTO").documentNumber("X1")
                .dateOfBirth("5001<<").dateOfExpiry("301231").sex('<').name("A", "B").build();
        assertThat(unknownDay.birthDate(TODAY)).isEmpty();
        assertThat(unknownDay.failedChecks()).isEmpty();
    }

    @Test
    void transliteratesVietnameseNames() {
        assertThat(Mrz.transliterate("Đặng Thị Ngọc Ánh")).isEqualTo("DANG<THI<NGOC<ANH");
        assertThat(Mrz.transliterate("O'Brien-Smith")).isEqualTo("OBRIEN<SMITH");
    }

    static Stream<Arguments> randomMrzs() {
        RandomPersons r = new RandomPersons(9303);
        return IntStream.range(0, 60).mapToObj(i -> {
            LocalDate dob = r.date(1930, 2020);
            char sex = r.pick(new Character[] {'M', 'F', '<'});
            return switch (i % 3) {
                case 0 -> Arguments.of(Mrz.vietnameseId(r.digits(12), r.fullName(), dob, sex,
                        r.chance(20) ? null : r.date(2025, 2080)));
                case 1 -> Arguments.of(Mrz.builder(Format.TD3).documentCode(r.chance(50) ? "P" : "PO")
                        .issuingState(r.pick(new String[] {"VNM", "D", "UTO", "FRA"})).documentNumber(
                                r.chance(50) ? "C" + r.digits(7) : r.digits(9))
                        .nationality("VNM").dateOfBirth(dob).sex(sex).dateOfExpiry(r.date(2020, 2040))
                        .optionalData2(r.chance(50) ? "" : r.digits(10)).name(r.fullName(), r.fullName()).build());
                default -> Arguments.of(Mrz.builder(Format.TD2).documentCode("I").issuingState("FRA")
                        .documentNumber(r.digits(9)).nationality("FRA").dateOfBirth(dob).sex(sex)
                        .dateOfExpiry(r.date(2020, 2040)).optionalData2(r.digits(r.random().nextInt(8)))
                        .name(r.fullName(), "").build());
            };
        });
    }

    @ParameterizedTest
    @MethodSource("randomMrzs")
    void builtMrzsRoundTripWithValidCheckDigits(Mrz built) {
        assertThat(built.checkDigitsValid()).isTrue();
        Mrz parsed = Mrz.parse(built.compact());
        assertThat(parsed).isEqualTo(built);
        assertThat(parsed.documentNumber()).isEqualTo(built.documentNumber());
        assertThat(parsed.fullName()).isEqualTo(built.fullName());
        assertThat(parsed.dateOfBirth()).isEqualTo(built.dateOfBirth());
        assertThat(parsed.optionalData2()).isEqualTo(built.optionalData2());
        assertThat(Mrz.parse(built.text())).isEqualTo(built);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "IDVNM", "idvnm0901234562001090123456<<39001011M3001019VNM<<<<<<<<<<<4NGUYEN<<VAN<A<<<<<<<<<<<<<<<<<",
        "IDVNM0901234562001090123456<<3 9001011M3001019VNM<<<<<<<<<<<4NGUYEN<<VAN<A<<<<<<<<<<<<<<<<",
        "IDVNM0901234562001090123456<<3\n9001011M3001019VNM<<<<<<<<<<4\nNGUYEN<<VAN<A<<<<<<<<<<<<<<<<<<"})
    void rejectsTextThatIsNotAnMrz(String text) {
        assertThatThrownBy(() -> Mrz.parse(text)).isInstanceOf(MalformedDataException.class);
    }

    @Test
    void builderRefusesCharactersOutsideTheAlphabet() {
        assertThatThrownBy(() -> Mrz.builder(Format.TD3).documentNumber("ab-1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Mrz.builder(Format.TD3).optionalData1("X"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
