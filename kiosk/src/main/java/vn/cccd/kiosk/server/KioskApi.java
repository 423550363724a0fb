package vn.cccd.kiosk.server;

import vn.cccd.kiosk.hospital.HospitalApi;
import vn.cccd.kiosk.output.Printer;
import vn.cccd.kiosk.web.http.RouteModule;
import vn.cccd.kiosk.web.http.Router;

/**
 * The kiosk's HTTP API (CONTRACT.md "Kiosk", plus the steps the UI needs): the route table, assembled from one
 * module per feature and registered per mode. Staff-only routes are declared in the modules
 * ({@code r.staff()}); the router checks the staff login in front of them. Domain failures are answered by
 * {@link ApiErrors}.
 */
final class KioskApi {
    private final KioskApp app;
    private final CardRoutes cardRoutes;

    KioskApi(KioskApp app) {
        this.app = app;
        this.cardRoutes = new CardRoutes(app.cards());
    }

    Router routes() {
        Router r = new Router(app.operator()::require);
        Printer printer = new Printer(app.config().printCommand());
        for (RouteModule m : new RouteModule[] {new SystemRoutes(app), new SessionRoutes(app), cardRoutes,
                new DocumentRoutes(app.cards(), printer), new FormRoutes(app, printer), new QrRoutes(app),
                new OperatorRoutes(app), new PrivacyApi(app), new CardReportApi(app)}) {
            m.register(r);
        }
        // demo mode: the mock card's routes; otherwise the same addresses say that demo mode is off
        if (app.demo() != null) {
            new DemoRoutes(app.demo()).register(r);
        } else {
            FeatureOff.register(r, new DemoRoutes(null), DemoRoutes::off);
        }
        // the lodging register: in lodging mode, and after it while its records are kept
        if (app.lodging() != null) {
            new LodgingApi(app).register(r);
        } else {
            FeatureOff.register(r, new LodgingApi(app), LodgingApi::off);
        }
        // hospital mode only; elsewhere its addresses do not exist
        if (app.hospital() != null) {
            new HospitalApi(app.hospital(), app.cards(), app.operator(), app.config().printCommand()).register(r);
        }
        return r;
    }

    void close() {
        cardRoutes.close();
    }
}
