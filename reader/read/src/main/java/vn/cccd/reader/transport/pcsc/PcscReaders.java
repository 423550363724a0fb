package vn.cccd.reader.transport.pcsc;

import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
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
import vn.cccd.reader.transport.DeadlineTransport;

/**
 * The PC/SC readers of the machine (or of any {@code javax.smartcardio} provider, such as the mock card's): list
 * them with card presence, pick one by name or index, wait for a card, connect. The only place besides
 * {@link PcscTransport} that touches {@code javax.smartcardio}.
 *
 * <p>A PC/SC context does not survive the service stopping (pcscd restarted, Windows' service stopping when the
 * last reader is unplugged). On SCARD_E_NO_SERVICE, SCARD_E_SERVICE_STOPPED or SCARD_E_INVALID_HANDLE the factory
 * is dropped and, for the JDK's SunPCSC, its dead context too ({@link SunPcscInternals}; SunPCSC alone would reuse
 * it forever); the next call makes a new factory with a new context. While the service stays away, new attempts
 * are spaced out ({@value #FIRST_RETRY_MILLIS} ms doubling up to {@value #MAX_RETRY_MILLIS} ms) and every call in
 * between fails at once with {@link NoCardException} "{@value #NO_SERVICE}", so a poller costs nothing and notices
 * the service coming back within a second.
 */
public final class PcscReaders {
    private static final Logger LOG = LoggerFactory.getLogger(PcscReaders.class);
    /** How failures caused by a missing PC/SC service start (the kiosk's health shows it). */
    public static final String NO_SERVICE = "no reader service";
    static final long FIRST_RETRY_MILLIS = 100;
    static final long MAX_RETRY_MILLIS = 1_000;
    private static final AtomicBoolean WARNED_NO_RENEWAL = new AtomicBoolean();

    /** A reader and whether a card is on it. */
    public record ReaderInfo(String name, boolean cardPresent) {
    }

    private final Supplier<TerminalFactory> factories;
    private final LongSupplier nanoTime;
    // guarded by this
    private TerminalFactory factory;
    private long retryAtNanos;
    private long retryMillis;
    private RuntimeException lastFailure;

    public PcscReaders(Supplier<TerminalFactory> factories) {
        this(factories, System::nanoTime);
    }

    PcscReaders(Supplier<TerminalFactory> factories, LongSupplier nanoTime) {
        this.factories = factories;
        this.nanoTime = nanoTime;
    }

    /** The machine's PC/SC service. */
    public static PcscReaders system() {
        return new PcscReaders(() -> {
            try {
                return TerminalFactory.getInstance("PC/SC", null);
            } catch (NoSuchAlgorithmException e) {
                // SunPCSC's factory establishes its context when made: pcscd down fails here
                if (PcscFailures.isNoService(e)) {
                    throw noService(e);
                }
                throw NoCardException.noReader("this Java has no PC/SC support (javax.smartcardio), or the PC/SC"
                        + " library (libpcsclite) is not installed", e);
            }
        });
    }

    private static NoCardException noService(Throwable cause) {
        return NoCardException.noReader(NO_SERVICE + ": the smart-card service (pcscd) is not running or was"
                + " restarted; reconnecting", cause);
    }

    private synchronized TerminalFactory factory() {
        if (factory != null) {
            return factory;
        }
        long now = nanoTime.getAsLong();
        if (lastFailure != null && now - retryAtNanos < 0) {
            // spaced out: the service was not there a moment ago (a new exception: one instance thrown many times
            // would collect suppressed exceptions and carry a stale stack)
            throw lastFailure instanceof TransportException t ? new TransportException(t.getMessage(), t)
                    : NoCardException.noReader(lastFailure.getMessage(), lastFailure);
        }
        try {
            factory = factories.get();
            if (lastFailure != null) {
                LOG.info("the smart-card service is back");
            }
            lastFailure = null;
            retryMillis = 0;
            return factory;
        } catch (RuntimeException e) {
            retryMillis = retryMillis == 0 ? FIRST_RETRY_MILLIS : Math.min(MAX_RETRY_MILLIS, retryMillis * 2);
            retryAtNanos = now + retryMillis * 1_000_000L;
            lastFailure = e instanceof NoCardException || e instanceof TransportException ? e
                    : NoCardException.noReader(NO_SERVICE + ": " + e.getMessage(), e);
            throw lastFailure;
        }
    }

    /**
     * The service failed under the current factory: forget it (and SunPCSC's context when pcscd no longer knows
     * it), so that the next call starts again.
     */
    private synchronized void serviceFailed() {
        if (factory != null && SunPcscInternals.isSunPcsc(factory)) {
            if (!SunPcscInternals.renewContextIfDead() && !SunPcscInternals.available()
                    && !WARNED_NO_RENEWAL.getAndSet(true)) {
                LOG.warn("the PC/SC context cannot be renewed without {} (see README): restart to reconnect",
                        SunPcscInternals.ADD_OPENS);
            }
        }
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
        TerminalFactory f = factory();
        try {
            return f.terminals().list();
        } catch (CardException e) {
            if (PcscFailures.isNoReaders(e)) {
                return List.of();
            }
            serviceFailed();
            if (PcscFailures.isNoService(e)) {
                throw noService(e);
            }
            throw new TransportException("the smart-card service failed: " + PcscFailures.name(e), e);
        } catch (IllegalStateException e) {
            serviceFailed();
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
            serviceFailed();
            if (PcscFailures.isNoService(e)) {
                throw noService(e);
            }
            throw new TransportException("cannot watch the reader: " + PcscFailures.name(e), e);
        }
    }

    /** A card connected on a named reader: what the CLI needs without javax.smartcardio types. */
    public record Connected(String readerName, PcscTransport transport) {
    }

    /**
     * Picks the reader as {@link #terminal(String)} does, waits up to {@code wait} for a card on it and connects;
     * {@link NoCardException} when no card came.
     */
    public Connected connectWhenPresent(String nameOrIndex, Duration wait) {
        CardTerminal terminal = terminal(nameOrIndex);
        if (!waitForCard(terminal, wait)) {
            throw NoCardException.noCard("no card on reader '" + terminal.getName() + "'");
        }
        return new Connected(terminal.getName(), connect(terminal));
    }

    /** Connects to the card on {@code terminal} (any protocol). */
    public PcscTransport connect(CardTerminal terminal) {
        Card card;
        try {
            card = terminal.connect("*");
        } catch (CardException e) {
            if (PcscFailures.isNoService(e)) {
                serviceFailed();
                throw noService(e);
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
        return new PcscTransport(card); // releases the card itself when it cannot take it over
    }
}
