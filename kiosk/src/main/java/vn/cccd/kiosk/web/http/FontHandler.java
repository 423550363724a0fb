package vn.cccd.kiosk.web.http;

import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import vn.cccd.kiosk.output.PdfFonts;

/**
 * The UI's font ({@code /fonts/DejaVuSans.ttf}, regular and bold), served from the DejaVu jar bundled with the
 * kiosk: every Vietnamese letter renders the same on any kiosk, with no online font service.
 */
public final class FontHandler extends Handler.Abstract {
    private static final Map<String, String> FILES = Map.of(
            "/fonts/DejaVuSans.ttf", "DejaVuSans.ttf",
            "/fonts/DejaVuSans-Bold.ttf", "DejaVuSans-Bold.ttf");
    private final Map<String, byte[]> cache = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String file = FILES.get(Request.getPathInContext(request));
        if (file == null || !request.getMethod().equals("GET")) {
            return false;
        }
        byte[] bytes = cache.computeIfAbsent(file, PdfFonts::resource);
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "font/ttf");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "max-age=86400");
        response.write(true, ByteBuffer.wrap(bytes), callback);
        return true;
    }
}
