package vn.cccd.kiosk.server;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.cccd.kiosk.forms.FormDefinition;
import vn.cccd.kiosk.web.OperatorAuth;
import vn.cccd.kiosk.web.http.ApiRequest;
import vn.cccd.kiosk.web.http.ApiResponse;
import vn.cccd.kiosk.web.http.RouteModule;
import vn.cccd.kiosk.web.http.Router;

/** Staff login and logout with the station PIN, and the staff's view of the kiosk's state. */
final class OperatorRoutes implements RouteModule {
    private final KioskApp app;

    OperatorRoutes(KioskApp app) {
        this.app = app;
    }

    @Override
    public void register(Router r) {
        r.post("/api/operator/login", this::login);
        r.post("/api/operator/logout", q -> {
            app.operator().logout(q);
            return ApiResponse.noContent();
        });
        r.staff().get("/api/operator/status", this::status);
    }

    record Login(String pin) {
        @Override
        public String toString() {
            return "Login[redacted]";
        }
    }

    private ApiResponse login(ApiRequest q) {
        String pin = Fields.text(q.json(Login.class).pin(), "pin", 64);
        String token = app.operator().login(pin);
        return ApiResponse.ok(Map.of("token", token, "expiresInSeconds", OperatorAuth.TOKEN_LIFETIME.toSeconds()));
    }

    private ApiResponse status(ApiRequest q) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("station", app.config().stationName());
        out.put("mode", app.config().mode().id());
        out.put("demo", app.config().demo());
        out.put("uptimeSeconds", Duration.between(app.started(), app.clock().instant()).toSeconds());
        out.put("readers", app.cards().readers());
        out.put("sessionActive", app.cards().active());
        out.put("forms", app.forms().all().stream().map(FormDefinition::id).toList());
        out.put("eventStreams", app.events().clientCount());
        return ApiResponse.ok(out);
    }
}
