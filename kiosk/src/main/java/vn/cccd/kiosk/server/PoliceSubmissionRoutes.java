package vn.cccd.kiosk.server;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.cccd.kiosk.lodging.Guest;
import vn.cccd.kiosk.lodging.police.PoliceSubmission;
import vn.cccd.kiosk.web.http.ApiException;
import vn.cccd.kiosk.web.http.ApiRequest;
import vn.cccd.kiosk.web.http.ApiResponse;
import vn.cccd.kiosk.web.http.RouteModule;
import vn.cccd.kiosk.web.http.Router;

/**
 * The police submission over HTTP (staff only; docs/LODGING.md): where tonight stands, and resending a night. The
 * lodging routes call {@link #registered}, {@link #checkedOut} and {@link #status} so that a registration queues its
 * night and the night view shows its state. Answers carry states, times and reasons: never a credential or token.
 */
final class PoliceSubmissionRoutes implements RouteModule {
    private final KioskApp app;

    PoliceSubmissionRoutes(KioskApp app) {
        this.app = app;
    }

    /** Staff only; registered with the lodging routes (and answered MODE_OFF with them outside lodging mode). */
    @Override
    public void register(Router r) {
        r.staff().get("/api/lodging/police", this::overview)
                .post("/api/lodging/nights/{date}/police", this::resend);
    }

    static void registered(KioskApp app, Guest g) {
        if (app.police() != null) {
            app.police().registered(g);
        }
    }

    static void checkedOut(KioskApp app, Guest g) {
        if (app.police() != null) {
            app.police().checkedOut(g);
        }
    }

    static PoliceSubmission.NightStatus status(KioskApp app, LocalDate night) {
        return app.police() == null ? PoliceSubmission.off() : app.police().status(night);
    }

    private ApiResponse overview(ApiRequest q) {
        LocalDate tonight = app.lodging().currentNight();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("enabled", app.police() != null);
        out.put("tonight", tonight.toString());
        out.put("police", status(app, tonight));
        return ApiResponse.ok(out);
    }

    /** The owner sends a night (again): after a failure, or a night registered before the account was set. */
    private ApiResponse resend(ApiRequest q) {
        if (app.police() == null) {
            throw new ApiException(409, "POLICE_OFF", "the direct submission to the police API is not configured"
                    + " (lodging.police.username)");
        }
        LocalDate night;
        try {
            night = LocalDate.parse(q.param("date"));
        } catch (DateTimeParseException e) {
            throw new ApiException(400, "INVALID_DATE", "date must be a date YYYY-MM-DD");
        }
        app.police().queue(night);
        app.processingLog().record("lodging-police-queued", Map.of("night", night.toString()));
        return ApiResponse.json(202, Map.of("date", night.toString(), "police", app.police().status(night)));
    }
}
