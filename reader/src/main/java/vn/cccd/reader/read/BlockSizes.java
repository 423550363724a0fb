package vn.cccd.reader.read;

/**
 * The READ BINARY block size for one card: start large (extended length when the reader and card both offer
 * it), step down on 6700 / 6Cxx / transport errors, and keep what worked for the rest of the read. The short
 * ladder starts at 223 bytes (0xDF), the largest Le whose 3DES or AES protected answer fits in 256 bytes with
 * room to spare, and the block jmrtd and the Vietnamese readers use.
 */
public final class BlockSizes {
    static final int[] EXTENDED = {16384, 4096, 1024};
    static final int[] SHORT = {223, 160, 112, 64, 32};

    private boolean extended;
    private int index;

    public BlockSizes(boolean extendedLength) {
        this.extended = extendedLength;
    }

    /** A copy that starts where this one is now (to remember a card's limit across reads). */
    public BlockSizes copy() {
        BlockSizes b = new BlockSizes(extended);
        b.index = index;
        return b;
    }

    public int current() {
        return extended ? EXTENDED[index] : SHORT[index];
    }

    public boolean extended() {
        return extended;
    }

    /** Abandons extended length altogether (a card or reader that refuses extended APDUs). */
    public void dropExtended() {
        if (extended) {
            extended = false;
            index = 0;
        }
    }

    /** Moves to the next smaller block; false when already at the smallest. */
    public boolean stepDown() {
        if (extended) {
            if (index + 1 < EXTENDED.length) {
                index++;
            } else {
                dropExtended();
            }
            return true;
        }
        if (index + 1 < SHORT.length) {
            index++;
            return true;
        }
        return false;
    }
}
