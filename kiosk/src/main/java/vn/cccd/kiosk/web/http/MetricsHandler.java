package vn.cccd.kiosk.web.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /metrics}: the Prometheus text format (CONTRACT.md). Nothing personal is in it, so it needs no UI
 * cookie; like everything else it answers only requests naming a loopback host (a local agent scrapes it).
 */
public final class MetricsHandler extends Handler.Abstract {
    public static final String PATH = "/metrics";
    /** The Prometheus text exposition format, version 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Supplier<String> scrape;

    public MetricsHandler(Supplier<String> scrape) {
        this.scrape = scrape;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!Request.getPathInContext(request).equals(PATH)) {
            return false;
        }
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
            response.setStatus(405);
            response.getHeaders().put(HttpHeader.ALLOW, "GET");
            response.write(true, ByteBuffer.allocate(0), callback);
            return true;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        response.write(true, ByteBuffer.wrap(scrape.get().getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
