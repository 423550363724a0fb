package vn.cccd.mock.pcsc;

import java.util.concurrent.locks.ReentrantLock;
import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import vn.cccd.mock.chip.Chip;
import vn.cccd.mock.chip.ChipRemovedException;
import vn.cccd.reader.apdu.CommandApdu;
import vn.cccd.reader.apdu.Iso7816;
import vn.cccd.reader.apdu.StatusWords;

/**
 * A connection to the chip on a {@link MockTerminal}, valid until the card is removed or disconnected
 * (like a PC/SC card handle). Protocol T=1, as PC/SC presents ISO/IEC 14443-4 cards.
 */
final class MockCard extends Card {
    static final String PROTOCOL = "T=1";
    /** MANAGE CHANNEL open (P1 00, P2 00): the card assigns the number and answers it in one byte. */
    private static final byte[] MANAGE_CHANNEL_OPEN =
            new CommandApdu(Iso7816.CLA, Iso7816.INS_MANAGE_CHANNEL, 0, 0, 1).toBytes();

    private enum State { OK, REMOVED, DISCONNECTED }

    private final MockTerminal terminal;
    private final long generation;
    private final ATR atr;
    private final MockChannel basicChannel;
    /** One exchange at a time, as the PC/SC service serialises them. */
    private final ReentrantLock exchange = new ReentrantLock();
    private volatile State state = State.OK;
    private volatile Thread exclusiveThread;

    MockCard(MockTerminal terminal, long generation, byte[] atr) {
        this.terminal = terminal;
        this.generation = generation;
        this.atr = new ATR(atr);
        this.basicChannel = new MockChannel(this, 0);
    }

    @Override
    public ATR getATR() {
        return atr;
    }

    @Override
    public String getProtocol() {
        return PROTOCOL;
    }

    @Override
    public CardChannel getBasicChannel() {
        checkState();
        return basicChannel;
    }

    @Override
    public CardChannel openLogicalChannel() throws CardException {
        checkState();
        checkExclusive();
        byte[] response = exchange(MANAGE_CHANNEL_OPEN.clone());
        if (response.length != 3 || StatusWords.trailing(response) != StatusWords.SUCCESS) {
            throw new CardException("openLogicalChannel() failed, card response: " + toHex(response));
        }
        return new MockChannel(this, response[0]);
    }

    @Override
    public synchronized void beginExclusive() throws CardException {
        checkState();
        if (exclusiveThread != null) {
            throw new CardException("Exclusive access has already been assigned to Thread "
                    + exclusiveThread.getName());
        }
        exclusiveThread = Thread.currentThread();
    }

    @Override
    public synchronized void endExclusive() throws CardException {
        checkState();
        if (exclusiveThread != Thread.currentThread()) {
            throw new IllegalStateException("Exclusive access not assigned to current Thread");
        }
        exclusiveThread = null;
    }

    /** The mock reader has no vendor control codes (no PIN pad, no LEDs): like a reader that refuses them. */
    @Override
    public byte[] transmitControlCommand(int controlCode, byte[] command) throws CardException {
        checkState();
        checkExclusive();
        if (command == null) {
            throw new NullPointerException();
        }
        throw new CardException("transmitControlCommand() failed",
                new PcscError(PcscError.SCARD_E_UNSUPPORTED_FEATURE));
    }

    @Override
    public void disconnect(boolean reset) throws CardException {
        if (state != State.OK) {
            return;
        }
        checkExclusive();
        state = State.DISCONNECTED;
        exclusiveThread = null;
        terminal.forget(this);
        if (reset) {
            exchange.lock();
            try {
                Chip chip;
                synchronized (terminal.lock()) {
                    chip = terminal.chipOf(generation);
                }
                if (chip != null) {
                    chip.reset();
                }
            } finally {
                exchange.unlock();
            }
        }
    }

    /** Whether this handle still reaches its card; marks it removed when the card has gone. */
    boolean isValid() {
        if (state != State.OK) {
            return false;
        }
        synchronized (terminal.lock()) {
            if (terminal.chipOf(generation) == null) {
                state = State.REMOVED;
                return false;
            }
        }
        return true;
    }

    void checkState() {
        State s = state;
        if (s == State.DISCONNECTED) {
            throw new IllegalStateException("Card has been disconnected");
        } else if (s == State.REMOVED) {
            throw new IllegalStateException("Card has been removed");
        }
    }

    void checkExclusive() throws CardException {
        Thread t = exclusiveThread;
        if (t != null && t != Thread.currentThread()) {
            throw new CardException("Exclusive access established by another Thread");
        }
    }

    /**
     * One raw exchange with the chip. Fails with {@code SCARD_W_REMOVED_CARD} when the card is gone before,
     * during or because of the exchange; the handle is then removed for good.
     */
    byte[] exchange(byte[] command) throws CardException {
        exchange.lock();
        try {
            Chip chip;
            synchronized (terminal.lock()) {
                chip = terminal.chipOf(generation);
            }
            if (chip == null) {
                throw removed(null);
            }
            byte[] response;
            try {
                response = chip.process(command);
            } catch (ChipRemovedException e) {
                terminal.chipLeft(generation);
                throw removed(e);
            } catch (RuntimeException e) {
                throw new CardException(new PcscError(PcscError.SCARD_E_NOT_TRANSACTED, e));
            }
            synchronized (terminal.lock()) {
                if (terminal.chipOf(generation) == null) {
                    // removed while the chip was answering: the reader never got the answer
                    throw removed(null);
                }
            }
            if (response == null) {
                throw new CardException(new PcscError(PcscError.SCARD_E_NOT_TRANSACTED));
            }
            return response;
        } finally {
            exchange.unlock();
        }
    }

    private CardException removed(Throwable why) {
        state = State.REMOVED;
        return new CardException(new PcscError(PcscError.SCARD_W_REMOVED_CARD, why));
    }

    private static String toHex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02X", x));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "Mock PC/SC card in " + terminal.getName() + ", protocol " + PROTOCOL + ", state " + state;
    }
}
