package vn.cccd.mock.fault;

import java.util.Random;
import vn.cccd.mock.chip.Chip;

/**
 * {@code garbage-after:N}: after N answered APDUs every answer is random bytes (2 to 260 of them, so a
 * status word is always present but meaningless), as from a broken link. The bytes are the same on every
 * run: the generator is seeded from N.
 */
public final class GarbageAfterChip extends ChipDecorator {
    private final ApduCounter counter;
    private final Random random;

    public GarbageAfterChip(Chip inner, int apdus) {
        super(inner);
        this.counter = new ApduCounter(apdus);
        this.random = new Random(0x6A7BA6EL ^ apdus);
    }

    @Override
    public byte[] process(byte[] command) {
        if (counter.nextIsPastLimit()) {
            synchronized (random) {
                byte[] garbage = new byte[2 + random.nextInt(259)];
                random.nextBytes(garbage);
                return garbage;
            }
        }
        return super.process(command);
    }
}
