package vn.cccd.reader.diagnose;

import java.util.ArrayList;
import java.util.List;
import vn.cccd.reader.apdu.Iso7816;
import vn.cccd.reader.error.ReaderException;
import vn.cccd.reader.transport.CardTransport;
import vn.cccd.reader.transport.ForwardingTransport;

/**
 * Records each exchange for the card report: header, lengths, status word and time (see {@link ApduRecord}), never
 * a body. Sits next to the card, under the standard decorators, so that it sees what the card really answered
 * (61xx, 6Cxx included). Thread-safe: the deadline decorator runs exchanges on its own thread.
 */
public final class RecordingTransport extends ForwardingTransport {
    /** A read has a few hundred exchanges; more are counted but not kept. */
    static final int MAX_RECORDS = 5000;

    private final List<ApduRecord> records = new ArrayList<>();
    private volatile String step = "before files";
    private long started = -1;
    private int count;

    public RecordingTransport(CardTransport inner) {
        super(inner);
    }

    /** Names what the read does from now on (a file's contract name). */
    public void step(String name) {
        step = name;
    }

    @Override
    public byte[] transceive(byte[] command) {
        long t0 = System.nanoTime();
        synchronized (records) {
            if (started < 0) {
                started = t0;
            }
        }
        String at = step;
        byte[] r;
        try {
            r = inner.transceive(command);
        } catch (RuntimeException e) {
            add(command, at, t0, -1, null, e instanceof ReaderException re ? re.code() : e.getClass().getSimpleName());
            throw e;
        }
        add(command, at, t0, Math.max(0, r.length - 2),
                r.length >= 2 ? String.format("%02X%02X", r[r.length - 2] & 0xFF, r[r.length - 1] & 0xFF) : null,
                r.length >= 2 ? null : "SHORT_ANSWER");
        return r;
    }

    private void add(byte[] command, String at, long t0, int received, String sw, String failure) {
        long now = System.nanoTime();
        synchronized (records) {
            count++;
            if (records.size() >= MAX_RECORDS) {
                return;
            }
            records.add(new ApduRecord(count, (t0 - started) / 1_000_000, (now - t0) / 1000, at, header(command),
                    command.length >= 2 ? ApduRecord.instruction(command[1] & 0xFF) : null, secure(command),
                    plainSelect(command), command.length, received, sw, failure));
        }
    }

    /** The exchanges so far, in order. */
    public List<ApduRecord> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    /** How many exchanges there were (more than {@link #records()} holds past {@link #MAX_RECORDS}). */
    public int count() {
        synchronized (records) {
            return count;
        }
    }

    static String header(byte[] c) {
        if (c.length < 4) {
            return "(" + c.length + " bytes)";
        }
        return String.format("%02X %02X %02X %02X", c[0] & 0xFF, c[1] & 0xFF, c[2] & 0xFF, c[3] & 0xFF);
    }

    /** ISO 7816-4 CLA with bits 0x0C set: a secure messaging command (ICAO 9303-11 §9.8). */
    static boolean secure(byte[] c) {
        return c.length > 0 && Iso7816.isSecureMessaging(c[0]);
    }

    /**
     * For a plain SELECT by file identifier (P1 02) or application identifier (P1 04), the identifier: EF.CardAccess's
     * 011C or the eMRTD AID are constants of the standard, not the holder's. Null for everything else.
     */
    static String plainSelect(byte[] c) {
        if (c.length < 6 || secure(c) || (c[1] & 0xFF) != Iso7816.INS_SELECT
                || (c[2] != Iso7816.SELECT_BY_FID && c[2] != Iso7816.SELECT_BY_AID)) {
            return null;
        }
        int lc = c[4] & 0xFF;
        if (lc == 0 || lc > 16 || c.length < 5 + lc) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 5; i < 5 + lc; i++) {
            out.append(String.format("%02X", c[i] & 0xFF));
        }
        return out.toString();
    }

    @Override
    public void close() {
        inner.close();
    }
}
