package vn.cccd.mock.fault;

import vn.cccd.mock.chip.Chip;
import vn.cccd.mock.chip.ChipRemovedException;

/**
 * {@code remove-after:N}: the card answers N APDUs, then leaves the field for good. The count runs across
 * resets (a reset does not bring a card back into the field).
 */
public final class RemoveAfterChip extends ChipDecorator {
    private final int apdus;
    private final ApduCounter counter;
    private volatile boolean gone;

    public RemoveAfterChip(Chip inner, int apdus) {
        super(inner);
        this.apdus = apdus;
        this.counter = new ApduCounter(apdus);
    }

    @Override
    public byte[] process(byte[] command) {
        if (gone || counter.nextIsPastLimit()) {
            gone = true;
            throw new ChipRemovedException("card removed after " + apdus + " APDUs (fault remove-after:" + apdus + ")");
        }
        return super.process(command);
    }

    /** True once the card has left the field. */
    public boolean gone() {
        return gone;
    }
}
