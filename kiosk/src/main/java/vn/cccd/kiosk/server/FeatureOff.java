package vn.cccd.kiosk.server;

import java.util.function.Supplier;
import vn.cccd.kiosk.web.http.ApiException;
import vn.cccd.kiosk.web.http.RouteModule;
import vn.cccd.kiosk.web.http.Router;

/**
 * A feature that is off in this mode keeps its endpoints, each answering why (404 {@code MODE_OFF},
 * {@code DEMO_OFF}) rather than a bare 404 {@code NOT_FOUND}: the UI and scripts tell "not here" from "wrong
 * address". Anyone gets that answer, staff login or not, as before the route table declared staff routes.
 */
final class FeatureOff {
    private FeatureOff() {
    }

    /** Adds every endpoint {@code feature} would add, as public routes that throw {@code off}. */
    static void register(Router r, RouteModule feature, Supplier<ApiException> off) {
        Router table = new Router(q -> { });
        feature.register(table);
        for (Router.Endpoint e : table.endpoints()) {
            r.add(e.method(), e.template(), Router.Access.PUBLIC, q -> {
                throw off.get();
            });
        }
    }
}
