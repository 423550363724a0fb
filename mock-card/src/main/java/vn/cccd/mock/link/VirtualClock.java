package vn.cccd.mock.link;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that never sleeps: it adds up the time that would have passed. Thread-safe. */
public final class VirtualClock implements LinkClock {
    private final AtomicLong elapsedNanos = new AtomicLong();

    @Override
    public void pass(long nanos) {
        if (nanos > 0) {
            elapsedNanos.addAndGet(nanos);
        }
    }

    public Duration elapsed() {
        return Duration.ofNanos(elapsedNanos.get());
    }
}
