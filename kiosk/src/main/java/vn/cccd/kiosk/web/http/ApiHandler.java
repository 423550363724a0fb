package vn.cccd.kiosk.web.http;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything under {@code /api/}: routing, the event stream, errors as JSON, {@code Cache-Control: no-store}
 * (answers may hold personal data), and a same-origin check on requests that change state.
 */
public final class ApiHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    private final Router router;
    private final EventHub events;
    private final int maxJsonBytes;
    private final int maxBinaryBytes;
    private final ErrorMapping errors;
    /** Bodies declared above the route's limit are read and dropped up to this size before the 413. */
    public static final long DRAIN_LIMIT = BodyReader.DRAIN_LIMIT;

    private final BodyReader bodies = new BodyReader();

    /** @param errors the one mapping from domain failures to API errors */
    public ApiHandler(Router router, EventHub events, int maxJsonBytes, int maxBinaryBytes, ErrorMapping errors) {
        this.router = router;
        this.events = events;
        this.maxJsonBytes = maxJsonBytes;
        this.maxBinaryBytes = maxBinaryBytes;
        this.errors = errors;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!path.equals("/api") && !path.startsWith("/api/")) {
            return false;
        }
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        String method = request.getMethod();
        Router.Match m;
        try {
            if (!method.equals("GET") && !method.equals("HEAD")) {
                sameOrigin(request);
            } else if (!path.equals("/api/health")) {
                notCrossSite(request);
            }
            if (path.equals("/api/events") && method.equals("GET")) {
                return events.attach(request, response, callback);
            }
            m = router.match(method, path);
            if (BodyReader.hasBody(request)) {
                int max = ApiRequest.isJson(request) ? maxJsonBytes : maxBinaryBytes;
                bodies.read(request, max, body -> respond(request, response, callback, m, body), e -> {
                    // the rest of the body is not read: the connection is not reused
                    response.getHeaders().put(HttpHeader.CONNECTION, "close");
                    error(response, callback, e);
                });
                return true;
            }
        } catch (ApiException e) {
            error(response, callback, e);
            return true;
        }
        respond(request, response, callback, m, new byte[0]);
        return true;
    }

    /** Runs the route with the body read, and writes its answer or its error. */
    private void respond(Request request, Response response, Callback callback, Router.Match m, byte[] body) {
        String method = request.getMethod();
        String path = Request.getPathInContext(request);
        try {
            ApiResponse r = m.route().handle(new ApiRequest(request, m.params(), maxJsonBytes, maxBinaryBytes, body));
            write(response, callback, r);
        } catch (ApiException e) {
            error(response, callback, e);
        } catch (Exception e) {
            ApiException mapped = errors.map(e);
            if (mapped == null) {
                LOG.error("{} {} failed: {}", method, path, e.toString());
                mapped = new ApiException(500, "INTERNAL", "the kiosk could not answer this request");
            } else if (mapped.status() >= 500) {
                // the mapped message names the failure (never a stored value)
                LOG.error("{} {}: {}: {}", method, path, mapped.code(), e.getMessage());
            }
            error(response, callback, mapped);
        }
    }

    /** Another site open in the kiosk browser must not drive the API (CSRF). */
    private static void sameOrigin(Request request) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin == null) {
            return;
        }
        String host = request.getHeaders().get(HttpHeader.HOST);
        if (host == null || !origin.equals("http://" + host)) {
            throw new ApiException(403, "CROSS_ORIGIN", "requests from another origin are refused");
        }
    }

    /**
     * Another site's page must not even fetch personal data (the session, a portrait, the registers): browsers
     * label such requests {@code Sec-Fetch-Site: cross-site} (another host) or {@code same-site} (another port of
     * this machine). The kiosk's own page sends {@code same-origin}; tools such as curl send none.
     */
    private static void notCrossSite(Request request) {
        String site = request.getHeaders().get("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw new ApiException(403, "CROSS_SITE", "requests from another site are refused");
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        String host = request.getHeaders().get(HttpHeader.HOST);
        if (origin != null && (host == null || !origin.equals("http://" + host))) {
            throw new ApiException(403, "CROSS_SITE", "requests from another site are refused");
        }
    }

    static void write(Response response, Callback callback, ApiResponse r) {
        response.setStatus(r.status());
        if (r.contentType() != null) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, r.contentType());
        }
        for (Map.Entry<String, String> h : r.headers().entrySet()) {
            response.getHeaders().put(h.getKey(), h.getValue());
        }
        response.write(true, ByteBuffer.wrap(r.body()), callback);
    }

    private static void error(Response response, Callback callback, ApiException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", e.code());
        body.put("message", e.getMessage());
        if (e.details() != null) {
            body.putAll(e.details());
        }
        ApiResponse r = ApiResponse.json(e.status(), body);
        if (e.status() == 405 && e.details() != null) {
            r = r.withHeader("Allow", String.valueOf(e.details().get("allow")));
        }
        write(response, callback, r);
    }
}
