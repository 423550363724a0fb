package vn.cccd.reader.testing;

import java.security.SecureRandom;
import vn.cccd.reader.util.Hex;

/** A "random" source that hands out fixed bytes, to replay worked examples. Never use outside tests. */
public final class FixedRandom extends SecureRandom {
    private final byte[] bytes;
    private int pos;

    public FixedRandom(String hex) {
        this.bytes = Hex.decode(hex);
    }

    @Override
    public void nextBytes(byte[] out) {
        if (pos + out.length > bytes.length) {
            throw new AssertionError("FixedRandom ran out of bytes");
        }
        System.arraycopy(bytes, pos, out, 0, out.length);
        pos += out.length;
    }
}
