package vn.cccd.kiosk.server;

import vn.cccd.kiosk.web.http.ApiException;
import vn.cccd.kiosk.web.http.ApiRequest;
import vn.cccd.kiosk.web.http.ApiResponse;
import vn.cccd.kiosk.web.http.RouteModule;
import vn.cccd.kiosk.web.http.Router;

/**
 * The CCCD QR code to the QR JSON (CONTRACT.md "QR JSON"): from an image ({@code POST /api/qr}) or a keyboard-wedge
 * scanner's text ({@code POST /api/qr/text}). Undecodable input is a {@code QrException}, answered by
 * {@link ApiErrors}.
 */
final class QrRoutes implements RouteModule {
    private final KioskApp app;

    QrRoutes(KioskApp app) {
        this.app = app;
    }

    @Override
    public void register(Router r) {
        r.post("/api/qr", this::image);
        r.post("/api/qr/text", this::text);
    }

    /** The kiosk's QR decoder, or 501 QR_UNAVAILABLE when it has none. */
    static QrService require(KioskApp app) {
        QrService qr = app.qr();
        if (qr == null) {
            throw new ApiException(501, "QR_UNAVAILABLE", "QR decoding is not available on this kiosk;"
                    + " type the ID number and date of birth instead");
        }
        return qr;
    }

    /**
     * A PNG or JPEG image (an upload, or a frame of the camera view with {@code ?frame=1}) to the QR JSON. The
     * image is decoded in memory and dropped: never stored, never logged.
     */
    private ApiResponse image(ApiRequest q) {
        String type = q.mediaType();
        if (!type.equals("image/png") && !type.equals("image/jpeg")) {
            throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", "send a PNG or JPEG image");
        }
        QrService service = require(app);
        byte[] image = q.binary();
        boolean frame = "1".equals(q.query("frame")) || "true".equals(q.query("frame"));
        return ApiResponse.ok(service.decodeImage(image, frame));
    }

    /** A keyboard-wedge scanner's text. */
    record QrText(String payload) {
        @Override
        public String toString() {
            return "QrText[redacted]";
        }
    }

    private ApiResponse text(ApiRequest q) {
        QrText t = q.json(QrText.class);
        String payload = Fields.text(t.payload(), "payload", 4000);
        return ApiResponse.ok(require(app).parseText(payload));
    }
}
