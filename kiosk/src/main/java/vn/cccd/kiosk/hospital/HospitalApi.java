package vn.cccd.kiosk.hospital;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.cccd.kiosk.cards.CardService;
import vn.cccd.kiosk.config.HospitalConfig;
import vn.cccd.kiosk.output.Printer;
import vn.cccd.kiosk.web.OperatorAuth;
import vn.cccd.kiosk.web.http.ApiException;
import vn.cccd.kiosk.web.http.ApiRequest;
import vn.cccd.kiosk.web.http.ApiResponse;
import vn.cccd.kiosk.web.http.RouteModule;
import vn.cccd.kiosk.web.http.Router;
import vn.cccd.reader.model.CardReadResult;

/**
 * The hospital endpoints (CONTRACT.md "Hospital"), registered in hospital mode only. The patient is the current
 * session's (first) card. A check-in's ticket and exports are served to the session that made it; afterwards only
 * to staff ({@code Authorization: Bearer}), so that the next person at the kiosk cannot fetch them.
 */
public final class HospitalApi implements RouteModule {
    /** Check-ins one session may make (a patient seeing several departments); bounds what one person can queue. */
    static final int MAX_PER_SESSION = 5;
    private static final int REMEMBERED = 256;

    private final HospitalService hospital;
    private final CardService cards;
    private final OperatorAuth operator;
    private final Printer printer;
    /** Check-in id to the session that made it (most recent last, bounded). */
    private final Map<String, Long> madeIn = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED;
        }
    };

    public HospitalApi(HospitalService hospital, CardService cards, OperatorAuth operator, List<String> printCommand) {
        this.hospital = hospital;
        this.cards = cards;
        this.operator = operator;
        this.printer = new Printer(printCommand);
    }

    @Override
    public void register(Router r) {
        r.get("/api/hospital/departments", q -> ApiResponse.ok(departments()));
        r.post("/api/hospital/checkins", this::checkIn);
        r.get("/api/hospital/checkins/{id}/ticket.pdf", q -> ApiResponse.bytes("application/pdf",
                hospital.ticket(owned(q))).withHeader("Content-Disposition", "inline; filename=\"phieu-"
                + q.param("id") + ".pdf\""));
        // the ticket as an image for the screen: the kiosk browser needs no PDF viewer (and no new window)
        r.get("/api/hospital/checkins/{id}/ticket.png", q -> ApiResponse.bytes("image/png",
                vn.cccd.kiosk.output.PdfPreview.png(hospital.ticket(owned(q)), 0)));
        r.get("/api/hospital/checkins/{id}/patient.json", q -> new ApiResponse(200, "application/fhir+json;"
                + " charset=utf-8", HospitalService.json(hospital.fhirPatient(owned(q))), Map.of()));
        r.get("/api/hospital/checkins/{id}/qd130.json", q -> ApiResponse.bytes(ApiResponse.JSON,
                HospitalService.json(hospital.qd130(owned(q)))));
        r.get("/api/hospital/checkins/{id}/xml0.xml", q -> ApiResponse.bytes("application/xml; charset=utf-8",
                hospital.xml0(owned(q))));
        r.get("/api/hospital/checkins/{id}/xml1.xml", q -> ApiResponse.bytes("application/xml; charset=utf-8",
                hospital.xml1(owned(q))));
        r.post("/api/hospital/checkins/{id}/print", this::print);
        // the gateway's full answer, mismatches included: staff only, whoever made the check-in
        r.staff().get("/api/hospital/checkins/{id}/bhyt", q -> {
            CheckIn c = hospital.find(q.param("id")).orElseThrow(() -> new ApiException(404, "NO_CHECKIN",
                    "no such check-in"));
            return ApiResponse.ok(hospital.bhytForStaff(c));
        });
        r.staff().get("/api/hospital/status", q -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("webhook", hospital.config().webhookUrl() != null);
            out.put("undelivered", hospital.store().undelivered());
            return ApiResponse.ok(out);
        });
    }

    private List<Map<String, Object>> departments() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (HospitalConfig.Department d : hospital.config().departments()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", d.code());
            m.put("vi", d.vi());
            m.put("en", d.en() == null ? d.vi() : d.en());
            out.add(m);
        }
        return out;
    }

    /** The check-in request. */
    record CheckInRequest(String department, String bhytCode) {
        @Override
        public String toString() {
            return "CheckInRequest[" + department + ", redacted]";
        }
    }

    private ApiResponse checkIn(ApiRequest q) {
        CheckInRequest body = q.json(CheckInRequest.class);
        List<CardReadResult> read = cards.useCards();
        if (read.isEmpty()) {
            throw new ApiException(409, "NO_CARD", "read the patient's card first");
        }
        long session = cards.sessionId();
        synchronized (madeIn) {
            long mine = madeIn.values().stream().filter(s -> s == session).count();
            if (mine >= MAX_PER_SESSION) {
                throw new ApiException(409, "TOO_MANY_CHECKINS", "at most " + MAX_PER_SESSION
                        + " check-ins per session");
            }
        }
        CheckIn c;
        try {
            c = hospital.checkIn(read.get(0), body.department(), body.bhytCode());
        } catch (BhytCodeException | HospitalService.UnknownDepartmentException e) {
            throw e; // typed: answered by the kiosk's error mapping
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        synchronized (madeIn) {
            madeIn.put(c.id(), session);
        }
        cards.record("hospital-checkin", Map.of("department", c.department(), "reference", c.id(),
                "bhytGiven", c.bhyt() != null, "bhytCheck", c.bhytCheck().status(),
                "bhytResult", c.bhytCheck().code() == null ? "-" : c.bhytCheck().code()));
        HospitalConfig.Department d = hospital.department(c);
        String base = "/api/hospital/checkins/" + c.id();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", c.id());
        out.put("queueNumber", c.queueNumber());
        out.put("department", Map.of("code", d.code(), "vi", d.vi(), "en", d.en() == null ? d.vi() : d.en()));
        out.put("day", c.day().toString());
        out.put("createdAt", c.createdAt().toString());
        out.put("bhyt", c.bhytCheck().forPatient());
        out.put("ticket", base + "/ticket.pdf");
        out.put("ticketImage", base + "/ticket.png");
        out.put("patient", base + "/patient.json");
        out.put("qd130", base + "/qd130.json");
        out.put("xml0", base + "/xml0.xml");
        out.put("xml1", base + "/xml1.xml");
        out.put("print", printer.configured() ? base + "/print" : null);
        return ApiResponse.json(201, out);
    }

    /** The check-in named in the path, when the caller may see it. */
    private CheckIn owned(ApiRequest q) {
        String id = q.param("id");
        Long session;
        synchronized (madeIn) {
            session = madeIn.get(id);
        }
        long now = cards.sessionId();
        if (session == null || now == 0 || session != now) {
            operator.require(q);
        }
        return hospital.find(id).orElseThrow(() -> new ApiException(404, "NO_CHECKIN", "no such check-in"));
    }

    private ApiResponse print(ApiRequest q) throws Exception {
        CheckIn c = owned(q);
        printer.print(hospital.ticket(c));
        cards.record("printed", Map.of("ticket", c.id()));
        return ApiResponse.json(202, Map.of("printed", true));
    }
}
