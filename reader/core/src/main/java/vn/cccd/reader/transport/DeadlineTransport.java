package vn.cccd.reader.transport;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import vn.cccd.reader.error.CardLostException;
import vn.cccd.reader.error.ReaderException;
import vn.cccd.reader.error.TransportException;

/**
 * Bounds every exchange in time: a card (or reader driver) that stops answering would otherwise block the
 * reading thread inside the PC/SC library for as long as the driver likes. The exchange runs on a daemon thread;
 * when it does not finish within the deadline the card is treated as lost, the wrapped transport is abandoned (which
 * releases the card without resetting it) and {@link CardLostException} is thrown. A late answer is discarded.
 */
public final class DeadlineTransport extends ForwardingTransport {
    /** Generous for any eMRTD command (RSA Active Authentication on slow chips takes about a second). */
    public static final Duration DEFAULT = Duration.ofSeconds(10);

    private final Duration deadline;
    private final ThreadPoolExecutor worker;
    private volatile boolean lost;

    public DeadlineTransport(CardTransport inner, Duration deadline) {
        super(inner);
        this.deadline = deadline;
        // one thread that goes away when idle, so a transport nobody closes leaks nothing
        this.worker = new ThreadPoolExecutor(1, 1, 2, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "card-exchange");
            t.setDaemon(true);
            return t;
        });
        this.worker.allowCoreThreadTimeOut(true);
    }

    @Override
    public byte[] transceive(byte[] command) {
        if (lost) {
            throw new CardLostException("the card stopped answering earlier in this session");
        }
        Future<byte[]> answer = worker.submit(() -> inner.transceive(command));
        try {
            return answer.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            lost = true;
            answer.cancel(true);
            closeQuietly();
            throw new CardLostException("the card stopped answering (no answer within " + deadline.toMillis() + " ms)");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ReaderException r) {
                throw r;
            }
            throw new TransportException("the exchange with the card failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            throw new CardLostException("the read was interrupted");
        }
    }

    private void closeQuietly() {
        // on another thread: the stuck exchange may hold the PC/SC handle until the driver gives up
        Thread closer = new Thread(() -> {
            try {
                inner.abandon();
            } catch (RuntimeException ignored) {
                // the card is gone anyway
            }
        }, "card-release");
        closer.setDaemon(true);
        closer.start();
    }

    @Override
    public void close() {
        worker.shutdownNow();
        if (!lost) {
            inner.close();
        }
    }

    @Override
    public void abandon() {
        worker.shutdownNow();
        if (!lost) {
            lost = true;
            inner.abandon();
        }
    }
}
