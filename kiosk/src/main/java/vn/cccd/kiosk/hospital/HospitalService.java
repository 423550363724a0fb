package vn.cccd.kiosk.hospital;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.cccd.kiosk.config.HospitalConfig;
import vn.cccd.kiosk.delivery.DeliveryRecorder;
import vn.cccd.kiosk.output.PdfFonts;
import vn.cccd.reader.model.CardReadResult;

/**
 * Hospital reception: checks a patient in from the card read (department, optional BHYT code), gives the queue
 * number, and makes the ticket, the FHIR {@code Patient}, the QĐ 130 fields and the webhook payload of a check-in.
 */
public final class HospitalService implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** FHIR and webhook JSON keep their field order (resourceType first), unlike the API's sorted maps. */
    private static final ObjectMapper ORDERED = new ObjectMapper();

    private final HospitalConfig config;
    private final CheckinStore store;
    private final Clock clock;
    private final ZoneId zone;
    private final String station;
    private final QueueTicketPdf tickets;
    private WebhookSender webhook;
    private final BhytGateway gateway;

    public HospitalService(HospitalConfig config, CheckinStore store, Clock clock, PdfFonts fonts, String station) {
        this.config = config;
        this.store = store;
        this.clock = clock;
        this.zone = clock.getZone();
        this.station = station;
        this.tickets = new QueueTicketPdf(fonts, zone);
        this.gateway = config.bhyt() == null ? null : new BhytGateway(config.bhyt(), clock);
    }

    /** Starts delivering check-ins to {@code hospital.webhook.url}, when configured. */
    public void startWebhook(DeliveryRecorder recorder) {
        if (config.webhookUrl() == null || webhook != null) {
            return;
        }
        webhook = new WebhookSender(config.webhookUrl(), store, id -> store.find(id).map(this::webhookJson), clock,
                config.webhookTimeout(), config.webhookFirstRetry(), config.webhookMaxRetry(), recorder);
        webhook.start();
    }

    public HospitalConfig config() {
        return config;
    }

    public CheckinStore store() {
        return store;
    }

    /** A department the patient cannot choose. */
    public static final class UnknownDepartmentException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UnknownDepartmentException(String message) {
            super(message);
        }
    }

    /**
     * Checks the card's holder in.
     *
     * @throws UnknownDepartmentException for a department that is not configured
     * @throws BhytCodeException for a BHYT code of the wrong format
     */
    public CheckIn checkIn(CardReadResult card, String department, String bhytInput) {
        HospitalConfig.Department d = config.department(department == null ? "" : department.strip())
                .orElseThrow(() -> new UnknownDepartmentException("no department '" + department + "'"));
        BhytCode bhyt = BhytCode.parseOptional(bhytInput);
        Patient patient = Patient.of(card);
        // bounded by hospital.bhyt.timeoutSeconds; a gateway down or not configured never stops the check-in
        BhytCheck check = gateway == null ? BhytCheck.notConfigured() : gateway.check(patient);
        String verdict = card.verification() == null ? "UNVERIFIED" : card.verification().overall().name();
        var now = clock.instant();
        CheckIn c = store.add(new CheckinStore.NewCheckIn(newId(), LocalDate.ofInstant(now, zone), d.code(), now,
                verdict, station, patient, bhyt, config.webhookUrl() != null, check));
        if (webhook != null) {
            webhook.wake();
        }
        return c;
    }

    public Optional<CheckIn> find(String id) {
        if (id == null || !id.matches("[0-9a-f]{24}")) {
            return Optional.empty();
        }
        return store.find(id);
    }

    public byte[] ticket(CheckIn c) {
        return tickets.render(c, department(c), c.station());
    }

    public Map<String, Object> fhirPatient(CheckIn c) {
        return FhirPatient.of(c);
    }

    public byte[] xml0(CheckIn c) {
        return Qd130Xml.xml0(c, zone);
    }

    public byte[] xml1(CheckIn c) {
        return Qd130Xml.xml1(c, zone);
    }

    public Map<String, Object> qd130(CheckIn c) {
        return Qd130Export.of(c, zone);
    }

    /** What the hospital system receives for a check-in. */
    public Map<String, Object> webhookBody(CheckIn c) {
        HospitalConfig.Department d = department(c);
        Map<String, Object> dep = new LinkedHashMap<>();
        dep.put("code", d.code());
        dep.put("name", d.vi());
        Map<String, Object> checkin = new LinkedHashMap<>();
        checkin.put("id", c.id());
        checkin.put("queueNumber", c.queueNumber());
        checkin.put("day", c.day().toString());
        checkin.put("createdAt", c.createdAt().toString());
        checkin.put("station", c.station());
        checkin.put("department", dep);
        checkin.put("cardVerdict", c.cardVerdict());
        checkin.put("bhytCode", c.bhyt() == null ? null : c.bhyt().value());
        checkin.put("bhytCheck", bhytForStaff(c));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "cccd-kiosk.hospital.checkin");
        body.put("version", 1);
        body.put("idempotencyKey", c.id());
        body.put("checkin", checkin);
        body.put("patient", fhirPatient(c));
        body.put("qd130", qd130(c));
        Map<String, Object> xml = new LinkedHashMap<>();
        xml.put("xml0", new String(Qd130Xml.xml0(c, zone), java.nio.charset.StandardCharsets.UTF_8));
        xml.put("xml1", new String(Qd130Xml.xml1(c, zone), java.nio.charset.StandardCharsets.UTF_8));
        body.put("qd130Xml", xml);
        return body;
    }

    /** The gateway check with its words, for the staff and the HIS (a mismatch with what the gateway holds). */
    public Map<String, Object> bhytForStaff(CheckIn c) {
        if (c.bhytCheck() == null) {
            return null;
        }
        BhytCheck b = c.bhytCheck();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", b.status());
        m.put("code", b.code());
        m.put("problem", b.problem());
        m.put("vi", b.staffWords().vi());
        m.put("en", b.staffWords().en());
        m.put("cardNumber", b.cardNumber());
        m.put("facility", b.facility());
        m.put("validFrom", b.validFrom());
        m.put("validTo", b.validTo());
        m.put("area", b.area());
        m.put("fiveYears", b.fiveYears());
        if (b.returnedName() != null || b.returnedDateOfBirth() != null) {
            m.put("gatewayName", b.returnedName());
            m.put("gatewayDateOfBirth", b.returnedDateOfBirth());
        }
        return m;
    }

    public byte[] webhookJson(CheckIn c) {
        return json(webhookBody(c));
    }

    /** JSON in the map's own order. */
    public static byte[] json(Object value) {
        try {
            return ORDERED.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The department of a check-in; one removed from the configuration since keeps its code as name. */
    public HospitalConfig.Department department(CheckIn c) {
        return config.department(c.department()).orElse(new HospitalConfig.Department(c.department(),
                c.department(), null));
    }

    private static String newId() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    @Override
    public void close() {
        if (webhook != null) {
            webhook.close();
        }
        store.close();
    }
}
