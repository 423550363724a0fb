package vn.cccd.kiosk.cards;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cccd.kiosk.store.ProcessingLog;
import vn.cccd.reader.keys.AccessKey;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.qr.CccdQr;
import vn.cccd.reader.read.ReadRequest;

/**
 * Watches the readers, reads a card once the person has agreed and given the key, and holds the session: in
 * memory only, one person at a time. The session is wiped when the card is taken away (unless the person is reading
 * a second card for the same form), when the person is done, and after inactivity (with a warning first).
 *
 * <p>A facade over three parts, all under this object's lock: the session's steps ({@link SessionMachine}, a plain
 * state machine on the clock), the readers ({@link ReaderWatcher}, polling every {@code pollInterval}) and the reads
 * ({@link ReadWorker}, one at a time, off the request thread). This class adds what happens around each step: the
 * events ({@link SessionEvents}), the processing log, and starting a read when the key and a card are both there.
 */
public final class CardService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CardService.class);
    /** A form takes at most two cards (the parents of a birth registration). */
    public static final int MAX_CARDS = SessionMachine.MAX_CARDS;

    private final CardSource source;
    private final SessionEvents events;
    private final Settings settings;
    private final ProcessingLog log;
    private final SessionMachine session; // guarded by this
    private final ReadWorker worker;
    private final ReaderWatcher watcher;

    /**
     * @param pollInterval how often readers are polled (and the idle timeout checked)
     * @param idleTimeout inactivity after which the session is wiped
     * @param idleWarning how long before the wipe the person is warned
     * @param trustDirs CSCA certificates for Passive Authentication
     * @param readFace whether the portrait is read
     */
    public record Settings(Duration pollInterval, Duration idleTimeout, Duration idleWarning, List<Path> trustDirs,
            boolean readFace) {
        public Settings {
            trustDirs = List.copyOf(trustDirs);
            if (!idleWarning.minus(idleTimeout).isNegative()) {
                throw new IllegalArgumentException("the idle warning must come before the timeout");
            }
        }
    }

    public CardService(CardSource source, SessionEvents events, Clock clock, Settings settings, ProcessingLog log) {
        this.source = source;
        this.events = events;
        this.settings = settings;
        this.log = log;
        this.session = new SessionMachine(clock, settings.idleTimeout(), settings.idleWarning());
        this.worker = new ReadWorker(source, events);
        this.watcher = new ReaderWatcher(source, events, this, worker::busy, new ReaderWatcher.Listener() {
            @Override
            public void inserted(String reader) {
                session.cardInserted(reader).ifPresent(CardService.this::read);
            }

            @Override
            public void removed(String reader) {
                long id = session.sessionId();
                if (session.cardRemoved(reader)) {
                    ended(id, "card-removed");
                }
            }

            @Override
            public void polled() {
                idleCheck();
            }
        });
    }

    /** Starts polling the readers. */
    public synchronized void open() {
        worker.open();
        watcher.open(settings.pollInterval());
    }

    @Override
    public void close() {
        watcher.close();
        worker.close();
        synchronized (this) {
            session.end();
        }
        source.close();
    }

    /** One poll: reader changes, insertions, removals, idle timeout. Public for tests that drive time. */
    public void tick() {
        watcher.tick();
    }

    private void idleCheck() {
        long id = session.sessionId();
        SessionMachine.Idle idle = session.idle();
        if (idle instanceof SessionMachine.Idle.Expired) {
            ended(id, "idle");
        } else if (idle instanceof SessionMachine.Idle.Warn w) {
            events.emit("idle-warning", Map.of("secondsLeft", w.secondsLeft()));
        }
    }

    // ---- the session, step by step ----------------------------------------------------------------------------

    /** A new session (the person pressed Start); any previous one is wiped first. */
    public synchronized SessionState begin() {
        wipe("restarted");
        session.begin();
        log.record("session-start", Map.of());
        return changed();
    }

    /** The person agreed (no pre-ticked box: the UI sends this only after the person ticked and confirmed). */
    public synchronized SessionState consent(Consent consent) {
        session.consent(consent);
        log.record("consent", Map.of("purpose", consent.purpose(), "textVersion", consent.textVersion(),
                "lang", consent.lang()));
        return changed();
    }

    /** The person declined: nothing is read and the session ends. */
    public synchronized void decline() {
        if (session.active()) {
            log.record("consent-declined", Map.of());
            wipe("declined");
        }
    }

    /** The key of the (first) card; reads at once when a card is already on a reader. */
    public synchronized SessionState key(List<AccessKey> keys) {
        return key(keys, null);
    }

    /**
     * As {@link #key(List)}, with the QR code the keys came from: once the chip is read, its data is checked against
     * the QR code ({@code verification.qrMatchesChip}).
     */
    public synchronized SessionState key(List<AccessKey> keys, CccdQr qr) {
        SessionState s = session.key(keys, qr);
        changed();
        if (!s.awaitingSecondCard()) {
            watcher.readerWithCard().ifPresent(r -> read(session.startRead(r)));
        }
        return session.state();
    }

    /**
     * Another person's card for the same form (the other parent). That person's consent is given on the screen;
     * the first card may now leave the reader without wiping the session.
     */
    public synchronized SessionState secondCard(List<AccessKey> keys) {
        return secondCard(keys, null);
    }

    /** As {@link #secondCard(List)}, with the QR code the keys came from. */
    public synchronized SessionState secondCard(List<AccessKey> keys, CccdQr qr) {
        session.secondCard(keys, qr);
        Consent c = session.consent();
        log.record("consent", Map.of("purpose", c.purpose(), "textVersion", c.textVersion(), "lang", c.lang(),
                "card", session.cards().size() + 1));
        return changed();
    }

    /** Reads again the card that is on the reader (after a failure). */
    public synchronized SessionState retry() {
        read(session.retry(watcher.readerWithCard().orElse(null)));
        return session.state();
    }

    /** The person is still there. */
    public synchronized SessionState keepAlive() {
        return session.keepAlive();
    }

    /** The person is done: everything is wiped. */
    public synchronized void done() {
        wipe("done");
    }

    /** The cards read in this session, in order; empty without a session. */
    public synchronized List<CardReadResult> cards() {
        return session.cards();
    }

    /** The cards read, for an action on them (counts as activity). */
    public synchronized List<CardReadResult> useCards() {
        return session.useCards();
    }

    public synchronized StoredDocument store(StoredDocument doc) {
        session.store(doc);
        log.record("document", Map.of("formId", doc.formId(), "reference", doc.reference()));
        return doc;
    }

    public synchronized Optional<StoredDocument> document(String id) {
        return session.document(id);
    }

    /** Records a processing event of the current session (printing, exporting). */
    public void record(String event, Map<String, ?> details) {
        log.record(event, details);
    }

    public List<ReaderStatus> readers() {
        return watcher.readers();
    }

    /** How a read ended, for metrics: the verdict (null when it failed), the failure code (null when read). */
    @FunctionalInterface
    public interface ReadListener {
        void readFinished(String verdict, String failureCode, Duration took);
    }

    /** Told of every read's end (metrics). */
    public void onRead(ReadListener listener) {
        worker.onRead(listener);
    }

    /** How many times the readers came back after being unavailable (a PC/SC service that returned). */
    public long readerReconnects() {
        return watcher.reconnects();
    }

    /**
     * The card report ({@code cccd-reader diagnose}) of the card on the first reader that has one, for staff: its
     * structure and none of its holder's values; kept nowhere. Never while a session runs (that card is the person's).
     *
     * @throws IllegalStateException while a session runs
     * @throws vn.cccd.reader.error.NoCardException when no reader has a card
     */
    public vn.cccd.reader.diagnose.CardReport diagnose(List<vn.cccd.reader.keys.AccessKey> keys) {
        String reader;
        synchronized (this) {
            if (session.active() || worker.busy()) {
                throw new IllegalStateException("a session is running on this kiosk");
            }
            reader = watcher.readerWithCard().orElse(null);
        }
        if (reader == null) {
            throw vn.cccd.reader.error.NoCardException.noCard("no card on any reader");
        }
        log.record("card-report", Map.of());
        return source.diagnose(reader, new ReadRequest(keys, true, settings.trustDirs()));
    }

    /** Why readers cannot be listed, or null. */
    public String sourceProblem() {
        return watcher.problem();
    }

    public synchronized boolean active() {
        return session.active();
    }

    /** The current session's number (never reused while the kiosk runs), or 0 without a session. */
    public synchronized long sessionId() {
        return session.sessionId();
    }

    /** What the UI needs to show where the session stands (no personal data). */
    public synchronized SessionState state() {
        return session.state();
    }

    private SessionState changed() {
        SessionState s = session.state();
        events.emit("session-state", s);
        return s;
    }

    /** Ends the session, if any, for {@code reason}: its read is cancelled and its data dropped. */
    private void wipe(String reason) {
        long id = session.sessionId();
        if (session.end()) {
            ended(id, reason);
        }
    }

    /** Session {@code id} has ended (here or in the machine: card taken away, inactivity). */
    private void ended(long id, String reason) {
        worker.cancel(id);
        log.record("session-cleared", Map.of("reason", reason));
        LOG.info("session cleared ({})", reason);
        events.emit("session-cleared", Map.of("reason", reason));
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    private void read(SessionMachine.ReadOrder order) {
        changed();
        worker.submit(order.sessionId(), order.reader(),
                new ReadRequest(order.keys(), settings.readFace(), settings.trustDirs()), this::readFinished);
    }

    private synchronized void readFinished(long sessionId, String reader, CardReadResult result,
            SessionState.Failure failure) {
        if (failure == null) {
            if (session.readSucceeded(sessionId, result).isEmpty()) {
                return; // wiped while reading: the result is dropped
            }
            List<CardReadResult> cards = session.cards();
            CardReadResult stored = cards.get(cards.size() - 1);
            String verdict = stored.verification() == null ? "UNVERIFIED" : stored.verification().overall().name();
            log.record("card-read", Map.of("verdict", verdict, "card", cards.size()),
                    stored.person() == null ? null : stored.person().idNumber());
            LOG.info("card {} read, verdict {}", cards.size(), verdict);
            events.emit("read-complete", Map.of("card", cards.size() - 1, "overall", verdict));
        } else {
            if (session.readFailed(sessionId, failure).isEmpty()) {
                return;
            }
            if (failure.code().equals("CARD_REMOVED") || failure.code().equals("NO_CARD")) {
                watcher.cardGone(reader);
            }
            log.record("read-failed", Map.of("code", failure.code()));
            LOG.info("read failed: {}", failure.code());
            events.emit("read-failed", failure);
        }
        changed();
    }

    /** The data of a {@code read-progress} event. */
    public record Progress(String file, int done, int total) {
    }
}
