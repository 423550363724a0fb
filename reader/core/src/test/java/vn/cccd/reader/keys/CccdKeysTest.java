package vn.cccd.reader.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CccdKeysTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    /** The rule's answer is the first key tried (near misses may follow: see ExpiryRulesTest). */
    @ParameterizedTest(name = "born {0}, issued {1}: expires {2}")
    @CsvSource({
        "1995-08-17, 2021-04-15, 350817",  // 25 at issue: next renewal at 40
        "1985-06-14, 2023-07-01, 450614",  // issued at 38, within 2 years of 40: valid to 60
        "2000-03-01, 2021-05-10, 250301",  // 21: renew at 25
        "2000-03-01, 2023-03-02, 400301",  // just under 2 years before 25: valid to 40
        "1960-01-31, 2021-02-01, 991231",  // 61: no expiry
        "1963-05-05, 2021-05-05, 991231",  // issued on the 58th birthday, within 2 years of 60: no expiry
        "1963-05-05, 2021-05-04, 230505",  // one day earlier is not within 2 years: renew at 60
        "2014-09-09, 2025-01-01, 280909",  // a child's Căn cước: renew at 14
        "2012-02-29, 2021-06-01, 260228",  // born on 29 Feb: the renewal falls on 28 Feb
    })
    void theIssueDateGivesTheExpiry(LocalDate born, LocalDate issued, String expiry) {
        List<AccessKey> keys = CccdKeys.candidates("001095004821", born, issued, null, TODAY);
        assertThat(keys).first().isEqualTo(new MrzKey("095004821",
                born.format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd")), expiry));
    }

    @Test
    void withoutIssueDateValidCardsComeFirst() {
        List<AccessKey> keys = CccdKeys.candidates("001095004821", LocalDate.of(1995, 8, 17), null, null, TODAY);
        assertThat(keys).extracting(k -> ((MrzKey) k).dateOfExpiry())
                .containsExactly("350817", "550817", "200817", "090817", "991231");
    }

    /** Property: whatever the issue date, the key derived from it is one of the candidates tried without it. */
    @Test
    void theIssueDateKeyIsAlwaysACandidate() {
        Random random = new Random(20261122L);
        IntStream.range(0, 500).forEach(i -> {
            LocalDate born = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(365 * 80));
            LocalDate issued = born.plusDays(random.nextInt((int) java.time.temporal.ChronoUnit.DAYS.between(born, TODAY) + 1));
            List<AccessKey> all = CccdKeys.candidates("079123456789", born, null, null, TODAY);
            assertThat(all).as("born %s issued %s", born, issued)
                    .containsAll(CccdKeys.candidates("079123456789", born, issued, null, TODAY));
        });
    }

    @Test
    void aClearCaseGivesOneKey() {
        assertThat(CccdKeys.mrzKeys("001095004821", LocalDate.of(1995, 8, 17), LocalDate.of(2021, 4, 15), null, TODAY))
                .containsExactly(new MrzKey("095004821", "950817", "350817"));
    }

    @Test
    void theDocumentNumberIsTheLastNineDigits() {
        assertThat(CccdKeys.documentNumber("001095004821")).isEqualTo("095004821");
        assertThat(CccdKeys.mrzKeys("079123456789", LocalDate.of(1990, 1, 1), null, null, TODAY))
                .extracting(MrzKey::documentNumber).containsOnly("123456789");
        assertThatThrownBy(() -> CccdKeys.documentNumber("12345678901")).hasMessageContaining("12 digits");
    }

    @Test
    void anExplicitExpiryWins() {
        assertThat(CccdKeys.candidates("001095004821", LocalDate.of(1995, 8, 17), LocalDate.of(2021, 4, 15),
                LocalDate.of(2031, 1, 2), TODAY)).containsExactly(new MrzKey("095004821", "950817", "310102"));
    }

    @Test
    void refusesWhatCannotBeAKey() {
        assertThatThrownBy(() -> CccdKeys.candidates("12345", LocalDate.of(1990, 1, 1), null, null, TODAY))
                .hasMessageContaining("12 digits");
        assertThatThrownBy(() -> CccdKeys.candidates("00109501234a", LocalDate.of(1990, 1, 1), null, null, TODAY))
                .hasMessageContaining("12 digits");
        assertThatThrownBy(() -> CccdKeys.candidates("001095012345", TODAY.plusDays(1), null, null, TODAY))
                .hasMessageContaining("past");
        assertThatThrownBy(() -> CccdKeys.candidates("001095012345", LocalDate.of(1990, 1, 1), LocalDate.of(1980, 1, 1),
                null, TODAY)).hasMessageContaining("before the date of birth");
    }

    @Test
    void keysNeverPrintTheirSecret() {
        assertThat(CccdKeys.candidates("001095004821", LocalDate.of(1995, 8, 17), null, null, TODAY).toString())
                .doesNotContain("095004821").doesNotContain("950817");
    }
}
