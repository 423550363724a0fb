package vn.cccd.kiosk.server;

import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import vn.cccd.kiosk.address.AddressConversion;
import vn.cccd.kiosk.address.AddressConverter;
import vn.cccd.kiosk.cards.CardService;
import vn.cccd.kiosk.web.http.ApiException;
import vn.cccd.kiosk.web.http.ApiRequest;
import vn.cccd.kiosk.web.http.ApiResponse;
import vn.cccd.kiosk.web.http.RouteModule;
import vn.cccd.kiosk.web.http.Router;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.model.Face;
import vn.cccd.reader.model.Person;

/**
 * The cards read in this session: {@code GET /api/session} (the card read JSON of CONTRACT.md), each card by
 * index, its portrait as an image the browser shows, and its residence beside the current administrative units.
 */
final class CardRoutes implements RouteModule, AutoCloseable {
    private static final long FACE_DECODE_SECONDS = 5;
    private final CardService cards;
    /** Face decoding runs apart with a time limit: JPEG 2000 decoders have been seen to loop on bad data. */
    private final ExecutorService imaging = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "face-decode");
        t.setDaemon(true);
        return t;
    });

    CardRoutes(CardService cards) {
        this.cards = cards;
    }

    @Override
    public void register(Router r) {
        r.get("/api/session", q -> ApiResponse.ok(card(0)));
        r.get("/api/session/cards/{index}", q -> ApiResponse.ok(card(index(q))));
        r.get("/api/session/cards/{index}/face", q -> face(index(q)));
        r.get("/api/session/cards/{index}/address", q -> ApiResponse.ok(address(index(q))));
    }

    @Override
    public void close() {
        imaging.shutdownNow();
    }

    private static int index(ApiRequest q) {
        String s = q.param("index");
        if (!s.matches("[0-9]{1,2}")) {
            throw ApiException.notFound("no card " + s);
        }
        return Integer.parseInt(s);
    }

    private CardReadResult card(int index) {
        List<CardReadResult> list = cards.cards();
        if (index >= list.size()) {
            throw new ApiException(404, "NO_CARD", list.isEmpty() ? "no card has been read in this session"
                    : "no card " + index + " in this session");
        }
        return list.get(index);
    }

    /** The card's residence and its conversion to the current units (identity screen: both side by side). */
    private AddressConversion address(int index) {
        Person p = card(index).person();
        if (p == null || p.placeOfResidence() == null || p.placeOfResidence().isBlank()) {
            throw new ApiException(404, "NO_ADDRESS", "the card holds no residence");
        }
        return AddressConverter.bundled().convert(p.placeOfResidence());
    }

    private ApiResponse face(int index) throws Exception {
        Face face = card(index).face();
        if (face == null || face.base64() == null) {
            throw new ApiException(404, "NO_FACE", "the portrait was not read");
        }
        byte[] bytes = Base64.getDecoder().decode(face.base64());
        if ("image/jpeg".equals(face.mimeType())) {
            return ApiResponse.bytes("image/jpeg", bytes);
        }
        // browsers do not show JPEG 2000: convert to PNG on the server
        Future<byte[]> png = imaging.submit(() -> PortraitPng.of(bytes));
        try {
            return ApiResponse.bytes("image/png", png.get(FACE_DECODE_SECONDS, TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            png.cancel(true);
            throw new ApiException(415, "FACE_FORMAT", "the portrait could not be decoded in time");
        } catch (ExecutionException e) {
            throw new ApiException(415, "FACE_FORMAT", "the portrait could not be decoded");
        }
    }
}
