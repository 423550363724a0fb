package vn.cccd.kiosk.web.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.cccd.kiosk.config.ConfigException;

/**
 * Who may read the API (issue 14, item 3): with a per-install UI secret ({@code ui.secretFile}), only a browser that
 * was opened through {@code /ui/start?secret=...} (the kiosk launcher, run by the display user who can read the
 * file) holds a valid {@value #COOKIE} cookie. The cookie value is a fresh random nonce and its HMAC under a key
 * derived from the secret: never the secret itself, different at every start, and still valid after the service
 * restarts (so a running kiosk browser keeps working) until the secret changes.
 */
public final class UiAccess {
    /** The cookie's name. */
    public static final String COOKIE = "cccd_ui";
    /** The shortest secret accepted. */
    public static final int MIN_SECRET_CHARS = 32;
    private static final int MAX_SECRET_CHARS = 1024;
    private static final int NONCE_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** SHA-256 of the secret (compared in constant time), or null when no secret is set. */
    private final byte[] secretDigest;
    private final byte[] macKey;

    private UiAccess(byte[] secretDigest, byte[] macKey) {
        this.secretDigest = secretDigest;
        this.macKey = macKey;
    }

    /** No secret: every local program may call the API (demo, tests, a kiosk configured without it). */
    public static UiAccess open() {
        return new UiAccess(null, null);
    }

    /**
     * The secret in {@code file}: one line of at least {@value #MIN_SECRET_CHARS} printable characters (surrounding
     * white space and the line end ignored).
     *
     * @throws ConfigException naming {@code ui.secretFile} when the file cannot be read or the secret is too weak
     */
    public static UiAccess fromFile(Path file) {
        String text;
        try {
            if (Files.size(file) > MAX_SECRET_CHARS + 2) {
                throw new ConfigException("ui.secretFile", file + " is not a one-line secret (too large)");
            }
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new ConfigException("ui.secretFile", "cannot read " + file + ": " + e.getMessage(), e);
        }
        if (text.contains("\n") || text.contains("\r")) {
            throw new ConfigException("ui.secretFile", file + " must hold the secret on one line");
        }
        if (text.length() < MIN_SECRET_CHARS || !text.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ConfigException("ui.secretFile", file + " must hold at least " + MIN_SECRET_CHARS
                    + " random printable ASCII characters (e.g. head -c 32 /dev/urandom | base64)");
        }
        byte[] secret = text.getBytes(StandardCharsets.US_ASCII);
        // the MAC key is derived from the secret, so that a cookie value reveals nothing of the secret itself
        return new UiAccess(sha256(secret), sha256(("cccd-ui-cookie|" + text).getBytes(StandardCharsets.US_ASCII)));
    }

    /** Whether a secret is set (the API needs the cookie). */
    public boolean locked() {
        return secretDigest != null;
    }

    /** Whether {@code candidate} is the secret (constant time: digests of equal length compared in full). */
    public boolean secretMatches(String candidate) {
        if (secretDigest == null || candidate == null || candidate.length() > MAX_SECRET_CHARS) {
            return false;
        }
        return MessageDigest.isEqual(sha256(candidate.getBytes(StandardCharsets.UTF_8)), secretDigest);
    }

    /** A fresh cookie value: a random nonce and its MAC. */
    public String newSessionValue() {
        if (macKey == null) {
            throw new IllegalStateException("no UI secret is set");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return B64.encodeToString(nonce) + "." + B64.encodeToString(hmac(macKey, nonce));
    }

    /** Whether {@code value} is a cookie value this secret made. */
    public boolean validSessionValue(String value) {
        if (macKey == null || value == null || value.length() > 200) {
            return false;
        }
        int dot = value.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        try {
            byte[] nonce = Base64.getUrlDecoder().decode(value.substring(0, dot));
            byte[] mac = Base64.getUrlDecoder().decode(value.substring(dot + 1));
            return nonce.length == NONCE_BYTES && MessageDigest.isEqual(mac, hmac(macKey, nonce));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether one of the request's {@value #COOKIE} cookies is valid (always true without a secret). */
    public boolean allows(List<org.eclipse.jetty.http.HttpCookie> cookies) {
        if (!locked()) {
            return true;
        }
        if (cookies == null) {
            return false;
        }
        for (org.eclipse.jetty.http.HttpCookie c : cookies) {
            if (COOKIE.equals(c.getName()) && validSessionValue(c.getValue())) {
                return true;
            }
        }
        return false;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java", e);
        }
    }
}
