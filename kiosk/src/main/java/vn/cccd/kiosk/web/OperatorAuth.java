package vn.cccd.kiosk.web;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import vn.cccd.kiosk.config.PinHash;
import vn.cccd.kiosk.web.http.ApiException;
import vn.cccd.kiosk.web.http.ApiRequest;

/**
 * Staff login with the station PIN ({@code POST /api/operator/login}) and the bearer tokens it hands out.
 *
 * <p>Each attempt takes a place in the budget of {@value LoginLockout#MAX_FAILURES} wrong PINs atomically, before
 * the PIN is hashed: a burst of parallel guesses gets at most that many PINs evaluated, the rest are refused at
 * once. The fifth wrong PIN in a row locks logins, each lockout twice as long as the one before, kept across
 * restarts ({@link LoginLockout}). While locked, even the right PIN gets no token. Configured staff PINs have at
 * least {@value vn.cccd.kiosk.config.PinHash#MIN_STAFF_PIN_DIGITS} digits (demo mode keeps its published
 * {@code 0000}); a shorter one is a wrong PIN without being hashed.
 */
public final class OperatorAuth {
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(8);
    /**
     * A desk left alone logs out: a token unused for this long is gone. Requests the page makes by itself (the
     * desk's list refresh) send {@value #BACKGROUND_HEADER} and do not count as use.
     */
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(15);
    public static final String BACKGROUND_HEADER = "X-Staff-Background";
    private static final int MAX_TOKENS = 32;

    private final Predicate<String> pin;
    private final int minDigits;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Token> tokens = new LinkedHashMap<>();
    private final LoginLockout lockout;
    /** Attempts whose PIN is being hashed now: they hold places in the budget. */
    private int evaluating;

    /** @param pin the PIN hash, or null when staff functions are off */
    public OperatorAuth(PinHash pin, Clock clock) {
        this(pin, PinHash.MIN_STAFF_PIN_DIGITS, null, clock);
    }

    /**
     * @param minDigits the fewest digits a PIN may have (demo mode: 4, for its published PIN)
     * @param lockoutFile where wrong-PIN counts and lockouts are kept across restarts (null: memory only)
     */
    public OperatorAuth(PinHash pin, int minDigits, Path lockoutFile, Clock clock) {
        this(pin == null ? null : pin::matches, minDigits, lockoutFile, clock);
    }

    OperatorAuth(Predicate<String> pin, int minDigits, Path lockoutFile, Clock clock) {
        this.pin = pin;
        this.minDigits = minDigits;
        this.clock = clock;
        this.lockout = new LoginLockout(lockoutFile, clock.instant());
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
            if (lockout.locked(now)) {
                throw locked(Duration.between(now, lockout.lockedUntil()));
            }
            if (lockout.failures() + evaluating >= LoginLockout.MAX_FAILURES) {
                // the attempts being checked now may use up the budget: this one waits its turn
                throw locked(Duration.ofSeconds(1));
            }
            evaluating++;
        }
        boolean right = false;
        try {
            right = given != null && given.matches("[0-9]{" + minDigits + ",12}") && pin.test(given);
        } finally {
            synchronized (this) {
                evaluating--;
                if (!right) {
                    lockout.failed(clock.instant());
                }
            }
        }
        synchronized (this) {
            Instant now = clock.instant();
            if (!right) {
                throw new ApiException(401, "WRONG_PIN", "wrong PIN");
            }
            if (lockout.locked(now)) {
                // a wrong PIN of the same burst locked logins while this one was checked
                throw locked(Duration.between(now, lockout.lockedUntil()));
            }
            lockout.succeeded();
            byte[] raw = new byte[32];
            random.nextBytes(raw);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            if (tokens.size() >= MAX_TOKENS) {
                Iterator<String> oldest = tokens.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            tokens.put(token, new Token(now.plus(TOKEN_LIFETIME), now.plus(IDLE_TIMEOUT)));
            return token;
        }
    }

    private static ApiException locked(Duration left) {
        return new ApiException(429, "LOCKED", "too many wrong PINs; try again later",
                Map.of("retryAfterSeconds", Math.max(1, left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0))));
    }

    /** When a token ends: at the latest {@code expires}; earlier when unused until {@code idleUntil}. */
    private record Token(Instant expires, Instant idleUntil) {
    }

    /** @throws ApiException 401 unless the request carries a valid token; else the token's idle time restarts */
    public void require(ApiRequest request) {
        require(request.header("Authorization"), request.header(BACKGROUND_HEADER) != null);
    }

    synchronized void require(String authorization, boolean background) {
        String token = bearer(authorization);
        Token t = token == null ? null : tokens.get(token);
        Instant now = clock.instant();
        if (t == null || !now.isBefore(t.expires()) || !now.isBefore(t.idleUntil())) {
            if (token != null) {
                tokens.remove(token);
            }
            throw new ApiException(401, "UNAUTHORIZED", "staff login needed (Authorization: Bearer <token>)");
        }
        if (!background) {
            Instant idle = now.plus(IDLE_TIMEOUT);
            tokens.put(token, new Token(t.expires(), idle.isAfter(t.expires()) ? t.expires() : idle));
        }
    }

    public synchronized void logout(ApiRequest request) {
        String token = bearer(request);
        if (token != null) {
            tokens.remove(token);
        }
    }

    private static String bearer(ApiRequest request) {
        return bearer(request.header("Authorization"));
    }

    private static String bearer(String h) {
        if (h == null || !h.startsWith("Bearer ")) {
            return null;
        }
        String t = h.substring("Bearer ".length()).strip();
        return t.isEmpty() || t.length() > 100 ? null : t;
    }
}
