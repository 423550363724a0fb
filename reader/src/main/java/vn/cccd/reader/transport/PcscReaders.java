package vn.cccd.reader.transport;

import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cccd.reader.error.CardLostException;
import vn.cccd.reader.error.NoCardException;
import vn.cccd.reader.error.TransportException;

/**
 * The PC/SC readers of the machine (or of any {@code javax.smartcardio} provider, such as the mock card's): list
 * them with card presence, pick one by name or index, wait for a card, connect. The only place besides
 * {@link PcscTransport} that touches {@code javax.smartcardio}.
 *
 * <p>A PC/SC context does not survive the service stopping (pcscd restarted, Windows' service stopping when the
 * last reader is unplugged), so after a service failure the factory is made again on the next call.
 */
public final class PcscReaders {
    private static final Logger LOG = LoggerFactory.getLogger(PcscReaders.class);

    /** A reader and whether a card is on it. */
    public record ReaderInfo(String name, boolean cardPresent) {
    }

    private final Supplier<TerminalFactory> factories;
    private TerminalFactory factory;

    public PcscReaders(Supplier<TerminalFactory> factories) {
        this.factories = factories;
    }

    /** The machine's PC/SC service. */
    public static PcscReaders system() {
        return new PcscReaders(() -> {
            try {
                return TerminalFactory.getInstance("PC/SC", null);
            } catch (NoSuchAlgorithmException e) {
                throw NoCardException.noReader("this Java has no PC/SC support (javax.smartcardio), or the PC/SC"
                        + " library (libpcsclite) is not installed", e);
            }
        });
    }

    private synchronized TerminalFactory factory() {
        if (factory == null) {
            factory = factories.get();
        }
        return factory;
    }

    private synchronized void reset() {
        factory = null;
    }

    public List<ReaderInfo> list() {
        List<ReaderInfo> out = new ArrayList<>();
        for (CardTerminal t : terminals()) {
            boolean present;
            try {
                present = t.isCardPresent();
            } catch (CardException | IllegalStateException e) {
                present = false; // unplugged between list() and the question
            }
            out.add(new ReaderInfo(t.getName(), present));
        }
        return out;
    }

    private List<CardTerminal> terminals() {
        try {
            return factory().terminals().list();
        } catch (CardException e) {
            if (PcscFailures.isNoReaders(e)) {
                return List.of();
            }
            reset();
            if (PcscFailures.isNoService(e)) {
                throw NoCardException.noReader("the smart-card service (pcscd) is not running", e);
            }
            throw new TransportException("the smart-card service failed: " + PcscFailures.name(e), e);
        } catch (IllegalStateException e) {
            reset();
            throw NoCardException.noReader("the smart-card service failed: " + e.getMessage(), e);
        }
    }

    /**
     * The reader named {@code nameOrIndex} (exact name, else a 0-based index into {@link #list()}), or, when null,
     * the first reader with a card (else the first reader).
     */
    public CardTerminal terminal(String nameOrIndex) {
        List<CardTerminal> all = terminals();
        if (all.isEmpty()) {
            throw NoCardException.noReader("no smart-card reader is connected", null);
        }
        if (nameOrIndex == null) {
            for (CardTerminal t : all) {
                try {
                    if (t.isCardPresent()) {
                        return t;
                    }
                } catch (CardException | IllegalStateException e) {
                    // try the next one
                }
            }
            return all.get(0);
        }
        for (CardTerminal t : all) {
            if (t.getName().equals(nameOrIndex)) {
                return t;
            }
        }
        if (nameOrIndex.matches("[0-9]{1,3}")) {
            int i = Integer.parseInt(nameOrIndex);
            if (i < all.size()) {
                return all.get(i);
            }
        }
        throw NoCardException.noReader("no reader named or numbered '" + nameOrIndex + "'", null);
    }

    /** Waits up to {@code timeout} for a card on {@code terminal}; false when none came. */
    public boolean waitForCard(CardTerminal terminal, Duration timeout) {
        try {
            return terminal.waitForCardPresent(Math.max(1, timeout.toMillis()));
        } catch (CardException | IllegalStateException e) {
            reset();
            throw new TransportException("cannot watch the reader: " + PcscFailures.name(e), e);
        }
    }

    /** Connects to the card on {@code terminal} (any protocol). */
    public PcscTransport connect(CardTerminal terminal) {
        Card card;
        try {
            card = terminal.connect("*");
        } catch (CardException e) {
            if (PcscFailures.isNoService(e)) {
                reset();
                throw NoCardException.noReader("the smart-card service (pcscd) is not running", e);
            }
            if (PcscFailures.isRemoval(e)) {
                throw NoCardException.noCard("no card on reader '" + terminal.getName() + "'");
            }
            throw new TransportException("cannot connect to the card: " + PcscFailures.name(e), e);
        } catch (IllegalStateException e) {
            throw new CardLostException("the card left the reader while connecting", e);
        }
        // No beginExclusive(): javax.smartcardio ties exclusive access to the calling thread, and exchanges run
        // on the deadline's worker thread (DeadlineTransport).
        LOG.debug("connected to the card on {}", terminal.getName());
        return new PcscTransport(card);
    }
}
