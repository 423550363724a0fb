package vn.cccd.mock.vpcd;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import vn.cccd.mock.chip.Chip;
import vn.cccd.mock.chip.ChipRemovedException;
import vn.cccd.mock.fault.RemovalAware;

/**
 * Puts a mock chip into a real PC/SC stack: connects to the vsmartcard vpcd driver of pcscd, which then shows
 * a card in its reader ("Virtual PCD 00 00"). Closing the connection, or the process ending, is a card
 * removal.
 *
 * <p>The vpcd protocol: every message, both ways, is a 2-byte big-endian length and that many bytes. A
 * 1-byte message from vpcd is a control code: {@code 00} power off, {@code 01} power on, {@code 02} reset,
 * {@code 04} get ATR (answered with the ATR). Any other message is a command APDU, answered with the chip's
 * response. Messages are bounded by the 2-byte length (at most {@value #MAX_FRAME} bytes); a response that
 * does not fit is replaced by 6F00.
 */
public final class VpcdClient implements AutoCloseable {
    public static final int MAX_FRAME = 0xFFFF;
    static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    static final byte POWER_OFF = 0x00;
    static final byte POWER_ON = 0x01;
    static final byte RESET = 0x02;
    static final byte GET_ATR = 0x04;
    private static final byte[] SW_UNKNOWN = {0x6F, 0x00};
    private static final byte[] SW_WRONG_LENGTH = {0x67, 0x00};

    /** Why {@link #serve()} returned. */
    public enum Ending {
        /** The chip left the field (a fault such as remove-after, or a stall that ran out). */
        CARD_REMOVED,
        /** vpcd (pcscd) closed the connection. */
        VPCD_CLOSED,
        /** {@link #close()} was called. */
        STOPPED
    }

    private final Chip chip;
    private final VpcdAddress address;
    private final AtomicLong apdus = new AtomicLong();
    private volatile Socket socket;
    private volatile boolean stopped;
    private volatile String removalReason;

    public VpcdClient(Chip chip, VpcdAddress address) {
        this.chip = Objects.requireNonNull(chip, "chip");
        this.address = Objects.requireNonNull(address, "address");
    }

    /**
     * Connects to vpcd: from now on pcscd sees a card in the reader.
     *
     * @throws IOException when vpcd does not accept the connection (pcscd or vsmartcard-vpcd not running)
     */
    public void connect() throws IOException {
        if (socket != null) {
            throw new IllegalStateException("already connected");
        }
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(address.host(), address.port()), CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        socket = s;
        if (stopped) {
            s.close();
        }
    }

    /**
     * Answers vpcd until the card is removed, vpcd goes away or {@link #close()} is called. Returns normally in
     * all three cases; the socket is closed on return.
     */
    public Ending serve() throws IOException {
        Socket s = socket;
        if (s == null) {
            throw new IllegalStateException("connect() first");
        }
        try (s) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
            OutputStream out = new BufferedOutputStream(s.getOutputStream());
            while (true) {
                byte[] message;
                try {
                    int length = in.readUnsignedShort();
                    message = new byte[length];
                    in.readFully(message);
                } catch (EOFException e) {
                    return stopped ? Ending.STOPPED : Ending.VPCD_CLOSED;
                } catch (IOException e) {
                    if (stopped) {
                        return Ending.STOPPED;
                    }
                    throw e;
                }
                byte[] answer;
                try {
                    answer = answer(message);
                } catch (ChipRemovedException e) {
                    removalReason = e.getMessage();
                    return Ending.CARD_REMOVED;
                }
                if (answer != null) {
                    try {
                        send(out, answer);
                    } catch (IOException e) {
                        if (stopped) {
                            return Ending.STOPPED;
                        }
                        throw e;
                    }
                }
            }
        } finally {
            RemovalAware.notifyRemoved(chip);
        }
    }

    /** The answer to one vpcd message, or null for control codes that get none. */
    private byte[] answer(byte[] message) {
        if (message.length == 1) {
            switch (message[0]) {
                case GET_ATR:
                    return chip.atr();
                case POWER_ON:
                case RESET:
                    chip.reset();
                    return null;
                case POWER_OFF:
                default:
                    return null;
            }
        }
        if (message.length < 4) {
            return SW_WRONG_LENGTH.clone();
        }
        apdus.incrementAndGet();
        byte[] response;
        try {
            response = chip.process(message);
        } catch (ChipRemovedException e) {
            throw e;
        } catch (RuntimeException e) {
            // a chip that fails inside is a card answering "no precise diagnosis", not a dead vpcd link
            response = SW_UNKNOWN.clone();
        }
        if (response == null || response.length < 2 || response.length > MAX_FRAME) {
            return SW_UNKNOWN.clone();
        }
        return response;
    }

    private static void send(OutputStream out, byte[] payload) throws IOException {
        out.write(payload.length >> 8);
        out.write(payload.length);
        out.write(payload);
        out.flush();
    }

    /** Removes the card: closes the connection and ends {@link #serve()}; safe from any thread, idempotent. */
    @Override
    public void close() {
        stopped = true;
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing is all we wanted
            }
        }
        RemovalAware.notifyRemoved(chip);
    }

    public VpcdAddress address() {
        return address;
    }

    /** APDUs answered so far. */
    public long apdus() {
        return apdus.get();
    }

    /** Why the chip left the field, when {@link #serve()} ended with {@link Ending#CARD_REMOVED}. */
    public String removalReason() {
        return removalReason;
    }
}
