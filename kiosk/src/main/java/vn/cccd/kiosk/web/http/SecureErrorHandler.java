package vn.cccd.kiosk.web.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (a request it cannot parse: 400; a header block or URI too long: 431, 414; a body over
 * the limit: 413) carry the same security headers as ours, are never cached, and show no stack or server detail.
 */
public final class SecureErrorHandler extends ErrorHandler {
    public SecureErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
        setCacheControl("no-store");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        SecurityHandler.addHeaders(response.getHeaders());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        return super.handle(request, response, callback);
    }
}
