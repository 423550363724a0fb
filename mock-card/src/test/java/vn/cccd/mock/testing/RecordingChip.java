package vn.cccd.mock.testing;

import java.util.ArrayList;
import java.util.List;
import vn.cccd.mock.chip.Chip;
import vn.cccd.mock.fault.ChipDecorator;

/** Keeps every exchange the chip saw (an APDU trace for tests and the benchmark; mock cards only). */
public final class RecordingChip extends ChipDecorator {
    /** One command and the length and status word of its answer. */
    public record Exchange(byte[] command, int responseLength, int sw) {
        public int ins() {
            return command.length > 1 ? command[1] & 0xFF : -1;
        }

        public boolean secured() {
            return command.length > 0 && (command[0] & 0x0C) == 0x0C;
        }
    }

    private final List<Exchange> exchanges = new ArrayList<>();
    private long processingNanos;

    public RecordingChip(Chip inner) {
        super(inner);
    }

    @Override
    public synchronized byte[] process(byte[] command) {
        long t0 = System.nanoTime();
        byte[] r = super.process(command);
        processingNanos += System.nanoTime() - t0;
        int sw = r.length >= 2 ? ((r[r.length - 2] & 0xFF) << 8) | (r[r.length - 1] & 0xFF) : -1;
        exchanges.add(new Exchange(command.clone(), r.length, sw));
        return r;
    }

    public synchronized List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /** The time the wrapped chip spent computing its answers (on this machine; a real chip does it on the card). */
    public synchronized long processingNanos() {
        return processingNanos;
    }
}
