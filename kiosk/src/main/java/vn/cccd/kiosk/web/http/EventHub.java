package vn.cccd.kiosk.web.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cccd.kiosk.cards.SessionEvents;
import vn.cccd.reader.model.Json;

/**
 * Server-Sent Events ({@code GET /api/events}) on Jetty core: each client gets {@code event: NAME / data: JSON}
 * frames, written one after the other (a slow client queues, up to a bound, then is dropped). A comment line every
 * {@value #HEARTBEAT_SECONDS} s keeps the connection open and finds clients that went away (a write to a closed
 * connection fails). A new client first gets the current state. The newest stream is never refused: beyond
 * {@link #MAX_CLIENTS} the oldest is ended (a browser's EventSource then reconnects by itself), so streams held
 * open by another process, or left by reloads, cannot shut the kiosk's own page out.
 */
public final class EventHub implements SessionEvents, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
    /** The UI keeps one stream per tab; a kiosk has one screen. More is a misbehaving client. */
    static final int MAX_CLIENTS = 16;
    private static final int MAX_QUEUED_FRAMES = 256;
    private static final long HEARTBEAT_SECONDS = 2;

    /** In the order they were opened: the first is the oldest. */
    private final Set<Client> clients = java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>());
    private final ScheduledExecutorService heartbeat;
    private volatile Supplier<List<Map.Entry<String, Object>>> welcome = List::of;

    public EventHub() {
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sse-heartbeat");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleWithFixedDelay(() -> broadcast(": keep-alive\n\n"), HEARTBEAT_SECONDS, HEARTBEAT_SECONDS,
                TimeUnit.SECONDS);
    }

    /** The events every new client receives first (current readers and session state). */
    public void welcome(Supplier<List<Map.Entry<String, Object>>> events) {
        this.welcome = events;
    }

    public int clientCount() {
        return clients.size();
    }

    @Override
    public void emit(String name, Object data) {
        broadcast(frame(name, data));
    }

    static String frame(String name, Object data) {
        // the compact JSON of Jackson never contains a line break, so one data: line suffices
        String json = Json.write(data).replace("\r", "").replace("\n", "");
        return "event: " + name + "\ndata: " + json + "\n\n";
    }

    private void broadcast(String frame) {
        for (Client c : snapshot()) {
            c.send(frame);
        }
    }

    private List<Client> snapshot() {
        synchronized (clients) {
            return List.copyOf(clients);
        }
    }

    /** Takes over the request as an event stream. */
    boolean attach(Request request, Response response, Callback callback) {
        Client oldest = null;
        synchronized (clients) {
            if (clients.size() >= MAX_CLIENTS) {
                oldest = clients.iterator().next();
            }
        }
        if (oldest != null) {
            LOG.info("{} event streams open: ending the oldest for a new one", MAX_CLIENTS);
            oldest.close(null);
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Accel-Buffering", "no");
        Client c = new Client(response, callback);
        clients.add(c);
        request.addFailureListener(x -> c.close(x));
        StringBuilder first = new StringBuilder("retry: 2000\n\n");
        for (Map.Entry<String, Object> e : welcome.get()) {
            first.append(frame(e.getKey(), e.getValue()));
        }
        c.send(first.toString());
        return true;
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        for (Client c : snapshot()) {
            c.close(null);
        }
    }

    /** One open stream. Writes are serialised: Jetty allows one pending write per response. */
    private final class Client {
        private final Response response;
        private final Callback done;
        private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
        private boolean writing;
        private boolean closed;

        Client(Response response, Callback done) {
            this.response = response;
            this.done = done;
        }

        void send(String frame) {
            synchronized (this) {
                if (closed) {
                    return;
                }
                if (queue.size() >= MAX_QUEUED_FRAMES) {
                    LOG.info("dropping a slow event stream");
                    closed = true;
                    clients.remove(this);
                    queue.clear();
                    done.failed(new IllegalStateException("event stream too slow"));
                    return;
                }
                queue.add(ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8)));
                if (writing) {
                    return;
                }
                writing = true;
            }
            writeNext();
        }

        private void writeNext() {
            ByteBuffer next;
            synchronized (this) {
                next = closed ? null : queue.poll();
                if (next == null) {
                    writing = false;
                    return;
                }
            }
            response.write(false, next, Callback.from(this::writeNext, this::close));
        }

        void close(Throwable why) {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
                queue.clear();
            }
            clients.remove(this);
            if (why == null) {
                done.succeeded();
            } else {
                done.failed(why);
            }
        }
    }
}
