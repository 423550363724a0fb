package vn.cccd.kiosk.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import vn.cccd.kiosk.testing.FakeCardSource;
import vn.cccd.kiosk.testing.MutableClock;
import vn.cccd.kiosk.testing.TestCards;
import vn.cccd.mock.persona.Personas;
import vn.cccd.reader.keys.AccessKey;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.qr.CccdQr;
import vn.cccd.reader.qr.CccdQrParser;

/**
 * The session's steps on a clock moved by hand: no threads, no sleeps, no readers. Each legal step gives the
 * state the UI shows next; each step that does not fit gives its {@link SessionException} code and changes
 * nothing; inactivity warns and ends the session exactly at the configured instants; an ended session's data is gone.
 */
class SessionMachineTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final Duration WARNING = Duration.ofSeconds(30);
    private static final String READER = "Reader 0";
    private static final String A = "nguyen-van-a";
    private static final String B = "nguyen-thi-hong-nhung";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);
    private final SessionMachine m = new SessionMachine(clock, TIMEOUT, WARNING);

    private static List<AccessKey> keys(String persona) {
        return List.of(FakeCardSource.keyOf(persona));
    }

    private static Consent consent() {
        return new Consent("v1", "vi", "prefill-forms", Instant.parse("2026-03-01T08:00:00Z"));
    }

    private static StoredDocument doc(String id) {
        return new StoredDocument(id, "ct01", "REF-" + id, "%PDF".getBytes(StandardCharsets.US_ASCII),
                "{}".getBytes(StandardCharsets.US_ASCII), 1);
    }

    /** The QR code printed on a built-in persona's card (the reader's parser makes it a CccdQr). */
    private static CccdQr qrOf(String persona) {
        var p = Personas.builtIn(persona).person();
        DateTimeFormatter ddmmyyyy = DateTimeFormatter.ofPattern("ddMMyyyy");
        String text = p.idNumber() + "|" + (p.oldIdNumber() == null ? "" : p.oldIdNumber()) + "|" + p.fullName() + "|"
                + LocalDate.parse(p.dateOfBirth()).format(ddmmyyyy) + "|" + p.sex() + "|"
                + (p.placeOfResidence() == null ? "" : p.placeOfResidence()) + "|"
                + LocalDate.parse(p.issueDate()).format(ddmmyyyy);
        return CccdQrParser.parse(text, LocalDate.of(2026, 3, 1));
    }

    /** Start, agree, key of {@code persona}, card on the reader, read: READY with one card. */
    private SessionMachine.ReadOrder readOne(String persona) {
        m.begin();
        m.consent(consent());
        m.key(keys(persona), null);
        SessionMachine.ReadOrder order = m.startRead(READER);
        m.readSucceeded(order.sessionId(), TestCards.authentic(persona));
        return order;
    }

    private void assertRefused(ThrowingCallable step, String code) {
        SessionState before = m.state();
        assertThatThrownBy(step).isInstanceOfSatisfying(SessionException.class,
                e -> assertThat(e.code()).isEqualTo(code));
        assertThat(m.state()).as("a refused step changes nothing").isEqualTo(before);
    }

    // ---- legal steps --------------------------------------------------------------------------------------

    @Test
    void startAgreeKeyCardReadLeadsThroughEveryPhaseToReady() {
        SessionState none = m.state();
        assertThat(none.active()).isFalse();
        assertThat(none.phase()).isNull();
        assertThat(none.idleTimeoutSeconds()).isEqualTo(120);
        assertThat(none.idleWarningSeconds()).isEqualTo(30);

        assertThat(m.begin().phase()).isEqualTo(Phase.CONSENT);
        assertThat(m.consent(consent()).phase()).isEqualTo(Phase.KEY);
        assertThat(m.consent()).isEqualTo(consent());
        SessionState card = m.key(keys(A), null);
        assertThat(card.phase()).isEqualTo(Phase.CARD);
        assertThat(card.awaitingSecondCard()).isFalse();

        SessionMachine.ReadOrder order = m.startRead(READER);
        assertThat(order.reader()).isEqualTo(READER);
        assertThat(order.keys()).isEqualTo(keys(A));
        assertThat(order.sessionId()).isEqualTo(m.sessionId());
        assertThat(m.state().phase()).isEqualTo(Phase.READING);

        SessionState ready = m.readSucceeded(order.sessionId(), TestCards.authentic(A)).orElseThrow();
        assertThat(ready.phase()).isEqualTo(Phase.READY);
        assertThat(ready.cards()).containsExactly(new SessionState.CardSummary(0, "AUTHENTIC"));
        assertThat(m.cards()).extracting(c -> c.person().idNumber())
                .containsExactly(TestCards.person(A).idNumber());
    }

    @Test
    void aCardPutOnTheReaderStartsTheReadOnlyWhenTheSessionWaitsForOne() {
        assertThat(m.cardInserted(READER)).as("no session").isEmpty();
        m.begin();
        assertThat(m.cardInserted(READER)).as("consent not given").isEmpty();
        m.consent(consent());
        assertThat(m.cardInserted(READER)).as("no key yet").isEmpty();
        m.key(keys(A), null);
        SessionMachine.ReadOrder order = m.cardInserted(READER).orElseThrow();
        assertThat(order.reader()).isEqualTo(READER);
        assertThat(m.state().phase()).isEqualTo(Phase.READING);
        assertThat(m.cardInserted("Reader 1")).as("already reading").isEmpty();
    }

    @Test
    void aWrongKeyGoesBackToTheKeyStepAndDropsTheKey() {
        m.begin();
        m.consent(consent());
        m.key(keys(B), null);
        SessionMachine.ReadOrder order = m.startRead(READER);
        SessionState key = m.readFailed(order.sessionId(), new SessionState.Failure("ACCESS_DENIED", "BAC failed"))
                .orElseThrow();
        assertThat(key.phase()).isEqualTo(Phase.KEY);
        assertThat(key.error()).isEqualTo(new SessionState.Failure("ACCESS_DENIED", "BAC failed"));
        // the key is gone: no read without a new one
        assertRefused(() -> m.startRead(READER), "WRONG_STEP");
        SessionState again = m.key(keys(A), null);
        assertThat(again.phase()).isEqualTo(Phase.CARD);
        assertThat(again.error()).as("a new key clears the error").isNull();
        assertThat(m.startRead(READER).keys()).isEqualTo(keys(A));
    }

    @Test
    void anyOtherFailureKeepsTheKeyForARetryWithTheCardOnTheReader() {
        m.begin();
        m.consent(consent());
        m.key(keys(A), null);
        SessionMachine.ReadOrder first = m.startRead(READER);
        SessionState card = m.readFailed(first.sessionId(), new SessionState.Failure("CARD_REMOVED", "gone"))
                .orElseThrow();
        assertThat(card.phase()).isEqualTo(Phase.CARD);
        assertThat(card.error().code()).isEqualTo("CARD_REMOVED");

        SessionMachine.ReadOrder retry = m.retry(READER);
        assertThat(retry.keys()).isEqualTo(keys(A));
        assertThat(m.state().phase()).isEqualTo(Phase.READING);
        assertThat(m.state().error()).as("the retry clears the error").isNull();
        assertThat(m.readSucceeded(retry.sessionId(), TestCards.authentic(A)).orElseThrow().phase())
                .isEqualTo(Phase.READY);
    }

    @Test
    void aSecondCardForTheSameFormIsReadAfterTheFirstWhichMayLeaveTheReader() {
        readOne(A);
        SessionState awaiting = m.secondCard(keys(B), null);
        assertThat(awaiting.phase()).isEqualTo(Phase.CARD);
        assertThat(awaiting.multiCard()).isTrue();
        assertThat(awaiting.awaitingSecondCard()).isTrue();
        assertThat(m.cardRemoved(READER)).as("the first card leaves: the session stays").isFalse();
        assertThat(m.active()).isTrue();

        SessionMachine.ReadOrder second = m.cardInserted(READER).orElseThrow();
        assertThat(second.keys()).isEqualTo(keys(B));
        SessionState ready = m.readSucceeded(second.sessionId(), TestCards.authentic(B)).orElseThrow();
        assertThat(ready.phase()).isEqualTo(Phase.READY);
        assertThat(ready.awaitingSecondCard()).isFalse();
        assertThat(ready.cards()).hasSize(2);
        assertThat(m.cards()).extracting(c -> c.person().idNumber())
                .containsExactly(TestCards.person(A).idNumber(), TestCards.person(B).idNumber());
        assertThat(m.cardRemoved(READER)).as("multi-card session: removal never ends it").isFalse();
    }

    @Test
    void theCardTakenAwayAfterItsReadEndsTheSessionButNotBeforeOrDuringIt() {
        m.begin();
        m.consent(consent());
        m.key(keys(A), null);
        assertThat(m.cardRemoved(READER)).as("nothing read yet").isFalse();
        SessionMachine.ReadOrder order = m.startRead(READER);
        assertThat(m.cardRemoved(READER)).as("the read notices on its own").isFalse();
        assertThat(m.state().phase()).isEqualTo(Phase.READING);
        m.readSucceeded(order.sessionId(), TestCards.authentic(A));
        assertThat(m.cardRemoved(READER)).isTrue();
        assertThat(m.active()).isFalse();
        assertThat(m.cards()).isEmpty();
    }

    @Test
    void aQrCodeKeyIsCrossCheckedAgainstTheChipOnceRead() {
        m.begin();
        m.consent(consent());
        m.key(keys(A), qrOf(A));
        SessionMachine.ReadOrder order = m.startRead(READER);
        m.readSucceeded(order.sessionId(), TestCards.authentic(A));
        assertThat(m.cards().get(0).verification().qrMatchesChip()).isTrue();

        m.secondCard(keys(B), qrOf(A)); // the wrong person's QR code for the second card
        SessionMachine.ReadOrder second = m.startRead(READER);
        SessionState ready = m.readSucceeded(second.sessionId(), TestCards.authentic(B)).orElseThrow();
        assertThat(m.cards().get(1).verification().qrMatchesChip()).isFalse();
        assertThat(ready.cards().get(1).overall()).isEqualTo("NOT_AUTHENTIC");
    }

    @Test
    void startAgainEndsThePreviousSessionWithANewNumber() {
        readOne(A);
        long first = m.sessionId();
        m.store(doc("d1"));
        SessionState fresh = m.begin();
        assertThat(fresh.phase()).isEqualTo(Phase.CONSENT);
        assertThat(fresh.cards()).isEmpty();
        assertThat(m.sessionId()).isGreaterThan(first);
        assertThat(m.cards()).isEmpty();
        assertThat(m.document("d1")).isEmpty();
        assertThat(m.consent()).isNull();
    }

    // ---- steps that do not fit -------------------------------------------------------------------------------

    @Test
    void everyStepWithoutASessionIsRefusedWithNoSession() {
        assertRefused(() -> m.consent(consent()), "NO_SESSION");
        assertRefused(() -> m.key(keys(A), null), "NO_SESSION");
        assertRefused(() -> m.secondCard(keys(A), null), "NO_SESSION");
        assertRefused(() -> m.startRead(READER), "NO_SESSION");
        assertRefused(() -> m.retry(READER), "NO_SESSION");
        assertRefused(m::keepAlive, "NO_SESSION");
        assertRefused(m::useCards, "NO_SESSION");
        assertRefused(() -> m.store(doc("d1")), "NO_SESSION");
        assertThat(m.end()).isFalse();
        assertThat(m.cardRemoved(READER)).isFalse();
        assertThat(m.readSucceeded(1, TestCards.authentic(A))).isEmpty();
        assertThat(m.readFailed(1, new SessionState.Failure("CARD_REMOVED", "x"))).isEmpty();
        assertThat(m.cards()).isEmpty();
        assertThat(m.document("d1")).isEmpty();
    }

    @Test
    void stepsOutOfOrderAreRefusedWithTheirCode() {
        m.begin();
        assertRefused(() -> m.key(keys(A), null), "NO_CONSENT");
        assertRefused(() -> m.startRead(READER), "WRONG_STEP");
        assertRefused(() -> m.retry(READER), "WRONG_STEP");
        assertRefused(() -> m.secondCard(keys(B), null), "NO_CARD");
        m.consent(consent());
        assertRefused(() -> m.consent(consent()), "WRONG_STEP");
        assertRefused(() -> m.startRead(READER), "WRONG_STEP");
        m.key(keys(A), null);
        assertRefused(() -> m.retry(null), "NO_CARD_PRESENT");
        m.startRead(READER);
        assertRefused(() -> m.key(keys(A), null), "READING");
        assertRefused(() -> m.startRead(READER), "WRONG_STEP");
        assertRefused(() -> m.retry(READER), "WRONG_STEP");
        assertRefused(() -> m.secondCard(keys(B), null), "NO_CARD");
    }

    @Test
    void afterTheReadTheKeyStepIsClosedAndAFormTakesAtMostTwoCards() {
        readOne(A);
        assertRefused(() -> m.key(keys(B), null), "WRONG_STEP");
        assertRefused(() -> m.retry(READER), "WRONG_STEP");
        m.secondCard(keys(B), null);
        SessionMachine.ReadOrder second = m.startRead(READER);
        assertRefused(() -> m.secondCard(keys(B), null), "NO_CARD");
        m.readSucceeded(second.sessionId(), TestCards.authentic(B));
        assertRefused(() -> m.secondCard(keys(A), null), "TOO_MANY_CARDS");
        assertRefused(() -> m.key(keys(A), null), "WRONG_STEP");
        assertThat(SessionMachine.MAX_CARDS).isEqualTo(CardService.MAX_CARDS).isEqualTo(2);
    }

    @Test
    void aReadEndingAfterItsSessionEndedIsDropped() {
        m.begin();
        m.consent(consent());
        m.key(keys(A), null);
        SessionMachine.ReadOrder old = m.startRead(READER);
        m.end();
        m.begin();
        m.consent(consent());
        m.key(keys(B), null);
        SessionMachine.ReadOrder current = m.startRead(READER);
        assertThat(m.readSucceeded(old.sessionId(), TestCards.authentic(A))).isEmpty();
        assertThat(m.readFailed(old.sessionId(), new SessionState.Failure("CANCELLED", "x"))).isEmpty();
        assertThat(m.state().phase()).as("the current read is untouched").isEqualTo(Phase.READING);
        assertThat(m.cards()).isEmpty();
        m.readSucceeded(current.sessionId(), TestCards.authentic(B));
        assertThat(m.cards()).extracting(c -> c.person().idNumber()).containsExactly(TestCards.person(B).idNumber());
    }

    // ---- inactivity, on the clock ------------------------------------------------------------------------------

    @Test
    void inactivityWarnsOnceAtTimeoutMinusWarningThenEndsExactlyAtTheTimeout() {
        readOne(A);
        Instant lastActivity = clock.instant();
        clock.set(lastActivity.plus(Duration.ofSeconds(90)).minusNanos(1));
        assertThat(m.idle()).isInstanceOf(SessionMachine.Idle.Fine.class);
        clock.set(lastActivity.plus(Duration.ofSeconds(90)));
        assertThat(m.idle()).isEqualTo(new SessionMachine.Idle.Warn(30));
        assertThat(m.idle()).as("warned once").isInstanceOf(SessionMachine.Idle.Fine.class);
        clock.set(lastActivity.plus(TIMEOUT).minusNanos(1));
        assertThat(m.idle()).isInstanceOf(SessionMachine.Idle.Fine.class);
        assertThat(m.active()).isTrue();
        clock.set(lastActivity.plus(TIMEOUT));
        assertThat(m.idle()).isInstanceOf(SessionMachine.Idle.Expired.class);
        assertThat(m.active()).isFalse();
        assertThat(m.cards()).isEmpty();
        assertThat(m.idle()).as("nothing left to end").isInstanceOf(SessionMachine.Idle.Fine.class);
    }

    @Test
    void everyActivityRestartsTheCountAndAllowsANewWarning() {
        readOne(A);
        clock.advance(Duration.ofSeconds(100));
        assertThat(m.idle()).isEqualTo(new SessionMachine.Idle.Warn(20));
        m.keepAlive();
        Instant kept = clock.instant();
        clock.set(kept.plus(Duration.ofSeconds(119)));
        assertThat(m.idle()).as("first check after 119 s: warned with the 1 s left")
                .isEqualTo(new SessionMachine.Idle.Warn(1));
        m.useCards();
        clock.advance(Duration.ofSeconds(119));
        assertThat(m.idle()).isEqualTo(new SessionMachine.Idle.Warn(1));
        m.store(doc("d1"));
        clock.advance(Duration.ofSeconds(119));
        assertThat(m.idle()).isEqualTo(new SessionMachine.Idle.Warn(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(m.idle()).isInstanceOf(SessionMachine.Idle.Expired.class);
    }

    @Test
    void aReadInProgressNeverTimesOutAndItsEndCountsAsActivity() {
        m.begin();
        m.consent(consent());
        m.key(keys(A), null);
        SessionMachine.ReadOrder order = m.startRead(READER);
        clock.advance(Duration.ofHours(3));
        assertThat(m.idle()).isInstanceOf(SessionMachine.Idle.Fine.class);
        m.readSucceeded(order.sessionId(), TestCards.authentic(A));
        clock.advance(TIMEOUT.minusNanos(1));
        assertThat(m.idle()).isEqualTo(new SessionMachine.Idle.Warn(1));
        clock.advance(Duration.ofNanos(1));
        assertThat(m.idle()).isInstanceOf(SessionMachine.Idle.Expired.class);
    }

    @Test
    void aWarningBeforeTheTimeoutIsRequired() {
        assertThatThrownBy(() -> new SessionMachine(clock, TIMEOUT, TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- the session's data ------------------------------------------------------------------------------------

    @Test
    void endingTheSessionDropsCardsConsentAndDocuments() {
        readOne(A);
        m.store(doc("d1"));
        assertThat(m.document("d1")).isPresent();
        assertThat(m.useCards()).hasSize(1);
        assertThat(m.end()).isTrue();
        assertThat(m.active()).isFalse();
        assertThat(m.sessionId()).isZero();
        assertThat(m.cards()).isEmpty();
        assertThat(m.document("d1")).isEmpty();
        assertThat(m.consent()).isNull();
        assertThat(m.state().active()).isFalse();
        assertThat(m.end()).as("ending twice").isFalse();
    }

    @Test
    void aSessionKeepsItsTenLatestDocuments() {
        m.begin();
        for (int i = 1; i <= SessionDocuments.MAX + 2; i++) {
            m.store(doc("d" + i));
        }
        assertThat(m.document("d1")).isEmpty();
        assertThat(m.document("d2")).isEmpty();
        for (int i = 3; i <= SessionDocuments.MAX + 2; i++) {
            assertThat(m.document("d" + i)).as("d" + i).isPresent();
        }
        assertThat(m.document("d3").orElseThrow().formId()).isEqualTo("ct01");
    }

    @Test
    void cardsReturnedAreACopyThatTheSessionDoesNotChangeLater() {
        readOne(A);
        List<CardReadResult> seen = m.cards();
        m.secondCard(keys(B), null);
        m.readSucceeded(m.startRead(READER).sessionId(), TestCards.authentic(B));
        assertThat(seen).hasSize(1);
        assertThat(m.cards()).hasSize(2);
    }
}
