package vn.cccd.reader.read;

/**
 * The READ BINARY block size for one card: start large (extended length when the reader and card both offer
 * it), step down on 6700 / 6Cxx / transport errors, and keep what worked for the rest of the read. The short
 * ladder starts at 223 bytes (0xDF), the largest Le whose 3DES or AES protected answer fits in 256 bytes with
 * room to spare, and the block jmrtd and the Vietnamese readers use. The extended ladder starts at the largest
 * block whose protected answer javax.smartcardio can receive (see {@link #PCSC_MAX_ANSWER}).
 */
public final class BlockSizes {
    /**
     * The longest answer SunPCSC (the JDK's javax.smartcardio) receives: 8192 bytes with the status word; a longer
     * one fails with SCARD_E_INSUFFICIENT_BUFFER after the card has answered, which costs a secure messaging restart
     * (measured through pcscd and vpcd, JDK 17: 8190 data bytes pass, 8191 do not).
     */
    static final int PCSC_MAX_ANSWER = 8192;
    /**
     * The worst secure messaging wrapping of a block: DO'87' header (5) and padding (up to 16 with AES), DO'99' (4),
     * DO'8E' (10), the status word (2) and, for READ BINARY B1, DO'53' around the data (4).
     */
    static final int MAX_WRAPPING = 5 + 16 + 4 + 10 + 2 + 4;
    /** Extended blocks: the largest that fits {@link #PCSC_MAX_ANSWER} (a multiple of 16), then smaller. */
    static final int[] EXTENDED = {(PCSC_MAX_ANSWER - MAX_WRAPPING) / 16 * 16, 4096, 1024};
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

    /** The block for the worst-case wrapping (AES padding, READ BINARY B1). */
    public int current() {
        return extended ? EXTENDED[index] : SHORT[index];
    }

    /**
     * The block for a given session cipher and READ BINARY form: at the top of the extended ladder, the most data
     * whose protected answer still fits {@link #PCSC_MAX_ANSWER} (3DES pads less than AES; B1 wraps the data in
     * DO'53'), so that a 16.3 KB portrait takes two answers rather than three.
     */
    public int current(int cipherBlockSize, boolean oddIns) {
        if (!extended || index != 0) {
            return current();
        }
        return largestExtended(cipherBlockSize, oddIns);
    }

    /**
     * The answer for {@code n} plain bytes is DO'87' (tag, three length bytes, padding indicator, the data padded
     * to the next whole block, always at least one padding byte), DO'99' (4), DO'8E' (10) and the status word (2);
     * B1 puts the data inside DO'53' (tag and three length bytes) first.
     */
    static int largestExtended(int cipherBlockSize, boolean oddIns) {
        if (cipherBlockSize != 8 && cipherBlockSize != 16) {
            throw new IllegalArgumentException("cipher block size " + cipherBlockSize);
        }
        int maxPadded = (PCSC_MAX_ANSWER - 2 - 10 - 4 - 1 - 3 - 1) / cipherBlockSize * cipherBlockSize;
        return maxPadded - 1 - (oddIns ? 4 : 0);
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
