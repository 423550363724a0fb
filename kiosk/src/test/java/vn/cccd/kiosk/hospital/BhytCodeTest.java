package vn.cccd.kiosk.hospital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** BHYT code formats of users-and-forms.md §1.3 (QĐ 1351/QĐ-BHXH, QĐ 1666/QĐ-BHXH). */
class BhytCodeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // the doc's example, as printed in four boxes and run together
        "HS 4 01 0120878811 | HS4010120878811 | HS | 4 | 01 | 0120878811",
        "HS4010120878811    | HS4010120878811 | HS | 4 | 01 | 0120878811",
        "hs4010120878811    | HS4010120878811 | HS | 4 | 01 | 0120878811",
        "HS-4-01-0120878811 | HS4010120878811 | HS | 4 | 01 | 0120878811",
        // other group codes of the doc's list, every benefit level
        "DN1790123456789    | DN1790123456789 | DN | 1 | 79 | 0123456789",
        "TE2010000000001    | TE2010000000001 | TE | 2 | 01 | 0000000001",
        "HT3480123456789    | HT3480123456789 | HT | 3 | 48 | 0123456789",
        "CA5990123456789    | CA5990123456789 | CA | 5 | 99 | 0123456789",
    })
    void fullCardCodesAreAcceptedAndSplitIntoTheirBoxes(String input, String value, String group, int level,
            String province, String number) {
        BhytCode c = BhytCode.parse(input);
        assertThat(c.value()).isEqualTo(value);
        assertThat(c.isFullCode()).isTrue();
        assertThat(c.groupCode()).isEqualTo(group);
        assertThat(c.benefitLevel()).isEqualTo(level);
        assertThat(c.provinceCode()).isEqualTo(province);
        assertThat(c.socialInsuranceNumber()).isEqualTo(number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0120878811", " 0120878811 ", "01208 78811"})
    void theTenDigitSocialInsuranceNumberAloneIsAccepted(String input) {
        BhytCode c = BhytCode.parse(input);
        assertThat(c.value()).isEqualTo("0120878811");
        assertThat(c.isFullCode()).isFalse();
        assertThat(c.socialInsuranceNumber()).isEqualTo("0120878811");
        assertThat(c.groupCode()).isNull();
        assertThat(c.benefitLevel()).isZero();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "HS6010120878811      | BENEFIT_LEVEL",   // level 6
        "HS0010120878811      | BENEFIT_LEVEL",   // level 0
        "HSA010120878811      | BENEFIT_LEVEL",
        "H54010120878811      | GROUP_CODE",      // digit in the group code
        "4HS010120878811      | GROUP_CODE",
        "HS4AB0120878811      | PROVINCE",
        "HS4000120878811      | PROVINCE",        // province 00
        "HS40101208788A1      | NUMBER",          // letter in the BHXH number
        "012087881A           | NUMBER",
        "HS401012087881       | LENGTH",          // 14 characters
        "HS40101208788111     | LENGTH",          // 16 characters
        "012087881            | LENGTH",          // 9 digits
        "001090123456         | ID_NUMBER_GIVEN", // the 12-digit CCCD number
        "HS4010120878811.     | CHARACTERS",
        "HS401012087881Đ      | CHARACTERS",
        "HS4010120878811<script> | CHARACTERS",
        "HS40101208788110000000000000000000000000000000 | LENGTH",
    })
    void malformedCodesGetATypedReason(String input, BhytCodeException.Reason reason) {
        assertThatThrownBy(() -> BhytCode.parse(input))
                .isInstanceOfSatisfying(BhytCodeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.vi()).isNotBlank().isNotEqualTo(e.en());
                    assertThat(e.en()).isEqualTo(e.getMessage());
                    // the typed value (personal data) is never echoed in an error
                    assertThat(e.getMessage() + e.vi()).doesNotContain(input.strip());
                });
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void aBlankOptionalCodeIsNoCodeButABlankRequiredOneIsAnError(String input) {
        assertThat(BhytCode.parseOptional(input)).isNull();
        assertThatThrownBy(() -> BhytCode.parse(input)).isInstanceOfSatisfying(BhytCodeException.class,
                e -> assertThat(e.reason()).isEqualTo(BhytCodeException.Reason.EMPTY));
    }

    @Test
    void theCodeStaysOutOfToString() {
        assertThat(BhytCode.parse("HS4010120878811").toString()).doesNotContain("0120878811");
    }

    @Test
    void vietnameseMessagesNameTheBoxThatIsWrong() {
        assertThatThrownBy(() -> BhytCode.parse("HS7010120878811")).isInstanceOfSatisfying(BhytCodeException.class,
                e -> assertThat(e.vi()).contains("mức hưởng").contains("1 đến 5"));
    }
}
