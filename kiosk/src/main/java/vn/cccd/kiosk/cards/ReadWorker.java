package vn.cccd.kiosk.cards;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cccd.reader.error.ReaderException;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.read.ProgressListener;
import vn.cccd.reader.read.ReadRequest;

/**
 * Reads cards off the request thread, on one reading thread ({@code card-read}): at most one read runs and at most
 * one waits (a read of a session that ended while the one before it still ran). A session's read is cancelled when
 * the session ends: a waiting read never starts, a running one is interrupted (the reader's deadline transport ends
 * the exchange under way, so the card is released promptly). A card taken away is noticed by the read itself.
 * Progress goes out as {@code read-progress} events, at most every 120 ms per file plus each file's end.
 */
final class ReadWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReadWorker.class);
    private static final long PROGRESS_EVERY_MILLIS = 120;
    /** Reads waiting behind the running one; see the class comment for why one is enough. */
    private static final int MAX_WAITING = 1;

    /** Where a read's end goes (on the reading thread): the result, or the failure when there is none. */
    @FunctionalInterface
    interface Outcome {
        void finished(long sessionId, String reader, CardReadResult result, SessionState.Failure failure);
    }

    private final CardSource source;
    private final SessionEvents events;
    private volatile CardService.ReadListener readListener = (verdict, code, took) -> { };
    private volatile boolean reading;

    // guarded by this
    private ThreadPoolExecutor executor;
    private final List<Job> jobs = new ArrayList<>();

    ReadWorker(CardSource source, SessionEvents events) {
        this.source = source;
        this.events = events;
    }

    synchronized void open() {
        if (executor == null) {
            executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(MAX_WAITING),
                    r -> {
                        Thread th = new Thread(r, "card-read");
                        th.setDaemon(true);
                        return th;
                    });
        }
    }

    /** Stops reading: a running read is interrupted, waiting ones are dropped (waits up to 2 s). */
    @Override
    public void close() {
        ThreadPoolExecutor e;
        synchronized (this) {
            e = executor;
            executor = null;
            jobs.forEach(Job::cancel);
            jobs.clear();
        }
        if (e != null) {
            e.shutdownNow();
            try {
                e.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Told of every read's end (metrics), cancelled ones included. */
    void onRead(CardService.ReadListener listener) {
        readListener = Objects.requireNonNull(listener);
    }

    /** True while a read is under way (the readers are not polled then). */
    boolean busy() {
        return reading;
    }

    /**
     * Reads the card on {@code reader} for session {@code sessionId}; {@code outcome} is told how it ended. When no
     * read can be taken (stopped, or the queue is full) the outcome is told at once, on this thread, with the
     * failure {@code READ_ERROR} (a code the UI already explains: try again), so that the session never waits for a
     * read that will not come.
     */
    void submit(long sessionId, String reader, ReadRequest request, Outcome outcome) {
        Job job = new Job(sessionId, reader, request, outcome);
        synchronized (this) {
            if (executor != null) {
                try {
                    executor.execute(job);
                    jobs.add(job);
                    return;
                } catch (RejectedExecutionException e) {
                    LOG.warn("a read was refused: another read is still running");
                }
            }
        }
        outcome.finished(sessionId, reader, null,
                new SessionState.Failure("READ_ERROR", "the card reader is busy with another read; try again"));
    }

    /** Cancels the reads of session {@code sessionId} (it ended): one waiting never starts, one running is interrupted. */
    synchronized void cancel(long sessionId) {
        for (Job j : List.copyOf(jobs)) {
            if (j.sessionId == sessionId) {
                j.cancel();
                jobs.remove(j);
                if (executor != null) {
                    executor.remove(j);
                }
            }
        }
    }

    private synchronized void forget(Job job) {
        jobs.remove(job);
    }

    private void run(Job job) {
        if (!job.begin()) {
            forget(job);
            return;
        }
        ProgressListener progress = throttled();
        CardReadResult result = null;
        SessionState.Failure failure;
        reading = true;
        long startedNanos = System.nanoTime();
        try {
            result = Objects.requireNonNull(source.read(job.reader, job.request, progress), "no result");
            failure = null;
        } catch (ReaderException e) {
            failure = new SessionState.Failure(e.code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("the read failed unexpectedly: {}", e.getClass().getName());
            failure = new SessionState.Failure("READ_ERROR", "the read failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } finally {
            job.end();
            reading = false;
            forget(job);
        }
        if (failure != null && job.cancelled()) {
            // the failure is ours (the interrupt), not the card's
            failure = new SessionState.Failure("CANCELLED", "the session ended during the read");
        }
        Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
        try {
            readListener.readFinished(failure != null ? null : result.verification() == null ? "UNVERIFIED"
                    : result.verification().overall().name(), failure == null ? null : failure.code(), took);
        } catch (RuntimeException e) {
            LOG.warn("read listener failed: {}", e.toString());
        }
        job.outcome.finished(job.sessionId, job.reader, result, failure);
    }

    /** Progress events at most every 120 ms per file, plus each file's end. */
    private ProgressListener throttled() {
        return new ProgressListener() {
            private String lastFile;
            private long lastAt;

            @Override
            public void onProgress(String file, int done, int total) {
                long now = System.nanoTime();
                boolean end = total >= 0 && done >= total;
                if (end || !file.equals(lastFile) || now - lastAt >= PROGRESS_EVERY_MILLIS * 1_000_000L) {
                    lastFile = file;
                    lastAt = now;
                    events.emit("read-progress", new CardService.Progress(file, done, total));
                }
            }
        };
    }

    /**
     * One read. The reading thread is interrupted only while the card source runs ({@link #begin} to {@link #end}),
     * never while the outcome is handled (the processing log must not see an interrupt).
     */
    private final class Job implements Runnable {
        final long sessionId;
        final String reader;
        final ReadRequest request;
        final Outcome outcome;
        private Thread runner;
        private boolean cancelled;

        Job(long sessionId, String reader, ReadRequest request, Outcome outcome) {
            this.sessionId = sessionId;
            this.reader = reader;
            this.request = request;
            this.outcome = outcome;
        }

        @Override
        public void run() {
            ReadWorker.this.run(this);
        }

        /** False when cancelled before it started. */
        synchronized boolean begin() {
            if (cancelled) {
                return false;
            }
            runner = Thread.currentThread();
            return true;
        }

        void end() {
            synchronized (this) {
                runner = null;
            }
            Thread.interrupted(); // an interrupt that came as the read ended is not for what follows
        }

        synchronized void cancel() {
            cancelled = true;
            if (runner != null) {
                runner.interrupt();
            }
        }

        synchronized boolean cancelled() {
            return cancelled;
        }
    }
}
