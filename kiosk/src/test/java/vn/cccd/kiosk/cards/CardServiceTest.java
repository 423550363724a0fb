package vn.cccd.kiosk.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.cccd.kiosk.store.ProcessingLog;
import vn.cccd.kiosk.testing.FakeCardSource;
import vn.cccd.kiosk.testing.MutableClock;

/**
 * The facade with its parts together, over the fake card source and a clock moved by hand; the session's steps
 * themselves are in {@link SessionMachineTest}. Readers are polled by calling {@link CardService#tick()} (the poll
 * thread runs too, slowly), so the inactivity check runs when the test says.
 */
class CardServiceTest {
    private static final String READER = "Reader 0";
    private static final String PERSONA = "nguyen-van-a";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);
    private final FakeCardSource cards = new FakeCardSource(READER);
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> reads = new LinkedBlockingQueue<>();

    private CardService service() {
        CardService s = new CardService(cards, (name, data) -> {
            if (!name.equals("read-progress")) {
                events.add(name);
            }
        }, clock, new CardService.Settings(Duration.ofMinutes(10), Duration.ofSeconds(120), Duration.ofSeconds(30),
                List.of(), false), ProcessingLog.none());
        s.onRead((verdict, code, took) -> reads.add(verdict + "/" + code));
        s.open();
        return s;
    }

    private String next(String name) throws InterruptedException {
        while (true) {
            String e = events.poll(10, TimeUnit.SECONDS);
            assertThat(e).as("event " + name).isNotNull();
            if (e.equals(name)) {
                return e;
            }
        }
    }

    private static Consent consent() {
        return new Consent("v1", "vi", "prefill-forms", Instant.parse("2026-03-01T08:00:00Z"));
    }

    @Test
    void endingTheSessionDuringAReadCancelsTheReadAndDropsIt() throws Exception {
        FakeCardSource.FakeCard card = FakeCardSource.personaCard(PERSONA).pausingAt("DG13");
        cards.insert(READER, card);
        try (CardService s = service()) {
            s.tick();
            s.begin();
            s.consent(consent());
            s.key(List.of(FakeCardSource.keyOf(PERSONA)));
            card.awaitPaused();
            assertThat(s.state().phase()).isEqualTo(Phase.READING);
            s.done();
            assertThat(reads.poll(10, TimeUnit.SECONDS)).as("the read ends without the card resuming")
                    .isEqualTo("null/CANCELLED");
            assertThat(s.active()).isFalse();
            assertThat(s.cards()).isEmpty();
            s.begin(); // the next person is not bothered by the cancelled read
            assertThat(s.state().phase()).isEqualTo(Phase.CONSENT);
            assertThat(events).doesNotContain("read-complete", "read-failed");
        }
    }

    @Test
    void theIdleTimeoutFollowsTheClockAtEachPoll() throws Exception {
        cards.insert(READER, FakeCardSource.personaCard(PERSONA));
        try (CardService s = service()) {
            s.tick();
            s.begin();
            s.consent(consent());
            s.key(List.of(FakeCardSource.keyOf(PERSONA)));
            next("read-complete");
            clock.advance(Duration.ofSeconds(89));
            s.tick();
            assertThat(events).doesNotContain("idle-warning");
            clock.advance(Duration.ofSeconds(1));
            s.tick();
            next("idle-warning");
            clock.advance(Duration.ofSeconds(29));
            s.tick();
            assertThat(s.active()).isTrue();
            clock.advance(Duration.ofSeconds(1));
            s.tick();
            next("session-cleared");
            assertThat(s.active()).isFalse();
            assertThat(s.cards()).isEmpty();
        }
    }
}
