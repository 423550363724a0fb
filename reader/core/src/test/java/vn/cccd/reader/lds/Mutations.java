package vn.cccd.reader.lds;

import java.util.Arrays;
import java.util.Random;

/**
 * Seeded mutations of a valid encoding (byte flips, truncation, insertion, small bumps that hit lengths, bit flips),
 * shared by the fuzz tests of every module (the reader's test jar).
 */
public final class Mutations {
    private Mutations() {
    }

    /** One mutation of {@code base}, chosen and applied with {@code rnd}. */
    public static byte[] mutate(byte[] base, Random rnd) {
        byte[] m = base.clone();
        switch (rnd.nextInt(5)) {
            case 0 -> { // flip bytes
                int flips = 1 + rnd.nextInt(4);
                for (int f = 0; f < flips; f++) {
                    m[rnd.nextInt(m.length)] = (byte) rnd.nextInt(256);
                }
            }
            case 1 -> m = Arrays.copyOf(m, rnd.nextInt(m.length + 1)); // truncate
            case 2 -> { // insert random bytes
                int at = rnd.nextInt(m.length + 1);
                byte[] ins = new byte[1 + rnd.nextInt(8)];
                rnd.nextBytes(ins);
                byte[] out = new byte[m.length + ins.length];
                System.arraycopy(m, 0, out, 0, at);
                System.arraycopy(ins, 0, out, at, ins.length);
                System.arraycopy(m, at, out, at + ins.length, m.length - at);
                m = out;
            }
            case 3 -> { // bump a byte a little (lengths are the interesting target)
                int at = rnd.nextInt(m.length);
                m[at] = (byte) (m[at] + (rnd.nextBoolean() ? 1 : -1) * (1 + rnd.nextInt(3)));
            }
            default -> { // flip single bits
                int at = rnd.nextInt(m.length);
                m[at] ^= (byte) (1 << rnd.nextInt(8));
            }
        }
        return m;
    }
}
