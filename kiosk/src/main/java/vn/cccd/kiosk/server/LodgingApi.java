package vn.cccd.kiosk.server;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.cccd.kiosk.cards.CardService;
import vn.cccd.kiosk.lodging.Guest;
import vn.cccd.kiosk.lodging.GuestExport;
import vn.cccd.kiosk.lodging.GuestRegister;
import vn.cccd.kiosk.lodging.kbtt.ConvertedPlaces;
import vn.cccd.kiosk.lodging.kbtt.KbttException;
import vn.cccd.kiosk.lodging.kbtt.KbttForeignXml;
import vn.cccd.kiosk.lodging.kbtt.KbttPlaces;
import vn.cccd.kiosk.lodging.kbtt.KbttWorkbook;
import vn.cccd.kiosk.store.ProcessingLog;
import vn.cccd.kiosk.web.http.ApiException;
import vn.cccd.kiosk.web.http.ApiRequest;
import vn.cccd.kiosk.web.http.ApiResponse;
import vn.cccd.kiosk.web.http.RouteModule;
import vn.cccd.kiosk.web.http.Router;
import vn.cccd.reader.model.CardReadResult;

/**
 * The lodging register over HTTP (CONTRACT.md "Lodging"), staff only: register the guest whose card was just read,
 * list a night's guests with the notification reminder, export a night (CSV, XLSX), check out, delete. Every
 * change is written to the processing log without personal data.
 */
final class LodgingApi implements RouteModule {
    private final KioskApp app;
    private final CardService cards;
    private final ProcessingLog log;
    /**
     * Places a residence in the police template's province list, through the old-to-new address converter, and in
     * its commune list when the owner configured a copy of the template ({@code lodging.kbtt.templateFile}).
     */
    private final KbttPlaces places;

    LodgingApi(KioskApp app) {
        this.app = app;
        this.cards = app.cards();
        this.log = app.processingLog();
        this.places = new ConvertedPlaces(vn.cccd.kiosk.address.AddressConverter.bundled(),
                new vn.cccd.kiosk.lodging.kbtt.KbttCommunes(app.config().lodging().kbttCommunes()));
    }

    /** Staff only, every one; registered when the kiosk keeps a lodging register (else {@link FeatureOff}). */
    @Override
    public void register(Router r) {
        r.staff().post("/api/lodging/guests", this::registerGuest)
                .get("/api/lodging/guests", this::list)
                .get("/api/lodging/guests/export", this::export)
                .get("/api/lodging/guests/{id}", q -> ApiResponse.ok(register().get(q.param("id"))
                        .orElseThrow(() -> noGuest(q.param("id")))))
                .post("/api/lodging/guests/{id}/checkout", this::checkout)
                .delete("/api/lodging/guests/{id}", this::delete)
                .get("/api/lodging/nights/{date}", this::nightView)
                .post("/api/lodging/nights/{date}/notified", this::notified)
                .get("/api/lodging/status", this::status);
        new PoliceSubmissionRoutes(app).register(r);
    }

    /** Never null where a handler runs: without a register these routes answer {@link #off()} (KioskApi). */
    private GuestRegister register() {
        return app.lodging();
    }

    /** What the lodging addresses answer when the kiosk keeps no lodging register. */
    static ApiException off() {
        return new ApiException(404, "MODE_OFF", "the kiosk is not in lodging mode (kiosk.mode=lodging)");
    }

    /** The stay the staff add to the card. */
    record StayRequest(String room, String reason, String arrival, String departure) {
    }

    private ApiResponse registerGuest(ApiRequest q) {
        StayRequest body = q.json(StayRequest.class);
        GuestRegister.Stay stay = new GuestRegister.Stay(typed(body.room()), typed(body.reason()),
                arrival(body.arrival()), date(body.departure(), "departure"));
        List<CardReadResult> read = cards.useCards();
        if (read.isEmpty()) {
            throw new ApiException(409, "NO_CARD", "no card has been read in this session: read the guest's card first");
        }
        Guest g = register().register(read.get(0), stay);
        log.record("lodging-guest-registered", Map.of("guest", g.id(), "foreign", g.foreign(),
                "verification", g.verification()), g.documentNumber());
        PoliceSubmissionRoutes.registered(app, g);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", g.id());
        out.put("guest", g);
        return ApiResponse.json(201, out);
    }

    /** The contract's list: the guests staying the night of {@code ?date=}, as a JSON array. */
    private ApiResponse list(ApiRequest q) {
        return ApiResponse.ok(register().night(night(q)));
    }

    /** The staff desk's view of a night: the guests with the establishment and the notification reminder. */
    private ApiResponse nightView(ApiRequest q) {
        LocalDate night = date(q.param("date"), "date");
        List<Guest> guests = register().night(night);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("date", night.toString());
        out.put("establishment", register().lodging().establishment());
        out.put("stayAddress", register().lodging().address());
        out.put("guests", guests);
        out.put("reminder", register().reminder(night, guests));
        out.put("police", PoliceSubmissionRoutes.status(app, night));
        return ApiResponse.ok(out);
    }

    private ApiResponse status(ApiRequest q) {
        GuestRegister g = register();
        LocalDate night = g.currentNight();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tonight", night.toString());
        out.put("reminder", g.reminder(night));
        return ApiResponse.ok(out);
    }

    private ApiResponse export(ApiRequest q) {
        LocalDate night = night(q);
        String format = q.query("format") == null ? "csv" : q.query("format");
        List<Guest> all = register().night(night);
        List<Guest> guests = switch (format) {
            case "kbtt" -> KbttWorkbook.vietnamese(all);
            case "kbtt-foreign" -> KbttForeignXml.foreign(all);
            default -> all;
        };
        ApiResponse r;
        try {
            r = switch (format) {
                case "csv" -> ApiResponse.bytes("text/csv; charset=utf-8", GuestExport.csv(guests))
                        .withHeader("Content-Disposition", "attachment; filename=\"luu-tru-" + night + ".csv\"");
                case "xlsx" -> ApiResponse.bytes(XLSX, GuestExport.xlsx(guests, night))
                        .withHeader("Content-Disposition", "attachment; filename=\"luu-tru-" + night + ".xlsx\"");
                case "kbtt" -> ApiResponse.bytes(XLSX, new KbttWorkbook(places).write(guests))
                        .withHeader("Content-Disposition", "attachment; filename=\"tblt_vn_import-" + night + ".xlsx\"");
                case "kbtt-foreign" -> ApiResponse.bytes("application/xml; charset=utf-8", KbttForeignXml.write(guests))
                        .withHeader("Content-Disposition", "attachment; filename=\"kbtt-nuoc-ngoai-" + night + ".xml\"");
                default -> throw ApiException.badRequest("format must be csv, xlsx, kbtt or kbtt-foreign");
            };
        } catch (KbttException e) {
            // refused before anything is exported or marked (answered 422 KBTT_INVALID by ApiErrors)
            log.record("lodging-export-refused", Map.of("night", night.toString(), "format", format,
                    "guest", e.guestId(), "column", e.column()));
            throw e;
        }
        // the export is what the staff enter on VNeID or upload: its guests count as notified for the reminder
        int marked = register().markNotified(guests.stream().map(Guest::id).toList());
        log.record("lodging-export", Map.of("night", night.toString(), "format", format, "guests", guests.size(),
                "newlyNotified", marked));
        return r.withHeader("X-Guest-Count", Integer.toString(guests.size()));
    }

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private ApiResponse notified(ApiRequest q) {
        LocalDate night = date(q.param("date"), "date");
        int marked = register().markNotified(night);
        log.record("lodging-notified", Map.of("night", night.toString(), "guests", marked));
        return ApiResponse.ok(Map.of("marked", marked, "reminder", register().reminder(night)));
    }

    private ApiResponse checkout(ApiRequest q) {
        Guest g = register().checkout(q.param("id"));
        log.record("lodging-checkout", Map.of("guest", g.id()));
        PoliceSubmissionRoutes.checkedOut(app, g);
        return ApiResponse.ok(g);
    }

    private ApiResponse delete(ApiRequest q) {
        String id = q.param("id");
        if (!register().delete(id)) {
            throw noGuest(id);
        }
        log.record("lodging-guest-deleted", Map.of("guest", id));
        return ApiResponse.noContent();
    }

    /** Text the staff typed, as the register keeps it: trimmed, NFC (a decomposed "ị" would not match on VNeID). */
    private static String typed(String s) {
        return s == null ? null : Normalizer.normalize(s.strip(), Normalizer.Form.NFC);
    }

    private static ApiException noGuest(String id) {
        return new ApiException(404, "NO_GUEST", "no guest record " + (id.length() > 40 ? id.substring(0, 40) : id));
    }

    private LocalDate night(ApiRequest q) {
        String d = q.query("date");
        return d == null || d.isBlank() ? register().currentNight() : date(d, "date");
    }

    private static LocalDate date(String iso, String name) {
        if (iso == null || iso.isBlank()) {
            throw new ApiException(400, "INVALID_" + name.toUpperCase(java.util.Locale.ROOT), name
                    + " is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(iso.strip());
        } catch (DateTimeParseException e) {
            throw new ApiException(400, "INVALID_" + name.toUpperCase(java.util.Locale.ROOT), name
                    + " must be a date YYYY-MM-DD");
        }
    }

    private static LocalDateTime arrival(String iso) {
        if (iso == null || iso.isBlank()) {
            throw new ApiException(400, "INVALID_ARRIVAL", "arrival is required (YYYY-MM-DDTHH:MM)");
        }
        try {
            return LocalDateTime.parse(iso.strip());
        } catch (DateTimeParseException e) {
            throw new ApiException(400, "INVALID_ARRIVAL", "arrival must be a local time YYYY-MM-DDTHH:MM");
        }
    }

}
