package vn.cccd.reader.crypto;

import java.util.Arrays;
import vn.cccd.reader.error.MalformedDataException;

/** ISO/IEC 9797-1 padding method 2 (0x80 then zeros up to the block size), as secure messaging uses it. */
public final class Padding {
    private Padding() {
    }

    public static byte[] pad(byte[] data, int blockSize) {
        int len = (data.length / blockSize + 1) * blockSize;
        byte[] out = Arrays.copyOf(data, len);
        out[data.length] = (byte) 0x80;
        return out;
    }

    /** Removes the padding; a block without a 0x80 marker is malformed data from the chip. */
    public static byte[] unpad(byte[] padded) {
        int i = padded.length - 1;
        while (i >= 0 && padded[i] == 0) {
            i--;
        }
        if (i < 0 || padded[i] != (byte) 0x80) {
            throw new MalformedDataException("secure messaging padding is missing");
        }
        return Arrays.copyOf(padded, i);
    }
}
