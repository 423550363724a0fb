package vn.cccd.kiosk.web.http;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The door of the API when a UI secret is set ({@link UiAccess}): {@code GET /ui/start?secret=...} turns the secret
 * into the {@value UiAccess#COOKIE} cookie (HttpOnly, SameSite=Strict, no Max-Age: the browser keeps it in memory
 * only) and sends the browser to {@code /}; every {@code /api} request without a valid cookie answers 401, except
 * {@value #HEALTH}, which carries nothing personal (the launcher waits on it, monitoring reads it). The static UI
 * is not behind the door: the page loads and tells why it cannot read anything.
 */
public final class UiAccessHandler extends Handler.Abstract {
    public static final String START = "/ui/start";
    public static final String HEALTH = "/api/health";
    /** Paths under /api answered without the cookie. */
    public static final Set<String> OPEN_API_PATHS = Set.of(HEALTH);
    static final String LOCKED_MESSAGE = "Chỉ trình duyệt của ki-ốt (mở bằng trình khởi chạy của ki-ốt) được đọc dữ"
            + " liệu này. / Only the kiosk's own browser (opened by the kiosk launcher) may read this data.";
    private static final Logger LOG = LoggerFactory.getLogger(UiAccessHandler.class);
    private static final String WRONG_SECRET_PAGE = """
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8"><title>Ki-ốt CCCD: không được phép / not allowed</title></head>
            <body><h1>Không được phép</h1>
            <p>Mã bí mật của ki-ốt không đúng. Hãy mở ki-ốt bằng trình khởi chạy của ki-ốt, hoặc báo cho người quản lý.</p>
            <h1 lang="en">Not allowed</h1>
            <p lang="en">The kiosk's secret is wrong. Open the kiosk with the kiosk launcher, or tell the administrator.</p>
            </body></html>
            """;

    private final UiAccess access;

    public UiAccessHandler(UiAccess access) {
        this.access = access;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (path.equals(START)) {
            start(request, response, callback);
            return true;
        }
        if (!access.locked() || !(path.equals("/api") || path.startsWith("/api/")) || OPEN_API_PATHS.contains(path)) {
            return false;
        }
        if (access.allows(Request.getCookies(request))) {
            return false;
        }
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Cookie name=\"" + UiAccess.COOKIE + "\"");
        ApiHandler.write(response, callback, ApiResponse.json(401, Map.of("code", "UI_LOCKED", "message",
                LOCKED_MESSAGE)));
        return true;
    }

    /**
     * The {@code secret} query parameter, percent-decoded but with {@code +} kept as a plus: launchers paste a
     * base64 secret into the address without encoding it, and a secret never holds a space.
     */
    static String secretParameter(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.startsWith("secret=")) {
                try {
                    return URLDecoder.decode(pair.substring(7).replace("+", "%2B"), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null; // a malformed escape
                }
            }
        }
        return null;
    }

    private void start(Request request, Response response, Callback callback) {
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (!request.getMethod().equals("GET")) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET");
            ApiHandler.write(response, callback, ApiResponse.json(405, Map.of("code", "METHOD_NOT_ALLOWED",
                    "message", "GET only")));
            return;
        }
        if (access.locked()) {
            if (!access.secretMatches(secretParameter(request.getHttpURI().getQuery()))) {
                LOG.warn("{} with a wrong or no UI secret: refused", START);
                response.setStatus(401);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
                response.write(true, ByteBuffer.wrap(WRONG_SECRET_PAGE.getBytes(StandardCharsets.UTF_8)), callback);
                return;
            }
            // no Max-Age, no Expires: a session cookie, gone when the kiosk browser closes
            response.getHeaders().add(HttpHeader.SET_COOKIE, UiAccess.COOKIE + "=" + access.newSessionValue()
                    + "; Path=/; HttpOnly; SameSite=Strict");
        }
        // without a secret there is nothing to check: the launcher's address still opens the kiosk
        response.setStatus(303);
        response.getHeaders().put(HttpHeader.LOCATION, "/");
        response.write(true, ByteBuffer.allocate(0), callback);
    }
}
