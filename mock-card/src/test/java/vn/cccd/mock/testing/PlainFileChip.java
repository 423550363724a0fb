package vn.cccd.mock.testing;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import vn.cccd.mock.chip.Chip;
import vn.cccd.reader.apdu.CommandApdu;
import vn.cccd.reader.apdu.ResponseApdu;
import vn.cccd.reader.apdu.StatusWords;
import vn.cccd.reader.util.Hex;

/**
 * A minimal chip for transport tests: SELECT by FID and plain READ BINARY over a few files, no access
 * control. Counts resets and APDUs so that tests can see power-on and traffic.
 */
public class PlainFileChip implements Chip {
    public static final byte[] ATR = Hex.decode("3B 88 80 01 00 00 00 00 00 00 00 00 09");

    private final Map<Integer, byte[]> files;
    private final AtomicInteger resets = new AtomicInteger();
    private final AtomicInteger apdus = new AtomicInteger();
    private volatile byte[] selected;

    public PlainFileChip(Map<Integer, byte[]> files) {
        this.files = Map.copyOf(files);
    }

    /** One file 011E of {@code size} bytes 0, 1, 2, ... */
    public static PlainFileChip withFile(int size) {
        byte[] f = new byte[size];
        for (int i = 0; i < size; i++) {
            f[i] = (byte) i;
        }
        return new PlainFileChip(Map.of(0x011E, f));
    }

    @Override
    public byte[] atr() {
        return ATR.clone();
    }

    @Override
    public void reset() {
        resets.incrementAndGet();
        selected = null;
    }

    @Override
    public byte[] process(byte[] command) {
        apdus.incrementAndGet();
        CommandApdu c = CommandApdu.parse(command);
        if (c.ins() == 0xA4) {
            if (c.p1() == 0x04) {
                return ResponseApdu.of(StatusWords.SUCCESS).toBytes();
            }
            byte[] d = c.data();
            if (d.length != 2) {
                return ResponseApdu.of(StatusWords.WRONG_LENGTH).toBytes();
            }
            byte[] f = files.get(((d[0] & 0xFF) << 8) | (d[1] & 0xFF));
            if (f == null) {
                return ResponseApdu.of(StatusWords.FILE_NOT_FOUND).toBytes();
            }
            selected = f;
            return ResponseApdu.of(StatusWords.SUCCESS).toBytes();
        }
        if (c.ins() == 0xB0) {
            byte[] f = selected;
            if (f == null) {
                return ResponseApdu.of(StatusWords.CONDITIONS_NOT_SATISFIED).toBytes();
            }
            int offset = (c.p1() << 8) | c.p2();
            if (offset > f.length) {
                return ResponseApdu.of(StatusWords.WRONG_P1P2).toBytes();
            }
            int n = Math.min(c.ne(), f.length - offset);
            return ResponseApdu.of(Arrays.copyOfRange(f, offset, offset + n), StatusWords.SUCCESS).toBytes();
        }
        return ResponseApdu.of(StatusWords.INS_NOT_SUPPORTED).toBytes();
    }

    public int resets() {
        return resets.get();
    }

    public int apdus() {
        return apdus.get();
    }
}
