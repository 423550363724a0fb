package vn.cccd.kiosk.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal fields before they reach the database (AES-256-GCM, a fresh random 12-byte nonce per value)
 * and makes the keyed hash (HMAC-SHA-256) under which a person's records are found without storing the ID number
 * in the clear. Both keys are derived from one 32-byte master key ({@link StorageKey}), which never enters the
 * database.
 *
 * <p>Each value is bound to its place by the GCM associated data (for example {@code lodging_guest.full_name:ID}),
 * so a ciphertext copied into another row or column does not decrypt. Stored form: {@code v1:} + base64 of
 * nonce, ciphertext and tag.
 */
public final class FieldCipher {
    static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] CHECK_PLAINTEXT = "cccd-kiosk storage key check".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec encryption;
    private final SecretKeySpec lookup;
    private final SecureRandom random = new SecureRandom();

    /** @param masterKey 32 bytes */
    public FieldCipher(byte[] masterKey) {
        if (masterKey == null || masterKey.length != 32) {
            throw new StorageException(StorageException.Code.BAD_KEY, "the storage key must be 32 bytes");
        }
        // separate keys per use: a hash never reveals anything about the encryption key and vice versa
        this.encryption = new SecretKeySpec(derive(masterKey, "cccd-kiosk field encryption v1"), "AES");
        this.lookup = new SecretKeySpec(derive(masterKey, "cccd-kiosk subject lookup v1"), "HmacSHA256");
    }

    private static byte[] derive(byte[] master, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * Encrypts {@code value} for the place named by {@code context} (table, column and row); null stays null.
     */
    public String encrypt(String value, String context) {
        if (value == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, encryption, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(value.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(nonce.length + ct.length).put(nonce).put(ct);
            return PREFIX + Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /**
     * Decrypts what {@link #encrypt} stored for the same {@code context}; null stays null.
     *
     * @throws StorageException {@code CORRUPT} when the value was altered, moved or written with another key
     */
    public String decrypt(String stored, String context) {
        if (stored == null) {
            return null;
        }
        byte[] plain = open(stored, context);
        if (plain == null) {
            throw new StorageException(StorageException.Code.CORRUPT, "a stored value does not decrypt (" + column(context)
                    + "): it was altered, moved or written with another key");
        }
        return new String(plain, StandardCharsets.UTF_8);
    }

    private static String column(String context) {
        int colon = context.indexOf(':');
        return colon < 0 ? context : context.substring(0, colon);
    }

    private byte[] open(String stored, String context) {
        if (!stored.startsWith(PREFIX)) {
            return null;
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (all.length < NONCE_BYTES + TAG_BITS / 8) {
            return null;
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, encryption, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            return null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** A value stored once per database so that a wrong key is recognised at start, before anything is written. */
    String keyCheck() {
        return encrypt(new String(CHECK_PLAINTEXT, StandardCharsets.US_ASCII), "storage_meta.key_check");
    }

    /** Whether {@code stored} (from {@link #keyCheck()}) was made with this key. */
    boolean matchesKeyCheck(String stored) {
        byte[] plain = open(stored, "storage_meta.key_check");
        return plain != null && MessageDigest.isEqual(plain, CHECK_PLAINTEXT);
    }

    /**
     * The keyed hash of an ID card or passport number (hex): records are looked up by it, so the number itself is
     * never a plain column. The number is normalised first (NFC, no spaces, upper case), so the same number typed
     * differently finds the same records.
     */
    public String subjectHash(String idNumber) {
        String n = normalizeNumber(idNumber);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(lookup);
            return HexFormat.of().formatHex(mac.doFinal(n.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every Java runtime", e);
        }
    }

    /** An ID or passport number as compared: NFC, spaces and '<' fillers removed, upper case. */
    public static String normalizeNumber(String idNumber) {
        if (idNumber == null) {
            throw new IllegalArgumentException("no ID number");
        }
        String n = Normalizer.normalize(idNumber, Normalizer.Form.NFC).replaceAll("[\\s<]", "")
                .toUpperCase(Locale.ROOT);
        if (n.isEmpty()) {
            throw new IllegalArgumentException("no ID number");
        }
        return n;
    }

    @Override
    public String toString() {
        return "FieldCipher[AES-256-GCM]";
    }

    /** Overwrites a key copy once it is no longer needed. */
    static void wipe(byte[] key) {
        if (key != null) {
            Arrays.fill(key, (byte) 0);
        }
    }
}
