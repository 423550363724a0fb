package vn.cccd.kiosk.cards;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.cccd.reader.keys.AccessKey;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.qr.CccdQr;
import vn.cccd.reader.qr.QrChipMatch;

/**
 * One person's session as a plain state machine: {@link Phase#CONSENT} → {@link Phase#KEY} → {@link Phase#CARD} →
 * {@link Phase#READING} → {@link Phase#READY} (a failed read goes back to CARD, or to KEY when the key was wrong; a
 * second card goes from READY to CARD again). No threads, no I/O: every step is a method that returns the new state
 * or throws {@link SessionException} when it does not fit the current one, and inactivity is measured on the given
 * {@link Clock}. {@link CardService} does the events, the processing log, the readers and the reads around it.
 *
 * <p>Not thread-safe: the card service calls it under its own lock. Ending a session drops every reference to its
 * personal data (keys, QR code, cards read, consent, documents) at once.
 */
final class SessionMachine {
    /** A form takes at most two cards (the parents of a birth registration). */
    static final int MAX_CARDS = 2;

    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration idleWarning;
    private Session session;
    private long nextSessionId = 1;

    /** What {@link #startRead} asks for: read the card on {@code reader} with {@code keys}, for that session. */
    record ReadOrder(long sessionId, String reader, List<AccessKey> keys) {
    }

    /** What the inactivity check found. */
    sealed interface Idle {
        /** Active enough (or reading, or no session): nothing to do. */
        record Fine() implements Idle {
        }

        /** Time to warn the person, once per quiet spell: {@code secondsLeft} before the wipe (at least 1). */
        record Warn(long secondsLeft) implements Idle {
        }

        /** The timeout passed: the session has been ended. */
        record Expired() implements Idle {
        }
    }

    SessionMachine(Clock clock, Duration idleTimeout, Duration idleWarning) {
        if (!idleWarning.minus(idleTimeout).isNegative()) {
            throw new IllegalArgumentException("the idle warning must come before the timeout");
        }
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.idleWarning = idleWarning;
    }

    // ---- the person's steps -------------------------------------------------------------------------------

    /** A new session (the person pressed Start); a previous one is ended first. */
    SessionState begin() {
        end();
        session = new Session(nextSessionId++, clock.instant());
        return state();
    }

    /** CONSENT → KEY. */
    SessionState consent(Consent consent) {
        Session s = require();
        if (s.phase != Phase.CONSENT) {
            throw new SessionException("WRONG_STEP", "consent was already given");
        }
        s.consent = Objects.requireNonNull(consent);
        s.phase = Phase.KEY;
        touch(s);
        return state();
    }

    /**
     * The key of the card to read next (KEY, CARD or READY awaiting a second card → CARD), with the QR code it came
     * from or null when typed.
     */
    SessionState key(List<AccessKey> keys, CccdQr qr) {
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
        return state();
    }

    /**
     * Another person's card for the same form (the other parent): after a card was read, → CARD awaiting that
     * card; from now on the first card may leave the reader without ending the session.
     */
    SessionState secondCard(List<AccessKey> keys, CccdQr qr) {
        Session s = require();
        if (s.cards.isEmpty() || s.phase == Phase.READING) {
            throw new SessionException("NO_CARD", "read the first card before a second one");
        }
        if (s.cards.size() >= MAX_CARDS) {
            throw new SessionException("TOO_MANY_CARDS", "a form takes at most " + MAX_CARDS + " cards");
        }
        s.multiCard = true;
        s.awaitingSecond = true;
        return key(keys, qr);
    }

    /** CARD → READING on {@code reader}. */
    ReadOrder startRead(String reader) {
        Session s = require();
        if (s.phase != Phase.CARD) {
            throw new SessionException("WRONG_STEP", "no key to read a card with");
        }
        s.phase = Phase.READING;
        s.readingReader = Objects.requireNonNull(reader);
        s.failure = null;
        return new ReadOrder(s.id, reader, s.keys);
    }

    /** Reads again after a failure (CARD → READING), on the reader that has a card ({@code null}: none has). */
    ReadOrder retry(String readerWithCard) {
        Session s = require();
        if (s.phase != Phase.CARD) {
            throw new SessionException("WRONG_STEP", "nothing to retry");
        }
        touch(s);
        if (readerWithCard == null) {
            throw new SessionException("NO_CARD_PRESENT", "no card is on a reader");
        }
        return startRead(readerWithCard);
    }

    /** The person is still there. */
    SessionState keepAlive() {
        touch(require());
        return state();
    }

    /** Ends the session, dropping all its data; false when there was none. */
    boolean end() {
        Session s = session;
        session = null;
        if (s == null) {
            return false;
        }
        s.clear();
        return true;
    }

    // ---- what the readers and the read report ---------------------------------------------------------------

    /** A card was put on {@code reader}: read it when the session waits for a card (CARD → READING). */
    Optional<ReadOrder> cardInserted(String reader) {
        Session s = session;
        return s != null && s.phase == Phase.CARD ? Optional.of(startRead(reader)) : Optional.empty();
    }

    /**
     * A card left {@code reader}. Ends the session (true) when a card was read and no second card is on the way;
     * the card being read is left to its read, which fails on its own (the person can put it back).
     */
    boolean cardRemoved(String reader) {
        Session s = session;
        if (s == null || s.phase == Phase.READING && reader.equals(s.readingReader)) {
            return false;
        }
        return !s.cards.isEmpty() && !s.multiCard && end();
    }

    /** READING → READY with the card read; empty when that session has ended meanwhile (the result is dropped). */
    Optional<SessionState> readSucceeded(long sessionId, CardReadResult result) {
        Session s = reading(sessionId);
        if (s == null) {
            return Optional.empty();
        }
        if (s.qr != null && result.verification() != null) {
            result = result.withVerification(result.verification()
                    .withQrMatchesChip(QrChipMatch.qrMatchesChip(s.qr, result.person())));
        }
        s.qr = null;
        s.cards.add(result);
        s.phase = Phase.READY;
        s.awaitingSecond = false;
        return Optional.of(state());
    }

    /**
     * READING → KEY after a wrong key (the key is dropped: a new one is needed), → CARD after anything else (a retry
     * with the card on the reader may work); empty when that session has ended meanwhile.
     */
    Optional<SessionState> readFailed(long sessionId, SessionState.Failure failure) {
        Session s = reading(sessionId);
        if (s == null) {
            return Optional.empty();
        }
        s.failure = Objects.requireNonNull(failure);
        if (failure.code().equals("ACCESS_DENIED")) {
            s.phase = Phase.KEY;
            s.keys = null;
            s.qr = null;
        } else {
            s.phase = Phase.CARD;
        }
        return Optional.of(state());
    }

    private Session reading(long sessionId) {
        Session s = session;
        if (s == null || s.id != sessionId) {
            return null;
        }
        s.readingReader = null;
        touch(s);
        return s;
    }

    /**
     * Inactivity as of the clock's now: past the timeout the session is ended ({@link Idle.Expired}); past the
     * timeout minus the warning the person is warned once until the next activity. Never during a read.
     */
    Idle idle() {
        Session s = session;
        if (s == null || s.phase == Phase.READING) {
            return new Idle.Fine();
        }
        Duration idle = Duration.between(s.lastActivity, clock.instant());
        if (idle.compareTo(idleTimeout) >= 0) {
            end();
            return new Idle.Expired();
        }
        if (!s.warned && idle.compareTo(idleTimeout.minus(idleWarning)) >= 0) {
            s.warned = true;
            return new Idle.Warn(Math.max(1, idleTimeout.minus(idle).toSeconds()));
        }
        return new Idle.Fine();
    }

    // ---- what the session holds --------------------------------------------------------------------------

    boolean active() {
        return session != null;
    }

    /** The session's number (never reused), or 0 without one. */
    long sessionId() {
        return session == null ? 0 : session.id;
    }

    /** The consent given in this session, or null. */
    Consent consent() {
        return session == null ? null : session.consent;
    }

    /** The cards read, in order; empty without a session. */
    List<CardReadResult> cards() {
        return session == null ? List.of() : List.copyOf(session.cards);
    }

    /** The cards read, for an action on them (counts as activity). */
    List<CardReadResult> useCards() {
        Session s = require();
        touch(s);
        return List.copyOf(s.cards);
    }

    /** Keeps a rendered form until the session ends (counts as activity). */
    StoredDocument store(StoredDocument doc) {
        Session s = require();
        s.documents.put(doc);
        touch(s);
        return doc;
    }

    Optional<StoredDocument> document(String id) {
        return session == null ? Optional.empty() : session.documents.get(id);
    }

    /** What the UI shows (no personal data). */
    SessionState state() {
        Session s = session;
        if (s == null) {
            return new SessionState(false, null, List.of(), false, false, null, idleTimeout.toSeconds(),
                    idleWarning.toSeconds());
        }
        List<SessionState.CardSummary> cards = new ArrayList<>();
        for (int i = 0; i < s.cards.size(); i++) {
            CardReadResult c = s.cards.get(i);
            cards.add(new SessionState.CardSummary(i, c.verification() == null ? null
                    : c.verification().overall().name()));
        }
        return new SessionState(true, s.phase, cards, s.multiCard, s.awaitingSecond, s.failure,
                idleTimeout.toSeconds(), idleWarning.toSeconds());
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
        final SessionDocuments documents = new SessionDocuments();

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
}
