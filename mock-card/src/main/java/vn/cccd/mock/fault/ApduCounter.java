package vn.cccd.mock.fault;

import java.util.concurrent.atomic.AtomicLong;

/** Counts APDUs for the "after N" faults: APDUs 1..N are answered normally, N+1 onwards show the fault. */
final class ApduCounter {
    private final int limit;
    private final AtomicLong seen = new AtomicLong();

    ApduCounter(int limit) {
        this.limit = limit;
    }

    /** Counts one APDU; true when it is past the limit. */
    boolean nextIsPastLimit() {
        return seen.incrementAndGet() > limit;
    }

    long seen() {
        return seen.get();
    }
}
