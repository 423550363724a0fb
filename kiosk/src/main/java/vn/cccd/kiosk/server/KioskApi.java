package vn.cccd.kiosk.server;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import vn.cccd.kiosk.cards.CardService;
import vn.cccd.kiosk.cards.Consent;
import vn.cccd.kiosk.cards.DemoCards;
import vn.cccd.kiosk.cards.StoredDocument;
import vn.cccd.kiosk.forms.FilledForm;
import vn.cccd.kiosk.forms.FormDefinition;
import vn.cccd.kiosk.forms.FormInput;
import vn.cccd.kiosk.output.FormExport;
import vn.cccd.kiosk.output.PdfPreview;
import vn.cccd.kiosk.output.Printer;
import vn.cccd.kiosk.web.OperatorAuth;
import vn.cccd.kiosk.web.http.ApiException;
import vn.cccd.kiosk.web.http.ApiRequest;
import vn.cccd.kiosk.web.http.ApiResponse;
import vn.cccd.kiosk.web.http.Router;
import vn.cccd.reader.keys.AccessKey;
import vn.cccd.reader.keys.CccdKeys;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.model.Face;
import vn.cccd.reader.qr.CccdQr;

/** The kiosk's HTTP API (CONTRACT.md "Kiosk", plus the steps the UI needs). */
final class KioskApi {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PDF = "application/pdf";
    private static final long FACE_DECODE_SECONDS = 5;

    private final KioskApp app;
    private final CardService cards;
    private final Printer printer;
    /** Face decoding runs apart with a time limit: JPEG 2000 decoders have been seen to loop on bad data. */
    private final ExecutorService imaging = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "face-decode");
        t.setDaemon(true);
        return t;
    });

    KioskApi(KioskApp app) {
        this.app = app;
        this.cards = app.cards();
        this.printer = new Printer(app.config().printCommand());
    }

    Router routes() {
        KioskApi api = this;
        Router r = new Router(app.operator()::require);
        r.get("/api/health", api::health);
        r.get("/api/config", api::config);
        // the session, step by step
        r.post("/api/session/start", q -> ApiResponse.json(201, api.cards.begin()));
        r.post("/api/session/consent", api::consent);
        r.post("/api/session/key", api::key);
        r.post("/api/session/second-card", api::secondCard);
        r.post("/api/session/retry", q -> ApiResponse.ok(api.cards.retry()));
        r.post("/api/session/keepalive", q -> ApiResponse.ok(api.cards.keepAlive()));
        r.get("/api/session/state", q -> ApiResponse.ok(api.cards.state()));
        r.get("/api/session", q -> ApiResponse.ok(api.card(0)));
        r.delete("/api/session", q -> {
            api.cards.done();
            return ApiResponse.noContent();
        });
        r.get("/api/session/cards/{index}", q -> ApiResponse.ok(api.card(index(q))));
        r.get("/api/session/cards/{index}/face", q -> api.face(index(q)));
        r.get("/api/session/cards/{index}/address", q -> ApiResponse.ok(api.address(index(q))));
        r.get("/api/session/documents/{doc}/pdf", q -> ApiResponse.bytes(PDF, api.document(q).pdf())
                .withHeader("Content-Disposition", "inline; filename=\"" + api.document(q).reference() + ".pdf\""));
        r.get("/api/session/documents/{doc}/json", q -> ApiResponse.bytes(ApiResponse.JSON, api.document(q).json())
                .withHeader("Content-Disposition", "attachment; filename=\"" + api.document(q).reference() + ".json\""));
        r.get("/api/session/documents/{doc}/pages/{page}", api::page);
        r.post("/api/session/documents/{doc}/print", api::print);
        // forms
        r.get("/api/forms", api::forms);
        r.get("/api/forms/{id}", q -> ApiResponse.ok(api.form(q)));
        r.get("/api/forms/{id}/prefill", api::prefill);
        r.post("/api/forms/{id}/validate", q -> {
            FilledForm f = api.fill(q, false);
            return ApiResponse.ok(Map.of("ok", true, "values", f.values(), "tables", f.tables()));
        });
        r.post("/api/forms/{id}/pdf", q -> {
            FilledForm f = api.fill(q, true);
            byte[] pdf = app.pdf().render(f);
            api.cards.record("pdf", Map.of("formId", f.definition().id(), "reference", f.reference()));
            return ApiResponse.bytes(PDF, pdf)
                    .withHeader("Content-Disposition", "inline; filename=\"" + f.reference() + ".pdf\"")
                    .withHeader("X-Form-Reference", f.reference());
        });
        r.post("/api/forms/{id}/export", q -> {
            FilledForm f = api.fill(q, true);
            api.cards.record("export", Map.of("formId", f.definition().id(), "reference", f.reference()));
            return ApiResponse.bytes(ApiResponse.JSON, FormExport.json(f))
                    .withHeader("Content-Disposition", "attachment; filename=\"" + f.reference() + ".json\"");
        });
        r.post("/api/forms/{id}/documents", api::documents);
        // QR codes
        r.post("/api/qr", api::qrImage);
        r.post("/api/qr/text", api::qrText);
        // demo mode
        r.get("/api/demo/personas", q -> ApiResponse.ok(api.demo().personas()));
        r.post("/api/demo/insert", api::demoInsert);
        r.post("/api/demo/remove", q -> ApiResponse.ok(Map.of("removed", api.demo().remove())));
        // staff
        r.post("/api/operator/login", api::login);
        r.post("/api/operator/logout", q -> {
            app.operator().logout(q);
            return ApiResponse.noContent();
        });
        r.staff().get("/api/operator/status", api::operatorStatus);
        if (app.lodging() != null) {
            new LodgingApi(app).register(r);
        } else {
            FeatureOff.register(r, new LodgingApi(app), () -> new ApiException(404, "MODE_OFF",
                    "the kiosk is not in lodging mode (kiosk.mode=lodging)"));
        }
        new PrivacyApi(app).register(r);
        new CardReportApi(app).register(r);
        if (app.hospital() != null) {
            new vn.cccd.kiosk.hospital.HospitalApi(app.hospital(), cards, app.operator(), app.config().printCommand())
                    .register(r);
        }
        return r;
    }

    void close() {
        imaging.shutdownNow();
    }

    // ---- system ------------------------------------------------------------------------------------------------

    private ApiResponse health(ApiRequest q) {
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
        var c = app.config();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("station", c.stationName());
        out.put("mode", c.mode().id());
        out.put("languages", c.languages());
        out.put("demo", c.demo());
        out.put("uiSecret", c.uiSecretFile() != null);
        if (c.demo()) {
            out.put("demoPin", vn.cccd.kiosk.config.KioskConfig.DEMO_PIN);
        }
        out.put("idleTimeoutSeconds", c.idleTimeout().toSeconds());
        out.put("idleWarningSeconds", c.idleWarning().toSeconds());
        out.put("print", !c.printCommand().isEmpty());
        out.put("qr", app.qr() != null);
        out.put("maxCards", CardService.MAX_CARDS);
        if (c.mode() == vn.cccd.kiosk.config.Mode.LODGING) {
            out.put("lodging", Map.of("establishment", c.lodging().establishment(), "address", c.lodging().address()));
        }
        return ApiResponse.ok(out);
    }

    // ---- session -----------------------------------------------------------------------------------------------

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
        String version = text(c.textVersion(), "textVersion", 40);
        String lang = c.lang() == null ? "vi" : c.lang();
        if (!app.config().languages().contains(lang)) {
            throw ApiException.badRequest("lang must be one of " + app.config().languages());
        }
        String purpose = c.purpose() == null ? "prefill-forms" : text(c.purpose(), "purpose", 60);
        return ApiResponse.ok(cards.consent(new Consent(version, lang, purpose, app.clock().instant())));
    }

    /**
     * The key: the ID number and date of birth (and issue or expiry date when known), or the scanned QR text, or
     * for a passport (a foreign guest) the document number, date of birth and expiry date printed in its MRZ.
     * Dates are ISO YYYY-MM-DD.
     */
    record KeyRequest(String idNumber, String dateOfBirth, String issueDate, String expiryDate, String qrPayload,
            Boolean consent, String documentNumber) {
        @Override
        public String toString() {
            return "KeyRequest[redacted]";
        }
    }

    private ApiResponse key(ApiRequest q) {
        Keys k = keys(q.json(KeyRequest.class));
        return ApiResponse.ok(cards.key(k.keys(), k.qr()));
    }

    private ApiResponse secondCard(ApiRequest q) {
        KeyRequest k = q.json(KeyRequest.class);
        if (!Boolean.TRUE.equals(k.consent())) {
            throw new ApiException(400, "NO_CONSENT", "the second person must agree first (consent: true)");
        }
        Keys keys = keys(k);
        return ApiResponse.ok(cards.secondCard(keys.keys(), keys.qr()));
    }

    /** The keys, and the QR code they came from (null when typed). */
    private record Keys(List<AccessKey> keys, CccdQr qr) {
    }

    private Keys keys(KeyRequest k) {
        if (k.qrPayload() != null) {
            CccdQr qr = requireQr().parseText(text(k.qrPayload(), "qrPayload", 2000));
            try {
                return new Keys(List.copyOf(qr.accessKeys(LocalDate.now(app.clock()))), qr);
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, "INVALID_KEY", e.getMessage());
            }
        }
        if (k.documentNumber() != null && !k.documentNumber().isBlank()) {
            return new Keys(List.of(mrzKey(k.documentNumber(), k.dateOfBirth(), k.expiryDate())), null);
        }
        return new Keys(keys(k.idNumber(), k.dateOfBirth(), k.issueDate(), k.expiryDate()), null);
    }

    /** A passport's BAC key from the three MRZ fields as printed (document number, birth and expiry dates). */
    private static AccessKey mrzKey(String documentNumber, String dateOfBirth, String expiryDate) {
        LocalDate birth = keyDate(dateOfBirth, "dateOfBirth");
        LocalDate expiry = keyDate(expiryDate, "expiryDate");
        if (birth == null || expiry == null) {
            throw new ApiException(400, "INVALID_KEY", "documentNumber needs dateOfBirth and expiryDate");
        }
        java.time.format.DateTimeFormatter yymmdd = java.time.format.DateTimeFormatter.ofPattern("yyMMdd");
        try {
            return new vn.cccd.reader.keys.MrzKey(documentNumber.strip().toUpperCase(java.util.Locale.ROOT),
                    birth.format(yymmdd), expiry.format(yymmdd));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "INVALID_KEY", e.getMessage());
        }
    }

    private List<AccessKey> keys(String idNumber, String dateOfBirth, String issueDate, String expiryDate) {
        if (idNumber == null || dateOfBirth == null) {
            throw new ApiException(400, "INVALID_KEY", "idNumber and dateOfBirth are required (or qrPayload)");
        }
        try {
            return CccdKeys.candidates(idNumber.strip(), keyDate(dateOfBirth, "dateOfBirth"), keyDate(issueDate, "issueDate"),
                    keyDate(expiryDate, "expiryDate"), LocalDate.now(app.clock()));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "INVALID_KEY", e.getMessage());
        }
    }

    /** A key date of the API (YYYY-MM-DD, blank for none), or 400 INVALID_KEY naming the field. */
    static LocalDate keyDate(String iso, String name) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(iso.strip());
        } catch (DateTimeParseException e) {
            throw new ApiException(400, "INVALID_KEY", name + " must be a date YYYY-MM-DD");
        }
    }

    private static int index(ApiRequest q) {
        String s = q.param("index");
        if (!s.matches("[0-9]{1,2}")) {
            throw ApiException.notFound("no card " + s);
        }
        return Integer.parseInt(s);
    }

    private CardReadResult card(int index) {
        List<CardReadResult> list = cards.cards();
        if (index >= list.size()) {
            throw new ApiException(404, "NO_CARD", list.isEmpty() ? "no card has been read in this session"
                    : "no card " + index + " in this session");
        }
        return list.get(index);
    }

    /** The card's residence and its conversion to the current units (identity screen: both side by side). */
    private vn.cccd.kiosk.address.AddressConversion address(int index) {
        vn.cccd.reader.model.Person p = card(index).person();
        if (p == null || p.placeOfResidence() == null || p.placeOfResidence().isBlank()) {
            throw new ApiException(404, "NO_ADDRESS", "the card holds no residence");
        }
        return vn.cccd.kiosk.address.AddressConverter.bundled().convert(p.placeOfResidence());
    }

    private ApiResponse face(int index) throws Exception {
        Face face = card(index).face();
        if (face == null || face.base64() == null) {
            throw new ApiException(404, "NO_FACE", "the portrait was not read");
        }
        byte[] bytes = Base64.getDecoder().decode(face.base64());
        if ("image/jpeg".equals(face.mimeType())) {
            return ApiResponse.bytes("image/jpeg", bytes);
        }
        // browsers do not show JPEG 2000: convert to PNG on the server
        Future<byte[]> png = imaging.submit(() -> PortraitPng.of(bytes));
        try {
            return ApiResponse.bytes("image/png", png.get(FACE_DECODE_SECONDS, TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            png.cancel(true);
            throw new ApiException(415, "FACE_FORMAT", "the portrait could not be decoded in time");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new ApiException(415, "FACE_FORMAT", "the portrait could not be decoded");
        }
    }

    private StoredDocument document(ApiRequest q) {
        return cards.document(q.param("doc")).orElseThrow(() -> new ApiException(404, "NO_DOCUMENT",
                "no such document in this session"));
    }

    /** A page of the document as PNG: a preview that needs no PDF viewer in the kiosk browser. */
    private ApiResponse page(ApiRequest q) {
        StoredDocument doc = document(q);
        String p = q.param("page");
        int page = p.matches("[0-9]{1,3}") ? Integer.parseInt(p) : 0;
        if (page < 1 || page > doc.pages()) {
            throw new ApiException(404, "NO_PAGE", "the document has " + doc.pages() + " page(s)");
        }
        return ApiResponse.bytes("image/png", PdfPreview.png(doc.pdf(), page - 1));
    }

    private ApiResponse print(ApiRequest q) throws Exception {
        StoredDocument doc = document(q);
        printer.print(doc.pdf());
        cards.record("printed", Map.of("formId", doc.formId(), "reference", doc.reference()));
        return ApiResponse.json(202, Map.of("printed", true));
    }

    // ---- forms -------------------------------------------------------------------------------------------------

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
        out.put("print", app.config().printCommand().isEmpty() ? null : "/api/session/documents/" + id + "/print");
        return ApiResponse.json(201, out);
    }

    private static String randomId() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    // ---- QR ----------------------------------------------------------------------------------------------------

    private QrService requireQr() {
        QrService qr = app.qr();
        if (qr == null) {
            throw new ApiException(501, "QR_UNAVAILABLE", "QR decoding is not available on this kiosk;"
                    + " type the ID number and date of birth instead");
        }
        return qr;
    }

    /**
     * {@code POST /api/qr}: a PNG or JPEG image (an upload, or a frame of the camera view with {@code ?frame=1})
     * to the QR JSON. The image is decoded in memory and dropped: never stored, never logged.
     */
    private ApiResponse qrImage(ApiRequest q) {
        String type = q.mediaType();
        if (!type.equals("image/png") && !type.equals("image/jpeg")) {
            throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", "send a PNG or JPEG image");
        }
        QrService service = requireQr();
        byte[] image = q.binary();
        boolean frame = "1".equals(q.query("frame")) || "true".equals(q.query("frame"));
        return ApiResponse.ok(service.decodeImage(image, frame));
    }

    /** A keyboard-wedge scanner's text. */
    record QrText(String payload) {
        @Override
        public String toString() {
            return "QrText[redacted]";
        }
    }

    private ApiResponse qrText(ApiRequest q) {
        QrText t = q.json(QrText.class);
        String payload = text(t.payload(), "payload", 4000);
        return ApiResponse.ok(requireQr().parseText(payload));
    }

    // ---- demo --------------------------------------------------------------------------------------------------

    private DemoCards demo() {
        DemoCards d = app.demo();
        if (d == null) {
            throw new ApiException(404, "DEMO_OFF", "demo mode is off (start the kiosk with --demo)");
        }
        return d;
    }

    record DemoInsert(String persona, List<String> faults) {
    }

    private ApiResponse demoInsert(ApiRequest q) {
        DemoCards d = demo();
        DemoInsert body = q.json(DemoInsert.class);
        String persona = text(body.persona(), "persona", 64);
        List<String> faults = body.faults() == null ? List.of() : body.faults();
        if (faults.size() > 8) {
            throw ApiException.badRequest("at most 8 faults");
        }
        try {
            d.checkFaults(faults);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "UNKNOWN_FAULT", e.getMessage());
        }
        try {
            d.insert(persona, faults);
        } catch (IllegalArgumentException e) {
            throw new ApiException(404, "UNKNOWN_PERSONA", e.getMessage());
        } catch (IllegalStateException e) {
            throw new ApiException(409, "CARD_PRESENT", e.getMessage());
        } catch (UnsupportedOperationException e) {
            throw new ApiException(503, "DEMO_UNAVAILABLE", e.getMessage());
        }
        return ApiResponse.ok(Map.of("inserted", persona));
    }

    // ---- staff -------------------------------------------------------------------------------------------------

    record Login(String pin) {
        @Override
        public String toString() {
            return "Login[redacted]";
        }
    }

    private ApiResponse login(ApiRequest q) {
        String pin = text(q.json(Login.class).pin(), "pin", 64);
        String token = app.operator().login(pin);
        return ApiResponse.ok(Map.of("token", token, "expiresInSeconds", OperatorAuth.TOKEN_LIFETIME.toSeconds()));
    }

    private ApiResponse operatorStatus(ApiRequest q) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("station", app.config().stationName());
        out.put("mode", app.config().mode().id());
        out.put("demo", app.config().demo());
        out.put("uptimeSeconds", Duration.between(app.started(), app.clock().instant()).toSeconds());
        out.put("readers", cards.readers());
        out.put("sessionActive", cards.active());
        out.put("forms", app.forms().all().stream().map(FormDefinition::id).toList());
        out.put("eventStreams", app.events().clientCount());
        return ApiResponse.ok(out);
    }

    private static String text(String v, String name, int max) {
        if (v == null || v.isBlank()) {
            throw ApiException.badRequest(name + " is required");
        }
        if (v.length() > max) {
            throw ApiException.badRequest(name + " is longer than " + max + " characters");
        }
        return v.strip();
    }
}
