package vn.cccd.kiosk.lodging.police;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import vn.cccd.kiosk.config.PoliceApiConfig;
import vn.cccd.kiosk.delivery.DeliveryRecorder;
import vn.cccd.kiosk.lodging.Guest;
import vn.cccd.kiosk.lodging.GuestRegister;
import vn.cccd.kiosk.store.Database;

/**
 * The optional direct submission of the lodging notice to the police API ({@code lodging.police.*}, off by default;
 * docs/LODGING.md): a registration queues its night's notice, an early checkout of a Vietnamese guest queues the
 * checkout change, the owner may resend a night; {@link PoliceSender} delivers them from the durable
 * {@link PoliceOutbox}. {@link #status} tells the desk where a night stands.
 */
public final class PoliceSubmission implements AutoCloseable {
    private final PoliceOutbox outbox;
    private final PoliceSender sender;
    private final Clock clock;

    public PoliceSubmission(PoliceApiConfig config, Database db, GuestRegister register, Clock clock,
            DeliveryRecorder recorder) {
        this.outbox = new PoliceOutbox(db);
        this.clock = clock;
        this.sender = new PoliceSender(outbox, register, new PoliceClient(config, clock), clock, config.firstRetry(),
                config.maxRetry(), recorder);
    }

    /** Starts sending (notices left pending by an earlier run first). */
    public void start() {
        sender.start();
    }

    /** Sends what is due now, in the caller's thread (a trigger for tests and tools; the sender also runs alone). */
    public void sendDue() {
        sender.pass();
    }

    public PoliceOutbox outbox() {
        return outbox;
    }

    /** A guest was registered: the night of the arrival gets (again) a notice to send. */
    public void registered(Guest g) {
        queue(GuestRegister.nightOf(LocalDateTime.parse(g.arrival())));
    }

    /** Queues the night's notice now (a new guest, or the owner resends after a failure). */
    public void queue(LocalDate night) {
        outbox.queueNight(night, clock.instant());
        sender.wake();
    }

    /**
     * A guest checked out: a Vietnamese guest who had been notified and leaves before the expected departure gets
     * the API12 "TS" change; the guide documents it for Vietnamese guests only.
     */
    public void checkedOut(Guest g) {
        if (g.foreign() || g.notifiedAt() == null || g.checkedOutAt() == null
                || g.checkedOutAt().substring(0, 10).compareTo(g.departure()) >= 0) {
            return;
        }
        outbox.queueCheckout(g.id(), clock.instant());
        sender.wake();
    }

    /**
     * Where a night stands with the police API, for the desk: NOT_SENT (nothing queued), SENDING (queued or retrying;
     * the last failure in {@code problem}), NOTIFIED (every guest confirmed, at {@code at}), FAILED (why, in
     * {@code problem}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NightStatus(boolean enabled, String state, String at, Integer attempts, Integer confirmed,
            String problem) {
        static NightStatus off() {
            return new NightStatus(false, "OFF", null, null, null, null);
        }
    }

    public NightStatus status(LocalDate night) {
        Optional<PoliceOutbox.Entry> e = outbox.night(night);
        if (e.isEmpty()) {
            return new NightStatus(true, "NOT_SENT", null, null, null, null);
        }
        PoliceOutbox.Entry x = e.get();
        String state = switch (x.state()) {
            case PENDING -> "SENDING";
            case NOTIFIED -> "NOTIFIED";
            case FAILED -> "FAILED";
        };
        return new NightStatus(true, state, x.doneAt() == null ? null : x.doneAt().toString(), x.attempts(),
                x.confirmed(), x.problem());
    }

    /** The status when the submission is not configured. */
    public static NightStatus off() {
        return NightStatus.off();
    }

    @Override
    public void close() {
        sender.close();
    }
}
