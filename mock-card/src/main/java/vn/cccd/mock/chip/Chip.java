package vn.cccd.mock.chip;

/**
 * The card side of the transport seam: what a contactless chip does with one command APDU.
 * Fault decorators (removal, stall, garbage, max Le, link timing) implement this same interface.
 */
public interface Chip {

    /** The answer to reset (ATR) the reader reports. */
    byte[] atr();

    /** Called on power-on and reset: all security state (BAC/PACE sessions) is dropped. */
    void reset();

    /**
     * Processes one encoded command APDU and returns the encoded response (data followed by SW1 SW2).
     *
     * @throws ChipRemovedException when the (simulated) card has left the field
     */
    byte[] process(byte[] command);
}
