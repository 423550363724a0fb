package vn.cccd.reader.keys;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When a CCCD / thẻ Căn cước expires, worked out from the holder's date of birth and the card's issue date.
 *
 * <p>The card must be renewed at 14, 25, 40 and 60 (Luật Căn cước 2023, Điều 21; the CCCD law of 2014 had 25, 40
 * and 60, and gave no card before 14, so the 14 never applies to a 2021 card). A card issued within two years
 * before one of those ages is valid until the next one, and one issued from 58 has no expiry ({@code 991231} in
 * the MRZ). The expiry falls on the birthday in the renewal year.
 *
 * <p>The rule has soft edges, so {@link #mrzCandidates} also returns the near misses, after the rule's answer:
 * <ul>
 *   <li>the two-year window is counted from the day the person applied, which is days to months before the
 *       printed issue date: a card issued shortly after the window opened may still carry the earlier expiry;</li>
 *   <li>a card issued a few days before the window opened may have been counted inclusively;</li>
 *   <li>the birthday of someone born on 29 February is 28 February in a common year for us, but may be 1 March on
 *       the card;</li>
 *   <li>the lifelong card's MRZ date {@code 991231} is seen on one card only; the 60th birthday is tried after it
 *       when the card was issued between 58 and 60.</li>
 * </ul>
 */
public final class ExpiryRules {
    /** The ages at which the card must be renewed. */
    static final int[] RENEWAL_AGES = {14, 25, 40, 60};
    /** The window before each renewal age within which a new card already runs to the next one. */
    static final int WINDOW_YEARS = 2;
    /** From this age at issue the card has no expiry. */
    static final int LIFELONG_FROM_AGE = 58;
    /** The MRZ expiry of a card without one. */
    public static final String NO_EXPIRY = "991231";
    /** How long after the window opened an application made before it may have been printed. */
    static final int APPLICATION_LAG_DAYS = 120;
    /** How close before the window a card may have been counted inside it. */
    static final int COUNTING_SLACK_DAYS = 7;

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private ExpiryRules() {
    }

    /**
     * The expiry the rules give a card issued on {@code issueDate}: empty for a lifelong card.
     *
     * @throws IllegalArgumentException when the issue date is before the date of birth
     */
    public static Optional<LocalDate> expiry(LocalDate dateOfBirth, LocalDate issueDate) {
        requireOrder(dateOfBirth, issueDate);
        for (int age : RENEWAL_AGES) {
            LocalDate renewal = dateOfBirth.plusYears(age);
            if (issueDate.isBefore(renewal.minusYears(WINDOW_YEARS))) {
                return Optional.of(renewal);
            }
        }
        return Optional.empty();
    }

    /** The rule's expiry as it is written in the MRZ (YYMMDD, {@link #NO_EXPIRY} for a lifelong card). */
    public static String mrzExpiry(LocalDate dateOfBirth, LocalDate issueDate) {
        return expiry(dateOfBirth, issueDate).map(d -> d.format(YYMMDD)).orElse(NO_EXPIRY);
    }

    /**
     * The MRZ expiries (YYMMDD) to try for a card issued on {@code issueDate}: the rule's answer first, then the
     * near misses described in the class comment. Never empty, no duplicates.
     */
    public static List<String> mrzCandidates(LocalDate dateOfBirth, LocalDate issueDate) {
        requireOrder(dateOfBirth, issueDate);
        Set<String> out = new LinkedHashSet<>();
        Optional<LocalDate> rule = expiry(dateOfBirth, issueDate);
        addExpiry(out, dateOfBirth, issueDate, rule);
        // applied before the window opened, printed after it: the earlier renewal
        LocalDate appliedAtLatest = issueDate.minusDays(APPLICATION_LAG_DAYS);
        if (!appliedAtLatest.isBefore(dateOfBirth)) {
            addExpiry(out, dateOfBirth, issueDate, expiry(dateOfBirth, appliedAtLatest));
        }
        // counted inclusively a few days early: the later renewal
        addExpiry(out, dateOfBirth, issueDate, expiry(dateOfBirth, issueDate.plusDays(COUNTING_SLACK_DAYS)));
        return List.copyOf(out);
    }

    /**
     * The MRZ expiries (YYMMDD) to try when the issue date is unknown: the renewals still ahead of {@code today}
     * (soonest first), the lifelong card when the holder is 58 or older, then the renewals already past (latest
     * first), then the lifelong card anyway.
     *
     * @throws IllegalArgumentException when the date of birth is after today
     */
    public static List<String> mrzCandidatesWithoutIssueDate(LocalDate dateOfBirth, LocalDate today) {
        if (dateOfBirth.isAfter(today)) {
            throw new IllegalArgumentException("the date of birth must be a past date");
        }
        Set<String> ordered = new LinkedHashSet<>();
        List<String> past = new ArrayList<>();
        for (int age : RENEWAL_AGES) {
            LocalDate at = dateOfBirth.plusYears(age);
            if (!at.isBefore(today)) {
                ordered.add(at.format(YYMMDD));
            } else {
                past.add(0, at.format(YYMMDD));
            }
        }
        if (!dateOfBirth.plusYears(LIFELONG_FROM_AGE).isAfter(today)) {
            ordered.add(NO_EXPIRY);
        }
        ordered.addAll(past);
        ordered.add(NO_EXPIRY);
        if (isLeapDay(dateOfBirth)) {
            for (int age : RENEWAL_AGES) {
                LocalDate at = dateOfBirth.plusYears(age);
                if (!at.isLeapYear()) {
                    ordered.add(at.plusDays(1).format(YYMMDD));
                }
            }
        }
        return List.copyOf(ordered);
    }

    /** Adds an expiry (and its 1 March twin for a 29 February birthday), never one on or before the issue date. */
    private static void addExpiry(Set<String> out, LocalDate dateOfBirth, LocalDate issueDate,
            Optional<LocalDate> expiry) {
        if (expiry.isEmpty()) {
            out.add(NO_EXPIRY);
            // a card issued between 58 and 60 is lifelong by the rule; its 60th birthday is the fallback
            addDate(out, dateOfBirth, issueDate, dateOfBirth.plusYears(RENEWAL_AGES[RENEWAL_AGES.length - 1]));
        } else {
            addDate(out, dateOfBirth, issueDate, expiry.get());
        }
    }

    private static void addDate(Set<String> out, LocalDate dateOfBirth, LocalDate issueDate, LocalDate expiry) {
        if (!expiry.isAfter(issueDate)) {
            return;
        }
        out.add(expiry.format(YYMMDD));
        if (isLeapDay(dateOfBirth) && !expiry.isLeapYear()) {
            out.add(expiry.plusDays(1).format(YYMMDD));
        }
    }

    private static boolean isLeapDay(LocalDate d) {
        return d.getMonth() == Month.FEBRUARY && d.getDayOfMonth() == 29;
    }

    private static void requireOrder(LocalDate dateOfBirth, LocalDate issueDate) {
        if (issueDate.isBefore(dateOfBirth)) {
            throw new IllegalArgumentException("the issue date is before the date of birth");
        }
    }
}
