package vn.cccd.mock.pki;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Deterministic randomness: everything a mock card contains (keys, portrait, nonces of signatures) comes from
 * a label such as {@code persona:nguyen-thi-a:aa}, so that every run builds byte-identical files.
 * Never use this for anything but test documents.
 */
public final class Seeds {
    private Seeds() {
    }

    /**
     * A SHA1PRNG seeded with SHA-256 of the label before its first use: seeded explicitly like this it
     * produces the same stream on every run (it never mixes in system entropy).
     */
    public static SecureRandom random(String label) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG", "SUN");
            r.setSeed(sha256(label));
            return r;
        } catch (NoSuchAlgorithmException | java.security.NoSuchProviderException e) {
            throw new IllegalStateException("SHA1PRNG is part of every Java 17 runtime", e);
        }
    }

    /** A 64-bit seed for java.util.Random (drawing, not cryptography). */
    public static long seed(String label) {
        byte[] h = sha256(label);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (h[i] & 0xFF);
        }
        return v;
    }

    public static byte[] sha256(String label) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
