package vn.cccd.kiosk.lodging.police;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import vn.cccd.kiosk.config.PoliceApiConfig;

/**
 * Calls the police lodging API (integrations-2026.md A3.4 [V(T): S15]): the token ({@code POST
 * /authorization-service/oauth/token}, form {@code username}, {@code password}, {@code grant-type=api_cslt}, HTTP
 * Basic with the API client credential), then JSON arrays with {@code Authorization: Bearer}. The token is kept in
 * memory only and taken anew when it is less than 60 s from its {@code Exp} or when a call answers 401; the refresh
 * endpoint (another client credential) is not used.
 *
 * <p>No secret leaves this class: not in exceptions, logs or answers. Redirects are not followed (personal data goes
 * only to the configured address).
 */
public final class PoliceClient {
    static final String TOKEN = "/authorization-service/oauth/token";
    static final String VIETNAMESE = "/client-service/kbtt-vn/kbtt-3th";
    static final String FOREIGN = "/client-service/kbtt/kbtt-3th";
    /** API12's path in the guide's table; its curl example has {@code /kbtt/…} instead [U]. */
    static final String CHECKOUT = "/client-service/kbtt-vn/kbtt-3th/doi-ngay-tra-phong";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long RENEW_BEFORE_SECONDS = 60;

    /** The establishment's login was refused: retrying with the same account would not help. */
    public static final class LoginRefused extends Exception {
        private static final long serialVersionUID = 1L;

        LoginRefused(String message) {
            super(message, null, false, false);
        }
    }

    /** The call did not get an answer (connection, time-out) or the token endpoint failed: try again later. */
    public static final class Unreachable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreachable(String message) {
            super(message, null, false, false);
        }
    }

    private final PoliceApiConfig config;
    private final Clock clock;
    private final HttpClient http;
    private String token;
    private long tokenExp;

    public PoliceClient(PoliceApiConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Posts {@code records} to {@code path} and reads the answer for each record. */
    public synchronized PortalAnswer post(String path, List<Map<String, Object>> records)
            throws LoginRefused, Unreachable, InterruptedException {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(records);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records are plain JSON values", e);
        }
        HttpResponse<byte[]> r = call(path, body);
        if (r.statusCode() == 401 || r.statusCode() == 403) {
            // an expired or revoked token: one new login, then the same call once more
            token = null;
            r = call(path, body);
            if (r.statusCode() == 401 || r.statusCode() == 403) {
                token = null;
                throw new LoginRefused("Cổng công an từ chối mã truy cập mới / the police API refused a fresh access"
                        + " token (HTTP " + r.statusCode() + ")");
            }
        }
        return PortalAnswer.of(r.statusCode(), r.body(), records.size());
    }

    private HttpResponse<byte[]> call(String path, byte[] body) throws LoginRefused, Unreachable, InterruptedException {
        String bearer = token();
        HttpRequest request = HttpRequest.newBuilder(resolve(path)).timeout(config.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", "Bearer " + bearer)
                .header("User-Agent", "cccd-kiosk")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return send(request);
    }

    private String token() throws LoginRefused, Unreachable, InterruptedException {
        long now = Instant.now(clock).getEpochSecond();
        if (token != null && tokenExp - now > RENEW_BEFORE_SECONDS) {
            return token;
        }
        token = null;
        String form = "username=" + enc(config.username()) + "&password=" + enc(config.password())
                + "&grant-type=api_cslt";
        HttpRequest request = HttpRequest.newBuilder(resolve(TOKEN)).timeout(config.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        config.client().getBytes(StandardCharsets.UTF_8)))
                .header("User-Agent", "cccd-kiosk")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build();
        HttpResponse<byte[]> r = send(request);
        if (r.statusCode() >= 500 || r.statusCode() == 429) {
            throw new Unreachable("Cổng đăng nhập của công an trả lời HTTP " + r.statusCode() + " / the police API's"
                    + " login answered HTTP " + r.statusCode());
        }
        JsonNode json;
        try {
            json = JSON.readTree(r.body());
        } catch (IOException e) {
            json = null;
        }
        JsonNode data = json == null ? null : json.path("data");
        if (r.statusCode() != 200 || json == null || !"200".equals(json.path("code").asText())
                || !data.path("AccessToken").isTextual() || data.path("AccessToken").asText().isEmpty()) {
            throw new LoginRefused("Cổng công an từ chối đăng nhập của cơ sở / the police API refused the"
                    + " establishment's login (HTTP " + r.statusCode() + "): check lodging.police.username and the"
                    + " password and client credential it is given");
        }
        token = data.path("AccessToken").asText();
        // without an expiry the token is used for this call only
        tokenExp = data.path("Exp").canConvertToLong() ? data.path("Exp").asLong() : now;
        return token;
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws Unreachable, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            // the class name only: an exception's message may carry the request
            throw new Unreachable("Không có trả lời từ cổng công an / no answer from the police API ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private URI resolve(String path) {
        String base = config.url().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
