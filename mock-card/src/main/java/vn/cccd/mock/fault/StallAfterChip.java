package vn.cccd.mock.fault;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import vn.cccd.mock.chip.Chip;
import vn.cccd.mock.chip.ChipRemovedException;

/**
 * {@code stall-after:N}: after N answered APDUs the card stops answering. The stalled {@code process} call
 * blocks until the card is removed ({@link #cardRemoved()}), or at most {@code limit}, after which the card
 * counts as lost, as when a real reader gives up on a mute card and switches the field off. Either way the
 * call ends with {@link ChipRemovedException}, and so does every later call: nothing stays blocked.
 */
public final class StallAfterChip extends ChipDecorator {
    /** How long a stalled APDU blocks when nobody removes the card. */
    public static final Duration DEFAULT_LIMIT = Duration.ofSeconds(30);

    private final ApduCounter counter;
    private final Duration limit;
    private final CountDownLatch removed = new CountDownLatch(1);
    private volatile boolean lost;

    public StallAfterChip(Chip inner, int apdus, Duration limit) {
        super(inner);
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("stall limit must be positive");
        }
        this.counter = new ApduCounter(apdus);
        this.limit = limit;
    }

    @Override
    public byte[] process(byte[] command) {
        if (lost) {
            throw new ChipRemovedException("card stopped answering (fault stall-after)");
        }
        if (!counter.nextIsPastLimit()) {
            return super.process(command);
        }
        try {
            if (!removed.await(limit.toNanos(), TimeUnit.NANOSECONDS)) {
                lost = true;
                throw new ChipRemovedException("card stopped answering for " + limit.toMillis()
                        + " ms (fault stall-after); the field is switched off");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lost = true;
        throw new ChipRemovedException("stalled card removed (fault stall-after)");
    }

    @Override
    public void cardRemoved() {
        removed.countDown();
        super.cardRemoved();
    }
}
