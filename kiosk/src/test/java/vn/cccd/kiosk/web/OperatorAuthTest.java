package vn.cccd.kiosk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.kiosk.web.http.ApiException;

class OperatorAuthTest {
    private static final String RIGHT = "482915";

    @TempDir
    Path data;

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-03-01T08:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static String code(Future<String> f) throws Exception {
        try {
            f.get(10, TimeUnit.SECONDS);
            return "TOKEN";
        } catch (java.util.concurrent.ExecutionException e) {
            return ((ApiException) e.getCause()).code();
        }
    }

    @Test
    void aParallelBurstGetsOnlyFivePinsCheckedAndTheRightPinNoTokenWhileLocked() throws Exception {
        AtomicInteger evaluated = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        // hashing held open until the test lets it go, so the whole burst is in flight together
        Predicate<String> slowHash = given -> {
            evaluated.incrementAndGet();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return given.equals(RIGHT);
        };
        OperatorAuth auth = new OperatorAuth(slowHash, 6, data.resolve(LoginLockout.FILE), new TestClock());
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<String>> wrong = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String guess = "10000" + i;
                wrong.add(pool.submit(() -> auth.login(guess)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (wrong.stream().filter(Future::isDone).count() < 5 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            // five guesses hold the whole budget; the other five were refused without hashing
            assertThat(evaluated.get()).isEqualTo(5);
            assertThat(wrong.stream().filter(Future::isDone).count()).isEqualTo(5);
            Future<String> right = pool.submit(() -> auth.login(RIGHT));
            assertThat(code(right)).isEqualTo("LOCKED");
            release.countDown();
            List<String> codes = new ArrayList<>();
            for (Future<String> f : wrong) {
                codes.add(code(f));
            }
            assertThat(codes).containsOnly("WRONG_PIN", "LOCKED");
            assertThat(codes.stream().filter("WRONG_PIN"::equals).count()).isEqualTo(5);
            assertThat(evaluated.get()).isEqualTo(5);
            assertThatThrownBy(() -> auth.login(RIGHT)).extracting(e -> ((ApiException) e).code()).isEqualTo("LOCKED");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRightPinBeingCheckedHoldsItsPlaceInTheBudget() throws Exception {
        CountDownLatch rightStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Predicate<String> hash = given -> {
            if (given.equals(RIGHT)) {
                rightStarted.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return true;
            }
            return false;
        };
        OperatorAuth auth = new OperatorAuth(hash, 6, null, new TestClock());
        for (int i = 0; i < 3; i++) {
            wrong(auth, "20000" + i);
        }
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> right = pool.submit(() -> auth.login(RIGHT));
            assertThat(rightStarted.await(10, TimeUnit.SECONDS)).isTrue();
            wrong(auth, "300001");
            // three wrong, one wrong more, and the right one in flight: the budget of five is taken
            assertThat(lockedCode(auth, "300002")).isEqualTo("LOCKED");
            release.countDown();
            assertThat(code(right)).isEqualTo("TOKEN");
        } finally {
            pool.shutdownNow();
        }
        // the right PIN filled the budget again
        for (int i = 0; i < 4; i++) {
            wrong(auth, "40000" + i);
        }
        assertThat(lockedCode(auth, RIGHT)).isEqualTo("TOKEN");
    }

    private static void wrong(OperatorAuth auth, String guess) {
        assertThatThrownBy(() -> auth.login(guess)).extracting(e -> ((ApiException) e).code()).isEqualTo("WRONG_PIN");
    }

    private static String lockedCode(OperatorAuth auth, String pin) {
        try {
            auth.login(pin);
            return "TOKEN";
        } catch (ApiException e) {
            return e.code();
        }
    }

    @Test
    void eachLockoutLastsTwiceTheOneBeforeAndARightPinResetsIt() {
        TestClock clock = new TestClock();
        OperatorAuth auth = new OperatorAuth(RIGHT::equals, 6, data.resolve(LoginLockout.FILE), clock);
        for (long seconds : new long[] {60, 120, 240}) {
            for (int i = 0; i < 5; i++) {
                wrong(auth, "50000" + i);
            }
            clock.now = clock.now.plusSeconds(seconds - 1);
            assertThat(lockedCode(auth, RIGHT)).isEqualTo("LOCKED");
            clock.now = clock.now.plusSeconds(1);
        }
        assertThat(lockedCode(auth, RIGHT)).isEqualTo("TOKEN");
        for (int i = 0; i < 5; i++) {
            wrong(auth, "70000" + i);
        }
        clock.now = clock.now.plusSeconds(59);
        assertThat(lockedCode(auth, RIGHT)).isEqualTo("LOCKED");
        clock.now = clock.now.plusSeconds(1);
        assertThat(lockedCode(auth, RIGHT)).isEqualTo("TOKEN");
    }

    @Test
    void aRestartKeepsTheLockoutAndTheFileHoldsNoPin() throws Exception {
        TestClock clock = new TestClock();
        Path file = data.resolve(LoginLockout.FILE);
        OperatorAuth before = new OperatorAuth(RIGHT::equals, 6, file, clock);
        for (int i = 0; i < 5; i++) {
            wrong(before, "80000" + i);
        }
        OperatorAuth after = new OperatorAuth(RIGHT::equals, 6, file, clock);
        assertThat(lockedCode(after, RIGHT)).isEqualTo("LOCKED");
        clock.now = clock.now.plusSeconds(61);
        for (int i = 0; i < 3; i++) {
            wrong(after, "90000" + i);
        }
        OperatorAuth third = new OperatorAuth(RIGHT::equals, 6, file, clock);
        wrong(third, "900003");
        wrong(third, "900004");
        // the count went on across the restart: this lockout is the second, two minutes long
        clock.now = clock.now.plusSeconds(119);
        assertThat(lockedCode(third, RIGHT)).isEqualTo("LOCKED");
        String kept = Files.readString(file);
        assertThat(kept).doesNotContain(RIGHT, "80000", "90000");
        assertThat(kept).contains("failures=", "lockouts=", "lockedUntilEpochSecond=");
    }

    @Test
    void anUnreadableLockoutFileStartsLocked() throws Exception {
        TestClock clock = new TestClock();
        Path file = data.resolve(LoginLockout.FILE);
        Files.writeString(file, "failures=many\n");
        OperatorAuth auth = new OperatorAuth(RIGHT::equals, 6, file, clock);
        assertThat(lockedCode(auth, RIGHT)).isEqualTo("LOCKED");
        clock.now = clock.now.plusSeconds(61);
        assertThat(lockedCode(auth, RIGHT)).isEqualTo("TOKEN");
    }

    @Test
    void aConfiguredPinShorterThanSixDigitsIsWrongWithoutBeingHashed() {
        AtomicInteger evaluated = new AtomicInteger();
        OperatorAuth auth = new OperatorAuth(given -> {
            evaluated.incrementAndGet();
            return given.equals("2468");
        }, 6, null, new TestClock());
        assertThat(lockedCode(auth, "2468")).isEqualTo("WRONG_PIN");
        assertThat(evaluated.get()).isZero();
        OperatorAuth demo = new OperatorAuth("0000"::equals, 4, null, new TestClock());
        assertThat(lockedCode(demo, "0000")).isEqualTo("TOKEN");
    }

    @Test
    void aDeskLeftAloneForFifteenMinutesIsLoggedOutAndItsOwnRefreshDoesNotKeepItIn() {
        TestClock clock = new TestClock();
        OperatorAuth auth = new OperatorAuth(RIGHT::equals, 6, null, clock);
        String bearer = "Bearer " + auth.login(RIGHT);
        // staff at work: each use restarts the idle time, well past fifteen minutes in all
        for (int i = 0; i < 4; i++) {
            clock.now = clock.now.plusSeconds(14 * 60);
            auth.require(bearer, false);
        }
        // left alone: the page refreshes the list every minute in the background
        for (int i = 0; i < 14; i++) {
            clock.now = clock.now.plusSeconds(60);
            auth.require(bearer, true);
        }
        clock.now = clock.now.plusSeconds(60);
        assertThatThrownBy(() -> auth.require(bearer, true)).extracting(e -> ((ApiException) e).status()).isEqualTo(401);
        assertThatThrownBy(() -> auth.require(bearer, false)).extracting(e -> ((ApiException) e).status()).isEqualTo(401);
    }
}
