package vn.cccd.mock.fault;

import java.util.Objects;
import vn.cccd.mock.chip.Chip;

/** A chip wrapped by a fault or timing model: forwards everything, including the removal signal. */
public abstract class ChipDecorator implements Chip, RemovalAware {
    private final Chip inner;

    protected ChipDecorator(Chip inner) {
        this.inner = Objects.requireNonNull(inner, "inner chip");
    }

    protected final Chip inner() {
        return inner;
    }

    @Override
    public byte[] atr() {
        return inner.atr();
    }

    @Override
    public void reset() {
        inner.reset();
    }

    @Override
    public byte[] process(byte[] command) {
        return inner.process(command);
    }

    @Override
    public void cardRemoved() {
        RemovalAware.notifyRemoved(inner);
    }
}
