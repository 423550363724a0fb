package vn.cccd.kiosk.cards;

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
import vn.cccd.reader.error.TransportException;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.read.ProgressListener;
import vn.cccd.reader.read.ReadRequest;

/**
 * Readers and cards through {@code javax.smartcardio}: the machine's PC/SC service, or the mock card's provider
 * in demo mode and tests. The factory is made again after a failure, because a PC/SC context does not survive the
 * service stopping (Windows stops it when the last reader is unplugged; pcscd may be restarted).
 */
public final class PcscCardSource implements CardSource {
    private static final Logger LOG = LoggerFactory.getLogger(PcscCardSource.class);

    private final Supplier<TerminalFactory> factories;
    private final DocumentReading reading;
    private TerminalFactory factory;

    /**
     * @param factories makes a fresh factory (with a fresh PC/SC context) whenever the previous one failed
     * @param reading reads a document over a transport (the reader library's DocumentReader)
     */
    public PcscCardSource(Supplier<TerminalFactory> factories, DocumentReading reading) {
        this.factories = factories;
        this.reading = reading;
    }

    /** The machine's PC/SC readers. */
    public static PcscCardSource system(DocumentReading reading) {
        return new PcscCardSource(() -> {
            try {
                return TerminalFactory.getInstance("PC/SC", null);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new TransportException("this Java has no PC/SC support (javax.smartcardio)", e);
            }
        }, reading);
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

    @Override
    public List<ReaderStatus> readers() {
        try {
            List<ReaderStatus> out = new ArrayList<>();
            for (CardTerminal t : factory().terminals().list()) {
                boolean present;
                try {
                    present = t.isCardPresent();
                } catch (CardException e) {
                    present = false; // a reader unplugged between list() and the question
                }
                out.add(new ReaderStatus(t.getName(), present));
            }
            return out;
        } catch (CardException e) {
            if (PcscErrors.isNoReaders(e)) {
                return List.of();
            }
            reset();
            throw new TransportException("the smart-card service failed: " + PcscErrors.name(e), e);
        } catch (IllegalStateException e) {
            reset();
            throw new TransportException("the smart-card service failed: " + e.getMessage(), e);
        }
    }

    @Override
    public CardReadResult read(String reader, ReadRequest request, ProgressListener progress) {
        CardTerminal terminal;
        try {
            terminal = factory().terminals().getTerminal(reader);
        } catch (IllegalStateException e) {
            reset();
            throw new TransportException("the smart-card service failed: " + e.getMessage(), e);
        }
        if (terminal == null) {
            throw new TransportException("no reader named '" + reader + "'");
        }
        Card card;
        try {
            card = terminal.connect("*");
        } catch (CardException e) {
            if (PcscErrors.isRemoval(e)) {
                throw new CardLostException("the card left the reader before the read", e);
            }
            throw new TransportException("cannot connect to the card: " + PcscErrors.name(e), e);
        }
        boolean exclusive = false;
        try {
            try {
                card.beginExclusive();
                exclusive = true;
            } catch (CardException | IllegalStateException e) {
                LOG.debug("no exclusive access to the card: {}", e.toString());
            }
            return reading.read(new SmartcardioTransport(card), request, progress);
        } finally {
            try {
                if (exclusive) {
                    card.endExclusive();
                }
                card.disconnect(true);
            } catch (CardException | IllegalStateException e) {
                LOG.debug("disconnect after the read: {}", e.toString());
            }
        }
    }
}
