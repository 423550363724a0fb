package vn.cccd.kiosk.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The wait before an outbox retries a delivery that got no answer: the first delay, doubled after each failure,
 * capped at the maximum, plus up to 10 % jitter (so that kiosks that lost the same server do not all call back at
 * the same instant). Shared by the hospital webhook and the police submission.
 */
public record Backoff(Duration first, Duration max) {

    /** The wait after the {@code attempt}-th failure: first, 2×first, 4×first, … up to the maximum, plus jitter. */
    public Duration after(int attempt) {
        long d = first.toMillis();
        long cap = max.toMillis();
        for (int i = 1; i < attempt && d < cap; i++) {
            d *= 2;
        }
        d = Math.min(d, cap);
        long jitter = d / 10 == 0 ? 0 : ThreadLocalRandom.current().nextLong(d / 10 + 1);
        return Duration.ofMillis(d + jitter);
    }

    /** Whether the {@code attempt}-th failure is logged: the 1st, 2nd, 4th, 8th …, so a long outage does not flood
     * the log. */
    public static boolean worthLogging(int attempt) {
        return Integer.bitCount(attempt) == 1;
    }
}
