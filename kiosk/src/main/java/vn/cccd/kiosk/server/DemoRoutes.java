package vn.cccd.kiosk.server;

import java.util.List;
import java.util.Map;
import vn.cccd.kiosk.cards.DemoCards;
import vn.cccd.kiosk.web.http.ApiException;
import vn.cccd.kiosk.web.http.ApiRequest;
import vn.cccd.kiosk.web.http.ApiResponse;
import vn.cccd.kiosk.web.http.RouteModule;
import vn.cccd.kiosk.web.http.Router;

/** Demo mode's mock card on the mock reader: the personas, insert one (with faults), remove it. */
final class DemoRoutes implements RouteModule {
    private static final int MAX_FAULTS = 8;
    /** Null only when the routes are built to learn their endpoints (see {@link FeatureOff}). */
    private final DemoCards demo;

    DemoRoutes(DemoCards demo) {
        this.demo = demo;
    }

    @Override
    public void register(Router r) {
        r.get("/api/demo/personas", q -> ApiResponse.ok(demo.personas()));
        r.post("/api/demo/insert", this::insert);
        r.post("/api/demo/remove", q -> ApiResponse.ok(Map.of("removed", demo.remove())));
    }

    /** The demo mode's answer while it is off. */
    static ApiException off() {
        return new ApiException(404, "DEMO_OFF", "demo mode is off (start the kiosk with --demo)");
    }

    record DemoInsert(String persona, List<String> faults) {
    }

    private ApiResponse insert(ApiRequest q) {
        DemoInsert body = q.json(DemoInsert.class);
        String persona = Fields.text(body.persona(), "persona", 64);
        List<String> faults = body.faults() == null ? List.of() : body.faults();
        if (faults.size() > MAX_FAULTS) {
            throw ApiException.badRequest("at most " + MAX_FAULTS + " faults");
        }
        try {
            demo.checkFaults(faults);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "UNKNOWN_FAULT", e.getMessage());
        }
        try {
            demo.insert(persona, faults);
        } catch (IllegalArgumentException e) {
            throw new ApiException(404, "UNKNOWN_PERSONA", e.getMessage());
        } catch (IllegalStateException e) {
            throw new ApiException(409, "CARD_PRESENT", e.getMessage());
        } catch (UnsupportedOperationException e) {
            throw new ApiException(503, "DEMO_UNAVAILABLE", e.getMessage());
        }
        return ApiResponse.ok(Map.of("inserted", persona));
    }
}
