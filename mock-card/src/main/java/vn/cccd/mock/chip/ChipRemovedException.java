package vn.cccd.mock.chip;

/** Thrown by a chip (or a fault decorator) when the simulated card has left the field. */
public final class ChipRemovedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ChipRemovedException(String message) {
        super(message);
    }
}
