package vn.cccd.kiosk.cards;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cccd.kiosk.store.ProcessingLog;
import vn.cccd.reader.keys.AccessKey;
import vn.cccd.reader.error.ReaderException;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.qr.CccdQr;
import vn.cccd.reader.qr.QrChipMatch;
import vn.cccd.reader.read.ProgressListener;
import vn.cccd.reader.read.ReadRequest;

/**
 * Watches the readers, reads a card once the person has agreed and given the key, and holds the session: in
 * memory only, one person at a time. The session is wiped when the card is taken away (unless the person is reading
 * a second card for the same form), when the person is done, and after inactivity (with a warning first).
 *
 * <p>Readers are polled every {@code pollInterval} (like AusweisApp; PC/SC change notifications are unreliable
 * across readers and drivers). Reads run on one reading thread, so at most one card is read at a time.
 */
public final class CardService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CardService.class);
    /** A form takes at most two cards (the parents of a birth registration). */
    public static final int MAX_CARDS = 2;
    private static final int MAX_DOCUMENTS = 10;
    private static final long PROGRESS_EVERY_MILLIS = 120;

    private final CardSource source;
    private final SessionEvents events;
    private final Clock clock;
    private final Settings settings;
    private final ProcessingLog log;
    private ScheduledExecutorService ticker;
    private ExecutorService reads;
    private volatile boolean reading;
    private volatile ReadListener readListener = (verdict, code, took) -> { };
    private final java.util.concurrent.atomic.AtomicLong readerReconnects = new java.util.concurrent.atomic.AtomicLong();

    // guarded by this
    private List<ReaderStatus> readers = List.of();
    private String sourceProblem;
    private Session session;
    private long nextSessionId = 1;

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
        this.clock = clock;
        this.settings = settings;
        this.log = log;
    }

    /** Starts polling the readers. */
    public synchronized void open() {
        if (ticker != null) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(named("card-poll"));
        reads = Executors.newSingleThreadExecutor(named("card-read"));
        long every = settings.pollInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::tick, 0, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        ScheduledExecutorService t;
        ExecutorService r;
        synchronized (this) {
            t = ticker;
            r = reads;
            ticker = null;
            reads = null;
            session = null;
        }
        if (t != null) {
            t.shutdownNow();
            r.shutdownNow();
            try {
                t.awaitTermination(2, TimeUnit.SECONDS);
                r.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        source.close();
    }

    private static ThreadFactory named(String name) {
        return r -> {
            Thread th = new Thread(r, name);
            th.setDaemon(true);
            return th;
        };
    }

    // ---- polling ------------------------------------------------------------------------------------------

    /** One poll: reader changes, insertions, removals, idle timeout. Public for tests that drive time. */
    public void tick() {
        if (reading) {
            // no PC/SC calls beside a read on the same context: the read itself notices a removal
            return;
        }
        List<ReaderStatus> now;
        String problem = null;
        try {
            now = source.readers();
            problem = source.problem();
        } catch (RuntimeException e) {
            now = List.of();
            problem = e.getMessage();
        }
        synchronized (this) {
            if (problem != null && !problem.equals(sourceProblem)) {
                LOG.warn("card readers unavailable: {}", problem);
            }
            if (problem == null && sourceProblem != null) {
                readerReconnects.incrementAndGet();
            }
            sourceProblem = problem;
            Map<String, Boolean> before = presence(readers);
            Map<String, Boolean> after = presence(now);
            if (!before.equals(after)) {
                readers = List.copyOf(now);
                events.emit("reader", Map.of("readers", readers));
            }
            for (Map.Entry<String, Boolean> e : after.entrySet()) {
                if (e.getValue() && !before.getOrDefault(e.getKey(), false)) {
                    events.emit("card-inserted", Map.of("reader", e.getKey()));
                    inserted(e.getKey());
                }
            }
            for (Map.Entry<String, Boolean> e : before.entrySet()) {
                if (e.getValue() && !after.getOrDefault(e.getKey(), false)) {
                    events.emit("card-removed", Map.of("reader", e.getKey()));
                    removed(e.getKey());
                }
            }
            idleCheck();
        }
    }

    private static Map<String, Boolean> presence(List<ReaderStatus> list) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (ReaderStatus r : list) {
            m.put(r.name(), r.cardPresent());
        }
        return m;
    }

    private void inserted(String reader) {
        if (session != null && session.phase == Phase.CARD) {
            startRead(reader);
        }
    }

    private void removed(String reader) {
        Session s = session;
        if (s == null) {
            return;
        }
        if (s.phase == Phase.READING && reader.equals(s.readingReader)) {
            return; // the read fails on its own; the person can put the card back
        }
        if (!s.cards.isEmpty() && !s.multiCard) {
            wipe("card-removed");
        }
    }

    private void idleCheck() {
        Session s = session;
        if (s == null || s.phase == Phase.READING) {
            return;
        }
        Duration idle = Duration.between(s.lastActivity, clock.instant());
        if (idle.compareTo(settings.idleTimeout()) >= 0) {
            wipe("idle");
        } else if (!s.warned && idle.compareTo(settings.idleTimeout().minus(settings.idleWarning())) >= 0) {
            s.warned = true;
            long left = settings.idleTimeout().minus(idle).toSeconds();
            events.emit("idle-warning", Map.of("secondsLeft", Math.max(1, left)));
        }
    }

    // ---- the session, step by step ----------------------------------------------------------------------------

    /** A new session (the person pressed Start); any previous one is wiped first. */
    public synchronized SessionState begin() {
        if (session != null) {
            wipe("restarted");
        }
        session = new Session(nextSessionId++, clock.instant());
        log.record("session-start", Map.of());
        changed();
        return state();
    }

    /** The person agreed (no pre-ticked box: the UI sends this only after the person ticked and confirmed). */
    public synchronized SessionState consent(Consent consent) {
        Session s = require();
        if (s.phase != Phase.CONSENT) {
            throw new SessionException("WRONG_STEP", "consent was already given");
        }
        s.consent = Objects.requireNonNull(consent);
        s.phase = Phase.KEY;
        touch(s);
        log.record("consent", Map.of("purpose", consent.purpose(), "textVersion", consent.textVersion(),
                "lang", consent.lang()));
        changed();
        return state();
    }

    /** The person declined: nothing is read and the session ends. */
    public synchronized void decline() {
        if (session != null) {
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
        Session s = require();
        if (s.phase == Phase.CONSENT) {
            throw new SessionException("NO_CONSENT", "the person has not agreed yet");
        }
        if (s.phase == Phase.READING) {
            throw new SessionException("READING", "a card is being read");
        }
        if (!s.cards.isEmpty() && !s.awaitingSecond) {
            throw new SessionException("WRONG_STEP", "the card was read already; start a new session for another person");
        }
        s.keys = List.copyOf(keys);
        s.qr = qr;
        s.phase = Phase.CARD;
        s.failure = null;
        touch(s);
        changed();
        if (!s.awaitingSecond) {
            readers.stream().filter(ReaderStatus::cardPresent).findFirst().ifPresent(r -> startRead(r.name()));
        }
        return state();
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
        Session s = require();
        if (s.cards.isEmpty() || s.phase == Phase.READING) {
            throw new SessionException("NO_CARD", "read the first card before a second one");
        }
        if (s.cards.size() >= MAX_CARDS) {
            throw new SessionException("TOO_MANY_CARDS", "a form takes at most " + MAX_CARDS + " cards");
        }
        s.multiCard = true;
        s.awaitingSecond = true;
        log.record("consent", Map.of("purpose", s.consent.purpose(), "textVersion", s.consent.textVersion(),
                "lang", s.consent.lang(), "card", s.cards.size() + 1));
        key(keys, qr);
        return state();
    }

    /** Reads again the card that is on the reader (after a failure). */
    public synchronized SessionState retry() {
        Session s = require();
        if (s.phase != Phase.CARD) {
            throw new SessionException("WRONG_STEP", "nothing to retry");
        }
        touch(s);
        Optional<ReaderStatus> present = readers.stream().filter(ReaderStatus::cardPresent).findFirst();
        if (present.isEmpty()) {
            throw new SessionException("NO_CARD_PRESENT", "no card is on a reader");
        }
        startRead(present.get().name());
        return state();
    }

    /** The person is still there. */
    public synchronized SessionState keepAlive() {
        touch(require());
        return state();
    }

    /** The person is done: everything is wiped. */
    public synchronized void done() {
        if (session != null) {
            wipe("done");
        }
    }

    /** The cards read in this session, in order; empty without a session. */
    public synchronized List<CardReadResult> cards() {
        return session == null ? List.of() : List.copyOf(session.cards);
    }

    /** The cards read, for an action on them (counts as activity). */
    public synchronized List<CardReadResult> useCards() {
        Session s = require();
        touch(s);
        return List.copyOf(s.cards);
    }

    public synchronized StoredDocument store(StoredDocument doc) {
        Session s = require();
        if (s.documents.size() >= MAX_DOCUMENTS) {
            s.documents.remove(s.documents.keySet().iterator().next());
        }
        s.documents.put(doc.id(), doc);
        touch(s);
        log.record("document", Map.of("formId", doc.formId(), "reference", doc.reference()));
        return doc;
    }

    public synchronized Optional<StoredDocument> document(String id) {
        return session == null ? Optional.empty() : Optional.ofNullable(session.documents.get(id));
    }

    /** Records a processing event of the current session (printing, exporting). */
    public void record(String event, Map<String, ?> details) {
        log.record(event, details);
    }

    public synchronized List<ReaderStatus> readers() {
        return readers;
    }

    /** How a read ended, for metrics: the verdict (null when it failed), the failure code (null when read). */
    @FunctionalInterface
    public interface ReadListener {
        void readFinished(String verdict, String failureCode, Duration took);
    }

    /** Told of every read's end (metrics). */
    public void onRead(ReadListener listener) {
        readListener = Objects.requireNonNull(listener);
    }

    /** How many times the readers came back after being unavailable (a PC/SC service that returned). */
    public long readerReconnects() {
        return readerReconnects.get();
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
            if (session != null || reading) {
                throw new IllegalStateException("a session is running on this kiosk");
            }
            reader = readers.stream().filter(ReaderStatus::cardPresent).map(ReaderStatus::name).findFirst()
                    .orElse(null);
        }
        if (reader == null) {
            throw vn.cccd.reader.error.NoCardException.noCard("no card on any reader");
        }
        log.record("card-report", Map.of());
        return source.diagnose(reader, new ReadRequest(keys, true, settings.trustDirs()));
    }

    /** Why readers cannot be listed, or null. */
    public synchronized String sourceProblem() {
        return sourceProblem;
    }

    public synchronized boolean active() {
        return session != null;
    }

    /** The current session's number (never reused while the kiosk runs), or 0 without a session. */
    public synchronized long sessionId() {
        return session == null ? 0 : session.id;
    }

    /** What the UI needs to show where the session stands (no personal data). */
    public synchronized SessionState state() {
        Session s = session;
        if (s == null) {
            return new SessionState(false, null, List.of(), false, false, null, seconds(settings.idleTimeout()),
                    seconds(settings.idleWarning()));
        }
        List<SessionState.CardSummary> cards = new ArrayList<>();
        for (int i = 0; i < s.cards.size(); i++) {
            CardReadResult c = s.cards.get(i);
            cards.add(new SessionState.CardSummary(i, c.verification() == null ? null
                    : c.verification().overall().name()));
        }
        return new SessionState(true, s.phase, cards, s.multiCard, s.awaitingSecond, s.failure,
                seconds(settings.idleTimeout()), seconds(settings.idleWarning()));
    }

    private static long seconds(Duration d) {
        return d.toSeconds();
    }

    private Session require() {
        if (session == null) {
            throw new SessionException("NO_SESSION", "no session: press Start first");
        }
        return session;
    }

    private void touch(Session s) {
        s.lastActivity = clock.instant();
        s.warned = false;
    }

    private void changed() {
        events.emit("session-state", state());
    }

    private void wipe(String reason) {
        Session s = session;
        session = null;
        if (s != null) {
            s.clear();
            log.record("session-cleared", Map.of("reason", reason));
            LOG.info("session cleared ({})", reason);
            events.emit("session-cleared", Map.of("reason", reason));
        }
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    private void startRead(String reader) {
        Session s = session;
        s.phase = Phase.READING;
        s.readingReader = reader;
        s.failure = null;
        ReadRequest request = new ReadRequest(s.keys, settings.readFace(), settings.trustDirs());
        long id = s.id;
        changed();
        reads.execute(() -> read(id, reader, request));
    }

    private void read(long sessionId, String reader, ReadRequest request) {
        ProgressListener progress = throttled();
        CardReadResult result = null;
        SessionState.Failure failure;
        reading = true;
        long startedNanos = System.nanoTime();
        try {
            result = Objects.requireNonNull(source.read(reader, request, progress), "no result");
            failure = null;
        } catch (ReaderException e) {
            failure = new SessionState.Failure(e.code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("the read failed unexpectedly: {}", e.getClass().getName());
            failure = new SessionState.Failure("READ_ERROR", "the read failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } finally {
            reading = false;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
        try {
            readListener.readFinished(failure != null ? null : result.verification() == null ? "UNVERIFIED"
                    : result.verification().overall().name(), failure == null ? null : failure.code(), took);
        } catch (RuntimeException e) {
            LOG.warn("read listener failed: {}", e.toString());
        }
        synchronized (this) {
            Session s = session;
            if (s == null || s.id != sessionId) {
                return; // wiped while reading: the result is dropped
            }
            s.readingReader = null;
            touch(s);
            if (failure == null) {
                if (s.qr != null && result.verification() != null) {
                    result = result.withVerification(result.verification()
                            .withQrMatchesChip(QrChipMatch.qrMatchesChip(s.qr, result.person())));
                }
                s.qr = null;
                s.cards.add(result);
                s.phase = Phase.READY;
                s.awaitingSecond = false;
                String verdict = result.verification() == null ? "UNVERIFIED" : result.verification().overall().name();
                log.record("card-read", Map.of("verdict", verdict, "card", s.cards.size()),
                        result.person() == null ? null : result.person().idNumber());
                LOG.info("card {} read, verdict {}", s.cards.size(), verdict);
                events.emit("read-complete", Map.of("card", s.cards.size() - 1, "overall", verdict));
            } else {
                s.failure = failure;
                // a wrong key needs a new key; anything else can be retried with the card (back) on the reader
                if (failure.code().equals("ACCESS_DENIED")) {
                    s.phase = Phase.KEY;
                    s.keys = null;
                    s.qr = null;
                } else {
                    s.phase = Phase.CARD;
                }
                if (failure.code().equals("CARD_REMOVED") || failure.code().equals("NO_CARD")) {
                    // readers were not polled during the read (or the last poll still saw a card that has gone):
                    // record the removal now, so that the card put (back) on the reader is seen as a new insertion
                    // by the next poll, even when both happened between two polls
                    readers = readers.stream().map(r -> r.name().equals(reader) ? new ReaderStatus(reader, false) : r)
                            .toList();
                    events.emit("card-removed", Map.of("reader", reader));
                }
                log.record("read-failed", Map.of("code", failure.code()));
                LOG.info("read failed: {}", failure.code());
                events.emit("read-failed", failure);
            }
            changed();
        }
    }

    /** Progress events at most every 120 ms per file, plus each file's end. */
    private ProgressListener throttled() {
        return new ProgressListener() {
            private String lastFile;
            private long lastAt;

            @Override
            public void onProgress(String file, int done, int total) {
                long now = System.nanoTime();
                boolean end = total >= 0 && done >= total;
                if (end || !file.equals(lastFile) || now - lastAt >= PROGRESS_EVERY_MILLIS * 1_000_000L) {
                    lastFile = file;
                    lastAt = now;
                    events.emit("read-progress", new Progress(file, done, total));
                }
            }
        };
    }

    /** The data of a {@code read-progress} event. */
    public record Progress(String file, int done, int total) {
    }

    /** One person's time at the kiosk. */
    private static final class Session {
        final long id;
        Instant lastActivity;
        boolean warned;
        Phase phase = Phase.CONSENT;
        Consent consent;
        List<AccessKey> keys;
        /** The QR code the current keys came from, for the cross-check; null when typed. */
        CccdQr qr;
        final List<CardReadResult> cards = new ArrayList<>();
        boolean multiCard;
        boolean awaitingSecond;
        String readingReader;
        SessionState.Failure failure;
        final Map<String, StoredDocument> documents = new LinkedHashMap<>();

        Session(long id, Instant started) {
            this.id = id;
            this.lastActivity = started;
        }

        /** Drops every reference to personal data at once. */
        void clear() {
            keys = null;
            qr = null;
            cards.clear();
            documents.clear();
            consent = null;
        }
    }

    /** Where the session stands, for the UI. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SessionState(boolean active, Phase phase, List<CardSummary> cards, boolean multiCard,
            boolean awaitingSecondCard, Failure error, long idleTimeoutSeconds, long idleWarningSeconds) {
        public SessionState {
            cards = List.copyOf(cards);
        }

        /** A card read: its index and verdict only. */
        public record CardSummary(int index, String overall) {
        }

        /** A failed read: the {@code read-failed} event data. */
        public record Failure(String code, String message) {
        }
    }
}
