package vn.cccd.kiosk.server;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.cccd.kiosk.cards.CardService;
import vn.cccd.kiosk.cards.StoredDocument;
import vn.cccd.kiosk.forms.FilledForm;
import vn.cccd.kiosk.forms.FormDefinition;
import vn.cccd.kiosk.forms.FormInput;
import vn.cccd.kiosk.output.FormExport;
import vn.cccd.kiosk.output.PdfPreview;
import vn.cccd.kiosk.output.Printer;
import vn.cccd.kiosk.web.http.ApiException;
import vn.cccd.kiosk.web.http.ApiRequest;
import vn.cccd.kiosk.web.http.ApiResponse;
import vn.cccd.kiosk.web.http.RouteModule;
import vn.cccd.kiosk.web.http.Router;
import vn.cccd.reader.model.CardReadResult;

/**
 * The forms: the list, one definition, its prefill from the session's cards, and the filled form validated, as a
 * PDF, as a JSON export, or stored as a session document ({@link DocumentRoutes}). A form to correct is a
 * {@code FormValidationException}, answered 400 INVALID_FORM by {@link ApiErrors}.
 */
final class FormRoutes implements RouteModule {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final KioskApp app;
    private final CardService cards;
    private final Printer printer;

    FormRoutes(KioskApp app, Printer printer) {
        this.app = app;
        this.cards = app.cards();
        this.printer = printer;
    }

    @Override
    public void register(Router r) {
        r.get("/api/forms", this::forms);
        r.get("/api/forms/{id}", q -> ApiResponse.ok(form(q)));
        r.get("/api/forms/{id}/prefill", this::prefill);
        r.post("/api/forms/{id}/validate", q -> {
            FilledForm f = fill(q, false);
            return ApiResponse.ok(Map.of("ok", true, "values", f.values(), "tables", f.tables()));
        });
        r.post("/api/forms/{id}/pdf", q -> {
            FilledForm f = fill(q, true);
            byte[] pdf = app.pdf().render(f);
            cards.record("pdf", Map.of("formId", f.definition().id(), "reference", f.reference()));
            return ApiResponse.bytes(DocumentRoutes.PDF, pdf)
                    .withHeader("Content-Disposition", "inline; filename=\"" + f.reference() + ".pdf\"")
                    .withHeader("X-Form-Reference", f.reference());
        });
        r.post("/api/forms/{id}/export", q -> {
            FilledForm f = fill(q, true);
            cards.record("export", Map.of("formId", f.definition().id(), "reference", f.reference()));
            return ApiResponse.bytes(ApiResponse.JSON, FormExport.json(f))
                    .withHeader("Content-Disposition", "attachment; filename=\"" + f.reference() + ".json\"");
        });
        r.post("/api/forms/{id}/documents", this::documents);
    }

    private ApiResponse forms(ApiRequest q) {
        String lang = q.query("lang") == null ? "vi" : q.query("lang");
        List<Map<String, Object>> out = new ArrayList<>();
        for (FormDefinition f : app.forms().all()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("id", f.id());
            one.put("title", f.title().in(lang));
            one.put("audience", f.audience());
            one.put("titles", f.title());
            one.put("version", f.version());
            one.put("legalBasis", f.legalBasis());
            one.put("formCode", f.formCode());
            one.put("validFrom", f.validFrom());
            one.put("validUntil", f.validUntil());
            one.put("purpose", f.purpose());
            one.put("readsData", f.readsData());
            one.put("maxCards", f.maxCards());
            out.add(one);
        }
        return ApiResponse.ok(out);
    }

    private FormDefinition form(ApiRequest q) {
        String id = q.param("id");
        return app.forms().get(id).orElseThrow(() -> new ApiException(404, "NO_FORM", "no form '" + id + "'"));
    }

    private ApiResponse prefill(ApiRequest q) {
        FormDefinition def = form(q);
        String roles = q.query("roles");
        List<String> roleChoice = roles == null ? null : List.of(roles.split(",", -1));
        try {
            return ApiResponse.ok(app.prefill().prefill(def, cards.cards(), roleChoice, LocalDate.now(app.clock())));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private FilledForm fill(ApiRequest q, boolean needSession) {
        FormDefinition def = form(q);
        FormInput input = q.json(FormInput.class);
        List<CardReadResult> read = needSession || cards.active() ? cards.useCards() : List.of();
        try {
            return app.validator().validate(def, read, input);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private ApiResponse documents(ApiRequest q) {
        FilledForm f = fill(q, true);
        byte[] pdf = app.pdf().render(f);
        byte[] json = FormExport.json(f);
        String id = randomId();
        int pages = PdfPreview.pageCount(pdf);
        cards.store(new StoredDocument(id, f.definition().id(), f.reference(), pdf, json, pages));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("reference", f.reference());
        out.put("digest", FormExport.digest(f));
        out.put("pdf", "/api/session/documents/" + id + "/pdf");
        out.put("json", "/api/session/documents/" + id + "/json");
        out.put("preview", "/api/session/documents/" + id + "/pages");
        out.put("pages", pages);
        out.put("print", printer.configured() ? "/api/session/documents/" + id + "/print" : null);
        return ApiResponse.json(201, out);
    }

    private static String randomId() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
