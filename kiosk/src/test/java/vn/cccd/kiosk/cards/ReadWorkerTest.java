package vn.cccd.kiosk.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.cccd.kiosk.testing.TestCards;
import vn.cccd.reader.error.CardLostException;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.read.ProgressListener;
import vn.cccd.reader.read.ReadRequest;

/**
 * The read worker on its own, over a card source that holds each read until the test lets it go (latches, no
 * sleeps): reads run on the reading thread, a session's read is cancelled when asked (interrupted while running,
 * never started while waiting), and at most one read waits behind the running one.
 */
class ReadWorkerTest {
    private static final CardReadResult CARD = TestCards.authentic("nguyen-van-a");
    private static final ReadRequest REQUEST = new ReadRequest(
            List.of(vn.cccd.kiosk.testing.FakeCardSource.keyOf("nguyen-van-a")), false, List.of());

    /** Readers named after what the read does: "stuck" ignores interrupts, anything else waits interruptibly. */
    private final Map<String, CountDownLatch> release = new ConcurrentHashMap<>();
    private final BlockingQueue<String> started = new LinkedBlockingQueue<>();
    private final CardSource source = new CardSource() {
        @Override
        public List<ReaderStatus> readers() {
            return List.of();
        }

        @Override
        public CardReadResult read(String reader, ReadRequest request, ProgressListener progress) {
            started.add(reader + " on " + Thread.currentThread().getName());
            CountDownLatch gate = release.computeIfAbsent(reader, r -> new CountDownLatch(1));
            boolean interrupted = false;
            while (true) {
                try {
                    if (gate.await(10, TimeUnit.SECONDS)) {
                        break;
                    }
                    throw new AssertionError("the test never released " + reader);
                } catch (InterruptedException e) {
                    if (!reader.startsWith("stuck")) {
                        throw new CardLostException("the read was interrupted");
                    }
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return CARD;
        }
    };

    record Ended(long sessionId, String reader, CardReadResult result, SessionState.Failure failure, String thread) {
    }

    private final BlockingQueue<Ended> outcomes = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> told = new LinkedBlockingQueue<>();
    private final ReadWorker worker = new ReadWorker(source, SessionEvents.NONE);

    ReadWorkerTest() {
        worker.onRead((verdict, code, took) -> told.add(verdict + "/" + code));
        worker.open();
    }

    @AfterEach
    void close() {
        release.values().forEach(CountDownLatch::countDown);
        worker.close();
    }

    private void submit(long session, String reader) {
        worker.submit(session, reader, REQUEST, (id, r, result, failure) -> outcomes.add(new Ended(id, r, result,
                failure, Thread.currentThread().getName())));
    }

    private void let(String reader) {
        release.computeIfAbsent(reader, r -> new CountDownLatch(1)).countDown();
    }

    private Ended next() throws InterruptedException {
        Ended e = outcomes.poll(10, TimeUnit.SECONDS);
        assertThat(e).as("a read's end").isNotNull();
        return e;
    }

    @Test
    void aReadRunsOnTheReadingThreadAndTellsItsResultAndVerdict() throws Exception {
        submit(1, "r1");
        assertThat(started.poll(10, TimeUnit.SECONDS)).isEqualTo("r1 on card-read");
        assertThat(worker.busy()).isTrue();
        let("r1");
        Ended e = next();
        assertThat(e).isEqualTo(new Ended(1, "r1", CARD, null, "card-read"));
        assertThat(told.take()).isEqualTo("AUTHENTIC/null");
        assertThat(worker.busy()).isFalse();
    }

    @Test
    void cancellingTheSessionInterruptsItsRunningRead() throws Exception {
        submit(1, "r1");
        started.poll(10, TimeUnit.SECONDS);
        worker.cancel(2); // another session: nothing happens
        worker.cancel(1);
        Ended e = next(); // without letting r1 go
        assertThat(e.sessionId()).isEqualTo(1);
        assertThat(e.result()).isNull();
        assertThat(e.failure().code()).isEqualTo("CANCELLED");
        assertThat(told.take()).isEqualTo("null/CANCELLED");
        // the reading thread is fine for the next read, with no interrupt left over
        submit(2, "r2");
        let("r2");
        assertThat(next()).isEqualTo(new Ended(2, "r2", CARD, null, "card-read"));
    }

    @Test
    void oneReadWaitsBehindTheRunningOneAndAWaitingReadOfAnEndedSessionNeverStarts() throws Exception {
        submit(1, "stuck-1");
        assertThat(started.poll(10, TimeUnit.SECONDS)).startsWith("stuck-1");
        worker.cancel(1); // interrupted, but this source does not listen
        submit(2, "r2"); // waits
        submit(3, "r3"); // no room: told at once, on this thread
        Ended busy = next();
        assertThat(busy.sessionId()).isEqualTo(3);
        assertThat(busy.failure()).isEqualTo(new SessionState.Failure("READ_ERROR",
                "the card reader is busy with another read; try again"));
        assertThat(busy.thread()).isEqualTo(Thread.currentThread().getName());

        worker.cancel(2); // session 2 ends: its read leaves the queue
        submit(4, "r4");
        let("r4");
        let("stuck-1");
        Ended first = next();
        assertThat(first.sessionId()).isEqualTo(1);
        assertThat(first.result()).as("a read that finished despite the cancel keeps its result").isSameAs(CARD);
        assertThat(next()).isEqualTo(new Ended(4, "r4", CARD, null, "card-read"));
        assertThat(started.poll()).startsWith("r4");
        assertThat(started).as("r2 never started").isEmpty();
        assertThat(outcomes).isEmpty();
    }

    @Test
    void aClosedWorkerRefusesReadsAtOnce() throws Exception {
        worker.close();
        submit(1, "r1");
        Ended e = next();
        assertThat(e.failure().message()).contains("busy");
        assertThat(started).isEmpty();
    }
}
