package vn.cccd.kiosk.hospital;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cccd.kiosk.delivery.Backoff;
import vn.cccd.kiosk.delivery.DeliveryRecorder;
import vn.cccd.kiosk.delivery.DeliveryThread;

/**
 * Delivers check-ins to the hospital system from the durable outbox ({@link CheckinStore}): one thread POSTs each
 * pending check-in as JSON, with an {@code Idempotency-Key} header (the check-in id, also in the body); a {@code 2xx}
 * answer marks it delivered, anything else (refused connection, time-out, non-2xx) schedules a retry after an
 * exponentially growing delay (first retry delay, doubled each time, capped, with up to 10 % jitter). Nothing is
 * dropped: a check-in stays in the outbox until the hospital system accepts it, across restarts.
 *
 * <p>Delivery is at-least-once: if the kiosk dies after the hospital system accepted a check-in but before the
 * outbox recorded it, it is sent again after the restart with the same idempotency key, which the receiver uses to
 * ignore the repeat. Redirects are not followed (personal data goes only to the configured address). Logs name
 * check-in ids and HTTP statuses only.
 */
public final class WebhookSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    /** Check-ins sent per pass before the outbox is looked at again. */
    private static final int BATCH = 20;
    /** The outbox is looked at at least this often, even without a new check-in. */
    private static final Duration IDLE_POLL = Duration.ofSeconds(30);

    private final URI url;
    private final CheckinStore store;
    private final Function<String, Optional<byte[]>> payload;
    private final Clock clock;
    private final Duration timeout;
    private final Duration firstRetry;
    private final Backoff backoff;
    private final DeliveryRecorder recorder;
    private final HttpClient http;
    private final DeliveryThread thread = new DeliveryThread("hospital-webhook", this::passAndWait);

    /**
     * @param payload the JSON body of a check-in by id (empty when the check-in was erased meanwhile)
     */
    public WebhookSender(URI url, CheckinStore store, Function<String, Optional<byte[]>> payload, Clock clock,
            Duration timeout, Duration firstRetry, Duration maxRetry, DeliveryRecorder recorder) {
        this.url = url;
        this.store = store;
        this.payload = payload;
        this.clock = clock;
        this.timeout = timeout;
        this.firstRetry = firstRetry;
        this.backoff = new Backoff(firstRetry, maxRetry);
        this.recorder = recorder;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Starts the delivery thread; pending check-ins of an earlier run are sent first. */
    public void start() {
        thread.start();
    }

    /** A new check-in is in the outbox: send it now rather than at the next poll. */
    public void wake() {
        thread.wake();
    }

    private Duration passAndWait() {
        boolean failed = false;
        try {
            pass();
        } catch (RuntimeException e) {
            failed = true;
            LOG.warn("webhook outbox pass failed: {}", e.getClass().getSimpleName());
        }
        long waitMillis = IDLE_POLL.toMillis();
        try {
            waitMillis = DeliveryThread.untilNext(store.nextDue(), clock.instant(), IDLE_POLL).toMillis();
        } catch (RuntimeException e) {
            // the store is unavailable: try again after the idle poll
        }
        if (failed) {
            // never spin on a failing pass (store down, an unexpected error): wait at least the first delay
            waitMillis = Math.max(waitMillis, firstRetry.toMillis());
        }
        return Duration.ofMillis(waitMillis);
    }

    /** Sends what is due; package-visible for tests. */
    void pass() {
        List<CheckinStore.Pending> due = store.due(clock.instant(), BATCH);
        for (CheckinStore.Pending p : due) {
            if (thread.stopped()) {
                return;
            }
            send(p);
        }
    }

    private void send(CheckinStore.Pending p) {
        int attempt = p.attempts() + 1;
        Optional<byte[]> body;
        try {
            body = payload.apply(p.checkinId());
        } catch (RuntimeException e) {
            // a row that cannot be read (wrong key, damage) must not hold up the others: retried later like a failure
            Duration delay = delay(attempt);
            store.failed(p.checkinId(), attempt, clock.instant().plus(delay), e.getClass().getSimpleName());
            LOG.warn("check-in {}: cannot be read for delivery ({})", p.checkinId(), e.getClass().getSimpleName());
            return;
        }
        if (body.isEmpty()) {
            // erased (data-subject request or retention) before it could be sent: nothing left to deliver
            store.delivered(p.checkinId(), clock.instant());
            return;
        }
        String problem;
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("Idempotency-Key", p.checkinId())
                    .header("User-Agent", "cccd-kiosk")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.get())).build();
            HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() >= 200 && r.statusCode() < 300) {
                store.delivered(p.checkinId(), clock.instant());
                recorder.record("hospital-webhook-delivered", Map.of("reference", p.checkinId(), "attempts", attempt));
                LOG.info("check-in {} delivered to the hospital system (attempt {})", p.checkinId(), attempt);
                return;
            }
            problem = "HTTP " + r.statusCode();
        } catch (IOException e) {
            problem = e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.stop();
            return;
        }
        Duration delay = delay(attempt);
        store.failed(p.checkinId(), attempt, clock.instant().plus(delay), problem);
        if (Backoff.worthLogging(attempt)) {
            LOG.warn("check-in {}: delivery attempt {} failed ({}), next in {} ms", p.checkinId(), attempt, problem,
                    delay.toMillis());
        }
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
