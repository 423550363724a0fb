package vn.cccd.mock.pcsc;

import java.util.Objects;
import java.util.Optional;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import vn.cccd.mock.chip.Chip;
import vn.cccd.mock.fault.RemovalAware;

/**
 * A virtual contactless reader: code puts a {@link Chip} on it ({@link #insert}) and takes it away
 * ({@link #remove}); readers see it through {@code javax.smartcardio} exactly like a PC/SC reader (see
 * {@link VirtualTerminals}). Inserting powers the chip on ({@link Chip#reset()}).
 *
 * <p>Behaves like SunPCSC where applications can tell: {@code connect} returns the same {@link Card} while it
 * is valid, refuses a second protocol, throws {@link CardNotPresentException} without a card and
 * {@link IllegalArgumentException} for an unknown protocol name; a card removed during a transmit fails that
 * transmit with a {@link CardException} whose cause is {@code SCARD_W_REMOVED_CARD}, and the removed
 * {@code Card} fails every later use.
 */
public final class MockTerminal extends CardTerminal {
    private final VirtualTerminals hub;
    private final String name;

    // guarded by hub.lock
    private Chip chip;
    private long insertions;
    private long removals;
    private MockCard card;
    private boolean unplugged;

    MockTerminal(VirtualTerminals hub, String name) {
        this.hub = hub;
        this.name = name;
    }

    @Override
    public String getName() {
        return name;
    }

    /**
     * Puts a card on the reader: the chip is powered on (reset) and the reader reports a card present.
     *
     * @throws IllegalStateException when a card is already there or the reader was unplugged
     */
    public void insert(Chip newChip) {
        Objects.requireNonNull(newChip, "chip");
        newChip.reset();
        synchronized (hub.lock) {
            if (unplugged) {
                throw new IllegalStateException("reader " + name + " is unplugged");
            }
            if (chip != null) {
                throw new IllegalStateException("a card is already on reader " + name);
            }
            chip = newChip;
            insertions++;
            hub.changed();
        }
    }

    /**
     * Takes the card away. A transmit in progress fails with {@code SCARD_W_REMOVED_CARD}; a chip blocked in
     * a stall is told (see {@link RemovalAware}) so that it returns.
     *
     * @return whether there was a card to remove
     */
    public boolean remove() {
        Chip old;
        synchronized (hub.lock) {
            old = chip;
            if (old == null) {
                return false;
            }
            chip = null;
            removals++;
            hub.changed();
        }
        RemovalAware.notifyRemoved(old);
        return true;
    }

    /** The chip on the reader now, if any. */
    public Optional<Chip> chip() {
        synchronized (hub.lock) {
            return Optional.ofNullable(chip);
        }
    }

    @Override
    public Card connect(String protocol) throws CardException {
        Objects.requireNonNull(protocol, "protocol");
        boolean any = protocol.equals("*");
        if (!any && !protocol.equalsIgnoreCase("T=1") && !protocol.equalsIgnoreCase("T=0")
                && !protocol.equalsIgnoreCase("direct")) {
            throw new IllegalArgumentException("Unsupported protocol " + protocol);
        }
        synchronized (hub.lock) {
            if (unplugged) {
                throw new CardException("connect() failed", new PcscError(PcscError.SCARD_E_UNKNOWN_READER));
            }
            if (card != null) {
                if (card.isValid()) {
                    if (any || protocol.equalsIgnoreCase(MockCard.PROTOCOL)) {
                        return card;
                    }
                    throw new CardException("Cannot connect using " + protocol
                            + ", connection already established using " + MockCard.PROTOCOL);
                }
                card = null;
            }
            if (chip == null) {
                throw new CardNotPresentException("No card present", new PcscError(PcscError.SCARD_E_NO_SMARTCARD));
            }
            if (!any && !protocol.equalsIgnoreCase(MockCard.PROTOCOL)) {
                // a contactless card speaks ISO/IEC 14443-4, which PC/SC presents as T=1
                throw new CardException("connect() failed", new PcscError(PcscError.SCARD_E_PROTO_MISMATCH));
            }
            card = new MockCard(this, insertions, chip.atr());
            return card;
        }
    }

    @Override
    public boolean isCardPresent() throws CardException {
        synchronized (hub.lock) {
            requirePlugged("isCardPresent()");
            return chip != null;
        }
    }

    @Override
    public boolean waitForCardPresent(long timeout) throws CardException {
        return waitForCard(true, timeout);
    }

    @Override
    public boolean waitForCardAbsent(long timeout) throws CardException {
        return waitForCard(false, timeout);
    }

    private boolean waitForCard(boolean wantPresent, long timeout) throws CardException {
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout must not be negative");
        }
        long deadline = timeout == 0 ? Long.MAX_VALUE : System.nanoTime() + timeout * 1_000_000L;
        synchronized (hub.lock) {
            while (true) {
                requirePlugged("waitForCard()");
                if ((chip != null) == wantPresent) {
                    return true;
                }
                if (!hub.await(deadline)) {
                    return false;
                }
            }
        }
    }

    private void requirePlugged(String what) throws CardException {
        if (unplugged) {
            throw new CardException(what + " failed", new PcscError(PcscError.SCARD_E_UNKNOWN_READER));
        }
    }

    // --- used by MockCard, VirtualTerminals and MockCardTerminals; callers hold hub.lock where noted ---

    /** The chip of the insertion {@code generation}, or null when that card has left (hub.lock held). */
    Chip chipOf(long generation) {
        return !unplugged && chip != null && insertions == generation ? chip : null;
    }

    /** The chip reported that it left the field: the reader sees the card go (hub.lock not held). */
    void chipLeft(long generation) {
        Chip old;
        synchronized (hub.lock) {
            if (chip == null || insertions != generation) {
                return;
            }
            old = chip;
            chip = null;
            removals++;
            hub.changed();
        }
        RemovalAware.notifyRemoved(old);
    }

    /** The card handle was disconnected (hub.lock not held). */
    void forget(MockCard disconnected) {
        synchronized (hub.lock) {
            if (card == disconnected) {
                card = null;
            }
        }
    }

    /** Presence and event counters, for waitForChange (hub.lock held). */
    TerminalState state() {
        return new TerminalState(chip != null, insertions, removals);
    }

    /** The reader is unplugged: its card goes with it (hub.lock not held). */
    void unplug() {
        remove();
        synchronized (hub.lock) {
            unplugged = true;
            hub.changed();
        }
    }

    Object lock() {
        return hub.lock;
    }

    @Override
    public String toString() {
        return "Mock PC/SC terminal " + name;
    }

    /** What a waitForChange snapshot remembers of one reader. */
    record TerminalState(boolean present, long insertions, long removals) {
        static final TerminalState UNAWARE = new TerminalState(false, -1, -1);
    }
}
