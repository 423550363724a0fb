package vn.cccd.kiosk.hospital;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cccd.kiosk.config.BhytGatewayConfig;

/**
 * The BHYT card check through the BHXH gateway (integrations-2026.md B1.2–B1.4): a token from
 * {@code POST /api/token/take} ({@code username}, the password's MD5), kept until it expires; then
 * {@code POST /api/egw/KQNhanLichSuKCB2024} with the token in the query string and the patient (the 12-digit ID
 * number in {@code maThe}, as clients do; name; birth date {@code dd/MM/yyyy}) and the officer ({@code hoTenCb},
 * {@code cccdCb}) in a JSON body. A gateway that is slow, down or refuses the login gives
 * {@link BhytCheck#notChecked}: the check-in goes on without it. Every call is bounded by the configured timeout;
 * the token is taken again at most once per check. Credentials, the token and the patient never reach a log.
 */
public final class BhytGateway {
    private static final Logger LOG = LoggerFactory.getLogger(BhytGateway.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final BhytGatewayConfig config;
    private final HttpClient http;
    private final Clock clock;
    private Token token;

    private record Token(String access, String id, Instant expires) {
    }

    public BhytGateway(BhytGatewayConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Checks the patient's card; never throws for a gateway problem. */
    public BhytCheck check(Patient p) {
        if (p.idNumber() == null || !p.idNumber().matches("[0-9]{12}") || p.fullName() == null
                || p.dateOfBirth() == null) {
            return BhytCheck.notChecked("no-id-number");
        }
        String dob;
        try {
            dob = LocalDate.parse(p.dateOfBirth()).format(DMY);
        } catch (DateTimeParseException e) {
            // a partial date of birth: the gateway's Lskcb2025 takes MM/yyyy or yyyy; for this call it is unconfirmed
            dob = p.dateOfBirth().length() == 4 ? p.dateOfBirth() : p.dateOfBirth().substring(5, 7) + "/"
                    + p.dateOfBirth().substring(0, 4);
        }
        try {
            for (int attempt = 0; attempt < 2; attempt++) {
                Token t = token(attempt > 0);
                if (t == null) {
                    return BhytCheck.notChecked("login");
                }
                JsonNode a = lookup(t, p.idNumber(), p.fullName(), dob);
                String code = text(a, "maKetQua");
                if ("401".equals(code) && attempt == 0) {
                    continue; // the token expired early: take a new one once
                }
                if (code == null || !code.matches("[0-9]{3}")) {
                    return BhytCheck.notChecked("answer");
                }
                LOG.info("BHYT check answered, result code {}", code);
                if ("401".equals(code)) {
                    return BhytCheck.notChecked("login");
                }
                boolean mismatch = BhytCheck.STAFF_ONLY.contains(code);
                return new BhytCheck(BhytCheck.CHECKED, code, null, cardNumber(text(a, "maThe")), text(a, "maDKBD"),
                        text(a, "gtTheTu"), text(a, "gtTheDen"), text(a, "maKV"), text(a, "ngayDu5Nam"),
                        mismatch ? text(a, "hoTen") : null, mismatch ? text(a, "ngaySinh") : null);
            }
            return BhytCheck.notChecked("login");
        } catch (HttpTimeoutException e) {
            LOG.warn("BHYT gateway did not answer within {} s; check-in goes on without the check",
                    config.timeout().toSeconds());
            return BhytCheck.notChecked("timeout");
        } catch (IOException | RuntimeException e) {
            LOG.warn("BHYT gateway unreachable or answered badly ({}); check-in goes on without the check",
                    e.getClass().getSimpleName());
            return BhytCheck.notChecked("unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return BhytCheck.notChecked("timeout");
        }
    }

    /** Only a well-formed 15-character card code goes on the ticket and to the HIS. */
    private static String cardNumber(String maThe) {
        try {
            BhytCode c = BhytCode.parseOptional(maThe);
            return c != null && c.isFullCode() ? c.value() : null;
        } catch (BhytCodeException e) {
            return null;
        }
    }

    private synchronized Token token(boolean renew) throws IOException, InterruptedException {
        if (!renew && token != null && clock.instant().isBefore(token.expires().minusSeconds(30))) {
            return token;
        }
        token = null;
        Map<String, String> body = new LinkedHashMap<>();
        body.put("username", config.username());
        body.put("password", config.passwordMd5());
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(config.url().resolve("/api/token/take"))
                .timeout(config.timeout()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode a = r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
        JsonNode key = a == null ? null : a.get("APIKey");
        if (a == null || !"200".equals(text(a, "maKetQua")) || key == null || text(key, "access_token") == null) {
            LOG.warn("BHYT gateway refused the login (HTTP {})", r.statusCode());
            return null;
        }
        Instant expires;
        try {
            expires = OffsetDateTime.parse(text(key, "expires_in")).toInstant();
        } catch (RuntimeException e) {
            expires = clock.instant().plusSeconds(600); // the format of expires_in is not certain: renew early
        }
        token = new Token(text(key, "access_token"), text(key, "id_token"), expires);
        return token;
    }

    private JsonNode lookup(Token t, String idNumber, String name, String dob) throws IOException,
            InterruptedException {
        String query = "token=" + enc(t.access()) + "&id_token=" + enc(t.id() == null ? "" : t.id()) + "&username="
                + enc(config.username()) + "&password=" + enc(config.passwordMd5());
        Map<String, String> body = new LinkedHashMap<>();
        body.put("maThe", idNumber);
        body.put("hoTen", name);
        body.put("ngaySinh", dob);
        body.put("hoTenCb", config.officerName());
        body.put("cccdCb", config.officerIdNumber());
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(config.url().resolve(
                "/api/egw/KQNhanLichSuKCB2024") + "?" + query)).timeout(config.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() == 401) {
            return JSON.createObjectNode().put("maKetQua", "401");
        }
        if (r.statusCode() != 200) {
            throw new IOException("HTTP " + r.statusCode());
        }
        return JSON.readTree(r.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
