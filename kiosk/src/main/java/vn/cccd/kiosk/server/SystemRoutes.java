package vn.cccd.kiosk.server;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.cccd.kiosk.cards.CardService;
import vn.cccd.kiosk.config.KioskConfig;
import vn.cccd.kiosk.config.Mode;
import vn.cccd.kiosk.web.http.ApiRequest;
import vn.cccd.kiosk.web.http.ApiResponse;
import vn.cccd.kiosk.web.http.RouteModule;
import vn.cccd.kiosk.web.http.Router;

/** {@code GET /api/health} (the readers) and {@code GET /api/config} (what the UI needs to know of this kiosk). */
final class SystemRoutes implements RouteModule {
    private final KioskApp app;

    SystemRoutes(KioskApp app) {
        this.app = app;
    }

    @Override
    public void register(Router r) {
        r.get("/api/health", this::health);
        r.get("/api/config", this::config);
    }

    private ApiResponse health(ApiRequest q) {
        CardService cards = app.cards();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "UP");
        out.put("readers", cards.readers());
        String problem = cards.sourceProblem();
        if (problem != null) {
            out.put("readerProblem", problem);
        }
        return ApiResponse.ok(out);
    }

    private ApiResponse config(ApiRequest q) {
        KioskConfig c = app.config();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("station", c.stationName());
        out.put("mode", c.mode().id());
        out.put("languages", c.languages());
        out.put("demo", c.demo());
        out.put("uiSecret", c.uiSecretFile() != null);
        if (c.demo()) {
            out.put("demoPin", KioskConfig.DEMO_PIN);
        }
        out.put("idleTimeoutSeconds", c.idleTimeout().toSeconds());
        out.put("idleWarningSeconds", c.idleWarning().toSeconds());
        out.put("print", !c.printCommand().isEmpty());
        out.put("qr", app.qr() != null);
        out.put("maxCards", CardService.MAX_CARDS);
        if (c.mode() == Mode.LODGING) {
            out.put("lodging", Map.of("establishment", c.lodging().establishment(), "address", c.lodging().address()));
        }
        return ApiResponse.ok(out);
    }
}
