package vn.cccd.kiosk.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The daemon thread behind an outbox: runs a pass, waits the time the pass asks for (until the next row is due, at
 * most the idle poll), and starts early when {@link #wake()} says something was queued. {@link #close()} stops it
 * and waits up to 2 s for the pass under way. Each outbox keeps its own pass and its own answer to a failing pass;
 * this class only owns the thread, the wait and the stop.
 */
public final class DeliveryThread implements AutoCloseable {
    /** One pass over the outbox; returns how long to wait before the next one. */
    @FunctionalInterface
    public interface Pass {
        Duration run();
    }

    private final String name;
    private final Pass pass;
    private final Object lock = new Object();
    private Thread thread;
    private boolean wake;
    private volatile boolean stopped;

    public DeliveryThread(String name, Pass pass) {
        this.name = name;
        this.pass = pass;
    }

    /** Starts the thread (once); rows left pending by an earlier run are sent at the first pass. */
    public void start() {
        synchronized (lock) {
            if (thread != null) {
                return;
            }
            thread = new Thread(this::run, name);
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Something was queued: run a pass now rather than at the end of the wait. */
    public void wake() {
        synchronized (lock) {
            wake = true;
            lock.notifyAll();
        }
    }

    /** Whether the thread is stopping: a pass leaves its remaining rows for the next run. */
    public boolean stopped() {
        return stopped;
    }

    /** Stops after the current pass (the pass was interrupted), without waiting for it. */
    public void stop() {
        stopped = true;
    }

    /** The wait until {@code next} is due, from {@code now}: never negative, never longer than {@code idle}. */
    public static Duration untilNext(Optional<Instant> next, Instant now, Duration idle) {
        long waitMillis = idle.toMillis();
        if (next.isPresent()) {
            waitMillis = Math.min(waitMillis, Math.max(0, Duration.between(now, next.get()).toMillis()));
        }
        return Duration.ofMillis(waitMillis);
    }

    private void run() {
        while (!stopped) {
            long waitMillis = pass.run().toMillis();
            synchronized (lock) {
                if (!wake && !stopped && waitMillis > 0) {
                    try {
                        lock.wait(waitMillis);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                wake = false;
            }
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (lock) {
            stopped = true;
            lock.notifyAll();
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
