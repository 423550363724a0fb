package vn.cccd.kiosk.cards;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the {@link CardSource} on one thread and tells what changed: the readers ({@code reader} event), a card put
 * on a reader ({@code card-inserted}) or taken away ({@code card-removed}), then {@link Listener#polled()} after each
 * poll. Readers are polled rather than watched (like AusweisApp: PC/SC change notifications are unreliable across
 * readers and drivers), and not at all during a read: no PC/SC call beside a read on the same context; the read
 * itself notices a removal.
 *
 * <p>Its state and its calls to the listener are guarded by the lock it is given (the card service's), so that a
 * poll, a person's step and a read's end are seen one after the other.
 */
final class ReaderWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReaderWatcher.class);

    /** Told of changes under the lock, on the polling thread (or the caller's, for {@link #tick()}). */
    interface Listener {
        void inserted(String reader);

        void removed(String reader);

        /** After every poll that ran (the inactivity check). */
        void polled();
    }

    private final CardSource source;
    private final SessionEvents events;
    private final Object lock;
    private final BooleanSupplier paused;
    private final Listener listener;
    private final AtomicLong reconnects = new AtomicLong();
    private ScheduledExecutorService ticker;

    // guarded by lock
    private List<ReaderStatus> readers = List.of();
    private String problem;

    /**
     * @param lock guards this watcher's state and every listener call
     * @param paused true while the source must not be polled (a read runs)
     */
    ReaderWatcher(CardSource source, SessionEvents events, Object lock, BooleanSupplier paused, Listener listener) {
        this.source = source;
        this.events = events;
        this.lock = lock;
        this.paused = paused;
        this.listener = listener;
    }

    /** Starts polling every {@code every} on a daemon thread ({@code card-poll}); once. */
    void open(Duration every) {
        synchronized (lock) {
            if (ticker != null) {
                return;
            }
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread th = new Thread(r, "card-poll");
                th.setDaemon(true);
                return th;
            });
            ticker.scheduleWithFixedDelay(this::tick, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops polling (waits up to 2 s for a poll under way). */
    @Override
    public void close() {
        ScheduledExecutorService t;
        synchronized (lock) {
            t = ticker;
            ticker = null;
        }
        if (t != null) {
            t.shutdownNow();
            try {
                t.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One poll: reader changes, insertions, removals, then {@link Listener#polled()}. */
    void tick() {
        if (paused.getAsBoolean()) {
            return;
        }
        List<ReaderStatus> now;
        String trouble = null;
        try {
            now = source.readers();
            trouble = source.problem();
        } catch (RuntimeException e) {
            now = List.of();
            trouble = e.getMessage();
        }
        synchronized (lock) {
            if (trouble != null && !trouble.equals(problem)) {
                LOG.warn("card readers unavailable: {}", trouble);
            }
            if (trouble == null && problem != null) {
                reconnects.incrementAndGet();
            }
            problem = trouble;
            Map<String, Boolean> before = presence(readers);
            Map<String, Boolean> after = presence(now);
            if (!before.equals(after)) {
                readers = List.copyOf(now);
                events.emit("reader", Map.of("readers", readers));
            }
            for (Map.Entry<String, Boolean> e : after.entrySet()) {
                if (e.getValue() && !before.getOrDefault(e.getKey(), false)) {
                    events.emit("card-inserted", Map.of("reader", e.getKey()));
                    listener.inserted(e.getKey());
                }
            }
            for (Map.Entry<String, Boolean> e : before.entrySet()) {
                if (e.getValue() && !after.getOrDefault(e.getKey(), false)) {
                    events.emit("card-removed", Map.of("reader", e.getKey()));
                    listener.removed(e.getKey());
                }
            }
            listener.polled();
        }
    }

    private static Map<String, Boolean> presence(List<ReaderStatus> list) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (ReaderStatus r : list) {
            m.put(r.name(), r.cardPresent());
        }
        return m;
    }

    /**
     * A read found no card on {@code reader}: it counts as taken away now ({@code card-removed}), so that the card put
     * (back) on it is a new insertion for the next poll, even when both happened between two polls (readers are not
     * polled during a read, and the last poll may still have seen a card that has gone).
     */
    void cardGone(String reader) {
        synchronized (lock) {
            readers = readers.stream().map(r -> r.name().equals(reader) ? new ReaderStatus(reader, false) : r)
                    .toList();
            events.emit("card-removed", Map.of("reader", reader));
        }
    }

    /** The readers as last polled. */
    List<ReaderStatus> readers() {
        synchronized (lock) {
            return readers;
        }
    }

    /** The first reader with a card, as last polled. */
    Optional<String> readerWithCard() {
        synchronized (lock) {
            return readers.stream().filter(ReaderStatus::cardPresent).map(ReaderStatus::name).findFirst();
        }
    }

    /** Why readers cannot be listed, or null. */
    String problem() {
        synchronized (lock) {
            return problem;
        }
    }

    /** How many times the readers came back after being unavailable. */
    long reconnects() {
        return reconnects.get();
    }
}
