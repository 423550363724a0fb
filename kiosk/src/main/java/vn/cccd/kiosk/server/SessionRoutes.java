package vn.cccd.kiosk.server;

import vn.cccd.kiosk.cards.CardService;
import vn.cccd.kiosk.cards.Consent;
import vn.cccd.kiosk.web.http.ApiException;
import vn.cccd.kiosk.web.http.ApiRequest;
import vn.cccd.kiosk.web.http.ApiResponse;
import vn.cccd.kiosk.web.http.RouteModule;
import vn.cccd.kiosk.web.http.Router;

/**
 * The session, step by step: start, consent, the card's key (and a second person's), retry, keep-alive, its
 * state, and the end. Steps out of order are {@code SessionException}s, answered 409 by {@link ApiErrors}.
 */
final class SessionRoutes implements RouteModule {
    private final KioskApp app;
    private final CardService cards;
    private final SessionKeys keys;

    SessionRoutes(KioskApp app) {
        this.app = app;
        this.cards = app.cards();
        this.keys = new SessionKeys(app);
    }

    @Override
    public void register(Router r) {
        r.post("/api/session/start", q -> ApiResponse.json(201, cards.begin()));
        r.post("/api/session/consent", this::consent);
        r.post("/api/session/key", this::key);
        r.post("/api/session/second-card", this::secondCard);
        r.post("/api/session/retry", q -> ApiResponse.ok(cards.retry()));
        r.post("/api/session/keepalive", q -> ApiResponse.ok(cards.keepAlive()));
        r.get("/api/session/state", q -> ApiResponse.ok(cards.state()));
        r.delete("/api/session", q -> {
            cards.done();
            return ApiResponse.noContent();
        });
    }

    /** The consent screen's answer. */
    record ConsentRequest(Boolean accepted, String textVersion, String lang, String purpose) {
    }

    private ApiResponse consent(ApiRequest q) {
        ConsentRequest c = q.json(ConsentRequest.class);
        if (c.accepted() == null) {
            throw ApiException.badRequest("accepted (true or false) is required");
        }
        if (!c.accepted()) {
            cards.decline();
            return ApiResponse.ok(cards.state());
        }
        String version = Fields.text(c.textVersion(), "textVersion", 40);
        String lang = c.lang() == null ? "vi" : c.lang();
        if (!app.config().languages().contains(lang)) {
            throw ApiException.badRequest("lang must be one of " + app.config().languages());
        }
        String purpose = c.purpose() == null ? "prefill-forms" : Fields.text(c.purpose(), "purpose", 60);
        return ApiResponse.ok(cards.consent(new Consent(version, lang, purpose, app.clock().instant())));
    }

    private ApiResponse key(ApiRequest q) {
        SessionKeys.Keys k = keys.keys(q.json(SessionKeys.KeyRequest.class));
        return ApiResponse.ok(cards.key(k.keys(), k.qr()));
    }

    private ApiResponse secondCard(ApiRequest q) {
        SessionKeys.KeyRequest k = q.json(SessionKeys.KeyRequest.class);
        if (!Boolean.TRUE.equals(k.consent())) {
            throw new ApiException(400, "NO_CONSENT", "the second person must agree first (consent: true)");
        }
        SessionKeys.Keys given = keys.keys(k);
        return ApiResponse.ok(cards.secondCard(given.keys(), given.qr()));
    }
}
