package vn.cccd.kiosk.server;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.cccd.kiosk.config.PinHash;
import vn.cccd.kiosk.server.http.ApiException;
import vn.cccd.kiosk.server.http.ApiRequest;

/**
 * Staff login with the station PIN ({@code POST /api/operator/login}) and the bearer tokens it hands out. After five
 * wrong PINs in a row logins are refused for a minute, so a PIN cannot be guessed at the kiosk.
 */
public final class OperatorAuth {
    static final int MAX_FAILURES = 5;
    static final Duration LOCKOUT = Duration.ofSeconds(60);
    static final Duration TOKEN_LIFETIME = Duration.ofHours(8);
    private static final int MAX_TOKENS = 32;

    private final PinHash pin;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> tokens = new LinkedHashMap<>();
    private int failures;
    private Instant lockedUntil = Instant.MIN;

    /** @param pin the PIN hash, or null when staff functions are off */
    public OperatorAuth(PinHash pin, Clock clock) {
        this.pin = pin;
        this.clock = clock;
    }

    public boolean enabled() {
        return pin != null;
    }

    /** A new token for the right PIN. */
    public String login(String given) {
        if (pin == null) {
            throw new ApiException(403, "OPERATOR_DISABLED", "no operator PIN is configured (operator.pinHash)");
        }
        synchronized (this) {
            Instant now = clock.instant();
            if (now.isBefore(lockedUntil)) {
                throw new ApiException(429, "LOCKED", "too many wrong PINs; try again later",
                        Map.of("retryAfterSeconds", Math.max(1, Duration.between(now, lockedUntil).toSeconds())));
            }
        }
        boolean ok = pin.matches(given);
        synchronized (this) {
            if (!ok) {
                if (++failures >= MAX_FAILURES) {
                    failures = 0;
                    lockedUntil = clock.instant().plus(LOCKOUT);
                }
                throw new ApiException(401, "WRONG_PIN", "wrong PIN");
            }
            failures = 0;
            byte[] raw = new byte[32];
            random.nextBytes(raw);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            if (tokens.size() >= MAX_TOKENS) {
                Iterator<String> oldest = tokens.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            tokens.put(token, clock.instant().plus(TOKEN_LIFETIME));
            return token;
        }
    }

    /** @throws ApiException 401 unless the request carries a valid token */
    public synchronized void require(ApiRequest request) {
        String token = bearer(request);
        Instant until = token == null ? null : tokens.get(token);
        if (until == null || !clock.instant().isBefore(until)) {
            if (token != null) {
                tokens.remove(token);
            }
            throw new ApiException(401, "UNAUTHORIZED", "staff login needed (Authorization: Bearer <token>)");
        }
    }

    public synchronized void logout(ApiRequest request) {
        String token = bearer(request);
        if (token != null) {
            tokens.remove(token);
        }
    }

    private static String bearer(ApiRequest request) {
        String h = request.header("Authorization");
        if (h == null || !h.startsWith("Bearer ")) {
            return null;
        }
        String t = h.substring("Bearer ".length()).strip();
        return t.isEmpty() || t.length() > 100 ? null : t;
    }
}
