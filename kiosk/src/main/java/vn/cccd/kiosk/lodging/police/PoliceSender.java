package vn.cccd.kiosk.lodging.police;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cccd.kiosk.delivery.Backoff;
import vn.cccd.kiosk.delivery.DeliveryRecorder;
import vn.cccd.kiosk.delivery.DeliveryThread;
import vn.cccd.kiosk.lodging.Guest;
import vn.cccd.kiosk.lodging.GuestRegister;

/**
 * Sends the police outbox ({@link PoliceOutbox}): for a night, its guests not yet notified, Vietnamese and foreign
 * guests in their own arrays; for an early checkout, the API12 change. A guest is marked notified only when the
 * answer confirms that guest ({@link PortalAnswer}); the night is NOTIFIED only when every guest is. A call without
 * an answer (connection, time-out, 5xx, the login endpoint down) is retried after a growing delay (first retry,
 * doubled each time, capped, up to 10 % jitter); refusals, success for fewer guests than sent and a refused login
 * make the row FAILED with the reason, for the owner. A resend after a lost answer is safe: the portal refuses a
 * guest already declared as a duplicate, which confirms that guest.
 *
 * <p>Logs and the processing log carry nights, counts and reasons only: no guest data, no credential, no token.
 */
public final class PoliceSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PoliceSender.class);
    private static final int BATCH = 10;
    private static final Duration IDLE_POLL = Duration.ofSeconds(60);

    private final PoliceOutbox outbox;
    private final GuestRegister register;
    private final PoliceClient client;
    private final Clock clock;
    private final Duration firstRetry;
    private final Backoff backoff;
    private final DeliveryRecorder recorder;
    private final DeliveryThread thread = new DeliveryThread("lodging-police", this::passAndWait);

    public PoliceSender(PoliceOutbox outbox, GuestRegister register, PoliceClient client, Clock clock,
            Duration firstRetry, Duration maxRetry, DeliveryRecorder recorder) {
        this.outbox = outbox;
        this.register = register;
        this.client = client;
        this.clock = clock;
        this.firstRetry = firstRetry;
        this.backoff = new Backoff(firstRetry, maxRetry);
        this.recorder = recorder;
    }

    /** Starts the sending thread; notices left pending by an earlier run are sent first. */
    public void start() {
        thread.start();
    }

    /** Something was queued: send now rather than at the next poll. */
    public void wake() {
        thread.wake();
    }

    private Duration passAndWait() {
        try {
            pass();
            return DeliveryThread.untilNext(outbox.nextDue(), clock.instant(), IDLE_POLL);
        } catch (RuntimeException e) {
            if (thread.stopped()) {
                return Duration.ZERO; // closing: the register may already be closing too
            }
            // never spin on a failing pass (the register unavailable): wait at least the first delay
            LOG.warn("police outbox pass failed: {}", e.getClass().getSimpleName());
            return Duration.ofMillis(Math.max(firstRetry.toMillis(), 1000));
        }
    }

    /** Sends what is due now (one pass at a time: the thread and a caller never send the same row side by side). */
    synchronized void pass() {
        for (PoliceOutbox.Entry e : outbox.due(clock.instant(), BATCH)) {
            if (thread.stopped()) {
                return;
            }
            try {
                send(e);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                thread.stop();
                return;
            }
        }
    }

    /** What one attempt gave: guests confirmed now, refusals for the owner, a reason to retry. */
    private static final class Attempt {
        int confirmed;
        final List<String> refusals = new ArrayList<>();
        String retryBecause;
    }

    private void send(PoliceOutbox.Entry e) throws InterruptedException {
        int attempt = e.attempts() + 1;
        Attempt a = new Attempt();
        int total;
        try {
            total = e.kind() == PoliceOutbox.Kind.NIGHT ? sendNight(e.night(), a) : sendCheckout(e.guestId(), a);
        } catch (PoliceClient.LoginRefused x) {
            a.refusals.add(x.getMessage());
            total = -1;
        } catch (PoliceClient.Unreachable x) {
            a.retryBecause = x.getMessage();
            total = -1;
        }
        String what = e.kind() == PoliceOutbox.Kind.NIGHT ? e.night().toString() : "checkout";
        Instant now = clock.instant();
        if (a.retryBecause != null) {
            Duration delay = delay(attempt);
            String problem = join(a.refusals, a.retryBecause + "; thử lại sau " + delay.toSeconds() + " giây / next attempt"
                    + " after " + delay.toSeconds() + " s");
            outbox.retry(e, attempt, a.confirmed, now.plus(delay), problem);
            if (Backoff.worthLogging(attempt)) {
                LOG.warn("police notice {} attempt {}: {}", what, attempt, a.retryBecause);
            }
            recorder.record("lodging-police-retry", Map.of("notice", what, "attempt", attempt));
        } else if (a.refusals.isEmpty()) {
            outbox.notified(e, attempt, a.confirmed, now, total == 0 ? "không còn khách nào để gửi / nothing left to"
                    + " send: every guest was already notified" : null);
            LOG.info("police notice {} confirmed ({} guests, attempt {})", what, a.confirmed, attempt);
            recorder.record("lodging-police-notified", Map.of("notice", what, "guests", a.confirmed,
                    "attempt", attempt));
        } else {
            outbox.failed(e, attempt, a.confirmed, now, join(a.refusals, null));
            LOG.warn("police notice {} not confirmed: {} reason(s) shown to the owner", what, a.refusals.size());
            recorder.record("lodging-police-failed", Map.of("notice", what, "guests", a.confirmed,
                    "reasons", a.refusals.size(), "attempt", attempt));
        }
    }

    /** Sends the night's not yet notified guests; returns how many there were. */
    private int sendNight(LocalDate night, Attempt a)
            throws PoliceClient.LoginRefused, PoliceClient.Unreachable, InterruptedException {
        List<Guest> open = register.night(night).stream().filter(g -> g.notifiedAt() == null).toList();
        List<Guest> vietnamese = open.stream().filter(g -> !g.foreign()).toList();
        List<Guest> foreign = open.stream().filter(Guest::foreign).toList();
        if (!vietnamese.isEmpty()) {
            sendBatch(PoliceClient.VIETNAMESE, PolicePayload.of(vietnamese, false), a);
        }
        if (!foreign.isEmpty() && a.retryBecause == null) {
            sendBatch(PoliceClient.FOREIGN, PolicePayload.of(foreign, true), a);
        }
        return open.size();
    }

    private void sendBatch(String path, PolicePayload.Batch b, Attempt a)
            throws PoliceClient.LoginRefused, PoliceClient.Unreachable, InterruptedException {
        b.refused().forEach((g, why) -> a.refusals.add(guest(g) + ": không gửi / not sent, " + why));
        if (b.records().isEmpty()) {
            return;
        }
        PortalAnswer answer = client.post(path, b.records());
        List<String> ids = new ArrayList<>();
        for (int i : answer.confirmed()) {
            ids.add(b.guests().get(i - 1).id());
        }
        a.confirmed += register.markNotified(ids);
        answer.refused().forEach((i, why) -> a.refusals.add(guest(b.guests().get(i - 1)) + ": " + why));
        if (answer.transientFailure()) {
            a.retryBecause = answer.problem();
        } else if (answer.problem() != null) {
            a.refusals.add(answer.problem());
        }
    }

    /** An early checkout (API12 "TS"); 0 when the guest is gone (deleted or erased): nothing to send. */
    private int sendCheckout(String guestId, Attempt a)
            throws PoliceClient.LoginRefused, PoliceClient.Unreachable, InterruptedException {
        Optional<Guest> g = register.get(guestId);
        if (g.isEmpty()) {
            return 0;
        }
        Map<String, Object> record;
        try {
            record = PolicePayload.earlyCheckout(g.get());
        } catch (IllegalArgumentException x) {
            a.refusals.add(guest(g.get()) + ": không gửi / not sent, " + x.getMessage());
            return 1;
        }
        PortalAnswer answer = client.post(PoliceClient.CHECKOUT, List.of(record));
        answer.refused().forEach((i, why) -> a.refusals.add(guest(g.get()) + ": " + why));
        if (answer.transientFailure()) {
            a.retryBecause = answer.problem();
        } else if (answer.problem() != null) {
            a.refusals.add(answer.problem());
        } else {
            a.confirmed = 1;
        }
        return 1;
    }

    /** How the owner finds the guest: the room, never the name or number. */
    private static String guest(Guest g) {
        return "khách phòng " + g.room() + " / guest in room " + g.room();
    }

    private static String join(List<String> reasons, String last) {
        List<String> all = new ArrayList<>(reasons);
        if (last != null) {
            all.add(last);
        }
        return String.join("; ", all);
    }

    /** The wait after the {@code attempt}-th failure ({@link Backoff}). */
    Duration delay(int attempt) {
        return backoff.after(attempt);
    }

    @Override
    public void close() {
        thread.close();
    }
}
