package vn.cccd.reader.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ExpiryRulesTest {
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    /** The age bands of cccd-card.md §3.4, both sides of every edge. */
    @ParameterizedTest(name = "born {0}, issued {1}: {2}")
    @CsvSource({
        "2015-03-10, 2024-08-01, 2029-03-10",  // 9, Căn cước: 14th birthday
        "2015-03-10, 2027-03-09, 2029-03-10",  // a day before 12: still 14
        "2015-03-10, 2027-03-10, 2040-03-10",  // 12: within 2 years of 14, so 25
        "2001-06-30, 2021-06-30, 2026-06-30",  // 20: 25th birthday
        "2001-06-30, 2024-06-29, 2026-06-30",  // a day before 23
        "2001-06-30, 2024-06-30, 2041-06-30",  // 23: 40th birthday
        "1980-12-01, 2018-11-30, 2020-12-01",  // a day before 38: 40
        "1980-12-01, 2018-12-01, 2040-12-01",  // 38: 60th birthday
        "1960-07-15, 2018-07-14, 2020-07-15",  // a day before 58: 60
        "1960-07-15, 2018-07-15, ",             // 58: no expiry
        "1940-01-01, 2021-03-01, ",             // 81: no expiry
    })
    void theAgeAtIssueGivesTheExpiry(LocalDate born, LocalDate issued, LocalDate expected) {
        assertThat(ExpiryRules.expiry(born, issued)).isEqualTo(Optional.ofNullable(expected));
        assertThat(ExpiryRules.mrzExpiry(born, issued))
                .isEqualTo(expected == null ? ExpiryRules.NO_EXPIRY : expected.format(YYMMDD));
        assertThat(ExpiryRules.mrzCandidates(born, issued)).first().isEqualTo(ExpiryRules.mrzExpiry(born, issued));
    }

    @Test
    void farFromAnEdgeThereIsOneCandidate() {
        assertThat(ExpiryRules.mrzCandidates(LocalDate.of(1995, 8, 17), LocalDate.of(2021, 4, 15)))
                .containsExactly("350817");
    }

    @Test
    void issuedSoonAfterTheWindowOpenedTheEarlierRenewalIsTriedSecond() {
        // 23 years and a month: the rule says 40, but an application made before the 23rd birthday gives 25
        assertThat(ExpiryRules.mrzCandidates(LocalDate.of(2001, 6, 30), LocalDate.of(2024, 8, 2)))
                .containsExactly("410630", "260630");
    }

    @Test
    void issuedJustBeforeTheWindowTheLaterRenewalIsTriedSecond() {
        assertThat(ExpiryRules.mrzCandidates(LocalDate.of(2001, 6, 30), LocalDate.of(2024, 6, 27)))
                .containsExactly("260630", "410630");
    }

    @Test
    void aLifelongCardTriesTheSixtiethBirthdayAfter991231() {
        assertThat(ExpiryRules.mrzCandidates(LocalDate.of(1963, 5, 5), LocalDate.of(2022, 1, 10)))
                .containsExactly("991231", "230505");
        // issued after 60: no date can be the expiry but the lifelong one
        assertThat(ExpiryRules.mrzCandidates(LocalDate.of(1940, 1, 1), LocalDate.of(2021, 3, 1)))
                .containsExactly("991231");
    }

    @Test
    void aTwentyNinthOfFebruaryBirthdayAlsoTriesTheFirstOfMarch() {
        assertThat(ExpiryRules.mrzCandidates(LocalDate.of(2012, 2, 29), LocalDate.of(2025, 6, 1)))
                .containsExactly("370228", "370301");
        assertThat(ExpiryRules.mrzCandidates(LocalDate.of(2000, 2, 29), LocalDate.of(2021, 9, 1)))
                .containsExactly("250228", "250301");
        // the renewal year is a leap year: the birthday exists
        assertThat(ExpiryRules.mrzCandidates(LocalDate.of(1992, 2, 29), LocalDate.of(2021, 3, 1)))
                .containsExactly("320229");
    }

    @Test
    void withoutTheIssueDateTheRenewalsAheadComeFirst() {
        assertThat(ExpiryRules.mrzCandidatesWithoutIssueDate(LocalDate.of(1995, 8, 17), TODAY))
                .containsExactly("350817", "550817", "200817", "090817", "991231");
        assertThat(ExpiryRules.mrzCandidatesWithoutIssueDate(LocalDate.of(1950, 8, 17), TODAY))
                .startsWith("991231", "100817");
    }

    @Test
    void refusesImpossibleDates() {
        assertThatThrownBy(() -> ExpiryRules.expiry(LocalDate.of(2000, 1, 1), LocalDate.of(1999, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before the date of birth");
        assertThatThrownBy(() -> ExpiryRules.mrzCandidatesWithoutIssueDate(TODAY.plusDays(1), TODAY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> randomCards() {
        Random random = new Random(0x5EED_2024L);
        return IntStream.range(0, 300).mapToObj(i -> {
            LocalDate born = LocalDate.of(1925, 1, 1).plusDays(random.nextInt(365 * 100));
            long days = ChronoUnit.DAYS.between(born, TODAY);
            LocalDate issued = days <= 0 ? born : born.plusDays(random.nextInt((int) days + 1));
            return Arguments.of(born, issued);
        });
    }

    /** Properties over seeded random holders: what every candidate list must satisfy. */
    @ParameterizedTest(name = "born {0}, issued {1}")
    @MethodSource("randomCards")
    void candidatesAreSaneForAnyHolder(LocalDate born, LocalDate issued) {
        List<String> candidates = ExpiryRules.mrzCandidates(born, issued);
        assertThat(candidates).isNotEmpty().doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(5);
        assertThat(candidates.get(0)).isEqualTo(ExpiryRules.mrzExpiry(born, issued));
        Optional<LocalDate> expiry = ExpiryRules.expiry(born, issued);
        if (expiry.isPresent()) {
            // at least two years of validity, at most the widest gap: issued at 38, valid to 60
            assertThat(expiry.get()).isAfterOrEqualTo(issued.plusYears(2)).isBeforeOrEqualTo(issued.plusYears(22));
            // on the birthday (or 28 February for a 29 February birthday)
            assertThat(expiry.get().getDayOfMonth() == born.getDayOfMonth() || born.getDayOfMonth() == 29).isTrue();
            assertThat(expiry.get().getMonth()).isEqualTo(born.getMonth());
        } else {
            assertThat(issued).isAfterOrEqualTo(born.plusYears(58));
        }
        // the key tried without the issue date always includes the rule's answer
        assertThat(ExpiryRules.mrzCandidatesWithoutIssueDate(born, TODAY)).contains(candidates.get(0));
    }
}
