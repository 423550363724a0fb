package vn.cccd.kiosk.web.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads request bodies without holding a server thread: Jetty calls back as bytes arrive (demand-based reading),
 * and the route runs on a pool thread only once the whole body is here. A body must arrive within
 * {@link #DEADLINE} (a client sending a byte every few seconds is cut off) and at most {@link #MAX_AT_ONCE} bodies
 * are read at once (each may be an image of several megabytes); more is refused at once with 503.
 */
final class BodyReader {
    static final Duration DEADLINE = Duration.ofSeconds(10);
    static final int MAX_AT_ONCE = 32;
    /** A declared-too-large body up to this size is read and dropped before the 413, so the client sees it. */
    static final long DRAIN_LIMIT = 16L << 20;

    private final Semaphore slots = new Semaphore(MAX_AT_ONCE);

    /** Whether the request says it has a body (a length above zero, or chunks). */
    static boolean hasBody(Request request) {
        return request.getLength() > 0 || request.getHeaders().contains("Transfer-Encoding");
    }

    /**
     * Reads up to {@code max} bytes, then runs {@code then} with them on a server thread; a body too large, broken
     * off or late, or no free slot, goes to {@code failed} instead (on some thread; exactly one of the two runs).
     */
    void read(Request request, int max, Consumer<byte[]> then, Consumer<ApiException> failed) {
        if (!slots.tryAcquire()) {
            failed.accept(new ApiException(503, "BUSY", "too many requests are sending a body; try again",
                    Map.of("retryAfterSeconds", 1)));
            return;
        }
        AtomicBoolean over = new AtomicBoolean();
        long declared = request.getLength();
        Scheduler.Task late = request.getComponents().getScheduler().schedule(() -> {
            if (over.compareAndSet(false, true)) {
                slots.release();
                failed.accept(declared > max ? tooLarge(max)
                        : new ApiException(408, "TIMEOUT", "the body did not arrive in time"));
            }
        }, DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        if (declared > max && declared <= DRAIN_LIMIT) {
            // read and drop a declared-too-large body before answering: a connection closed while the client is
            // still sending is reset, and the client never sees the 413 (it reports a broken connection instead)
            Content.Source.consumeAll(request, Callback.from(() -> refuse(over, late, failed, max),
                    x -> refuse(over, late, failed, max)));
            return;
        }
        Content.Source.asByteArrayAsync(request, max, new Promise.Invocable.NonBlocking<>() {
            @Override
            public void succeeded(byte[] body) {
                if (over.compareAndSet(false, true)) {
                    late.cancel();
                    slots.release();
                    // routes may block (card, PDF, database): never on the thread that delivered the bytes
                    request.getContext().execute(() -> then.accept(body));
                }
            }

            @Override
            public void failed(Throwable x) {
                if (over.compareAndSet(false, true)) {
                    late.cancel();
                    slots.release();
                    failed.accept(tooLarge(max));
                }
            }
        });
    }

    private void refuse(AtomicBoolean over, Scheduler.Task late, Consumer<ApiException> failed, int max) {
        if (over.compareAndSet(false, true)) {
            late.cancel();
            slots.release();
            failed.accept(tooLarge(max));
        }
    }

    private static ApiException tooLarge(int max) {
        return new ApiException(413, "TOO_LARGE", "the body is larger than " + max + " bytes or broken off");
    }
}
