package vn.cccd.kiosk.web.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Headers on every answer: a strict Content-Security-Policy (nothing but this origin: no CDN, no inline script,
 * no frames of other sites), no sniffing, no referrer, no framing by others. Requests must name a loopback host,
 * which defeats DNS rebinding (a web page whose name resolves to 127.0.0.1 cannot reach the API).
 */
public final class SecurityHandler extends Handler.Wrapper {
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "font-src 'self'; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'self'";
    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");

    public SecurityHandler(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        addHeaders(response.getHeaders());
        if (!loopbackHost(request.getHeaders().get(HttpHeader.HOST))) {
            response.setStatus(421);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
            response.write(true, ByteBuffer.wrap(("{\"code\":\"BAD_HOST\",\"message\":\"the kiosk answers only to "
                    + "127.0.0.1 or localhost\"}").getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }
        return super.handle(request, response, callback);
    }

    /** The security headers, on an answer of ours or on one of Jetty's own error pages. */
    public static void addHeaders(org.eclipse.jetty.http.HttpFields.Mutable h) {
        h.put("Content-Security-Policy", CSP);
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "no-referrer");
        h.put("X-Frame-Options", "SAMEORIGIN");
        h.put("Cross-Origin-Opener-Policy", "same-origin");
        h.put("Cross-Origin-Resource-Policy", "same-origin");
        // the camera only for this origin: the QR view reads the card's code; frames stay on this machine
        h.put("Permissions-Policy", "camera=(self), microphone=(), geolocation=(), payment=(), usb=()");
    }

    static boolean loopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 0 && LOOPBACK_NAMES.contains(h.substring(0, end + 1));
        }
        int colon = h.indexOf(':');
        return LOOPBACK_NAMES.contains(colon < 0 ? h : h.substring(0, colon));
    }
}
