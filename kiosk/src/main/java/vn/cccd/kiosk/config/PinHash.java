package vn.cccd.kiosk.config;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The operator PIN as stored in the configuration: PBKDF2-HMAC-SHA256 with a random salt, written as
 * {@code pbkdf2-sha256$ITERATIONS$SALT_BASE64$HASH_BASE64}. Create one with {@code cccd-kiosk.jar --hash-pin}.
 */
public final class PinHash {
    private static final String PREFIX = "pbkdf2-sha256";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    /** Enough to make a stolen hash of a short PIN slow to brute-force, still well under a second to check. */
    public static final int DEFAULT_ITERATIONS = 210_000;
    private static final int MIN_ITERATIONS = 10_000;
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final int HASH_BYTES = 32;
    /**
     * The fewest digits of a staff PIN: with five guesses per growing lockout, a million PINs keep guessing out of
     * reach. {@code --hash-pin} refuses shorter ones and staff login treats them as wrong (demo mode's published
     * {@code 0000} excepted).
     */
    public static final int MIN_STAFF_PIN_DIGITS = 6;

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PinHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt.clone();
        this.hash = hash.clone();
    }

    /** Hashes {@code pin} with a fresh salt. */
    public static PinHash create(String pin) {
        return create(pin, DEFAULT_ITERATIONS);
    }

    public static PinHash create(String pin, int iterations) {
        if (pin == null || pin.isEmpty()) {
            throw new IllegalArgumentException("the PIN must not be empty");
        }
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return new PinHash(iterations, salt, derive(pin, salt, iterations));
    }

    /**
     * Parses the stored form.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static PinHash parse(String stored) {
        String[] parts = stored.strip().split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            throw new IllegalArgumentException("expected pbkdf2-sha256$ITERATIONS$SALT$HASH (make one with --hash-pin)");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the iteration count '" + parts[1] + "' is not a number");
        }
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("the iteration count must be between " + MIN_ITERATIONS + " and "
                    + MAX_ITERATIONS);
        }
        byte[] salt;
        byte[] hash;
        try {
            salt = Base64.getDecoder().decode(parts[2]);
            hash = Base64.getDecoder().decode(parts[3]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("salt and hash must be Base64");
        }
        if (salt.length < 8 || hash.length != HASH_BYTES) {
            throw new IllegalArgumentException("salt must be at least 8 bytes and the hash " + HASH_BYTES + " bytes");
        }
        return new PinHash(iterations, salt, hash);
    }

    /** Whether {@code pin} matches, in time independent of where it differs. */
    public boolean matches(String pin) {
        if (pin == null || pin.isEmpty() || pin.length() > 64) {
            return false;
        }
        return MessageDigest.isEqual(hash, derive(pin, salt, iterations));
    }

    /** The stored form. */
    public String encoded() {
        return PREFIX + "$" + iterations + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(hash);
    }

    private static byte[] derive(String pin, byte[] salt, int iterations) {
        char[] chars = pin.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available in this JVM", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }

    @Override
    public String toString() {
        return "PinHash[" + PREFIX + ", " + iterations + " iterations]";
    }
}
