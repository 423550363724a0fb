package vn.cccd.kiosk.web.http;

/** The routes of one feature (the session, forms, the lodging register, ...), added to the kiosk's router. */
@FunctionalInterface
public interface RouteModule {
    void register(Router r);
}
