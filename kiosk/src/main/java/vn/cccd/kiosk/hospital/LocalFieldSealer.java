package vn.cccd.kiosk.hospital;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for personal fields, with a random 96-bit nonce per value ({@code base64(nonce || ciphertext+tag)}),
 * keyed from an owner-only key file beside the database (never in it).
 */
final class LocalFieldSealer implements JdbcCheckinStore.FieldSealer {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;

    LocalFieldSealer(Path keyFile) {
        this.key = new SecretKeySpec(keyBytes(keyFile), "AES");
    }

    private static byte[] keyBytes(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                byte[] k = Base64.getDecoder().decode(Files.readString(file).strip());
                if (k.length != 32) {
                    throw new IllegalStateException(file + " does not hold a 256-bit key");
                }
                return k;
            }
            byte[] k = new byte[32];
            RANDOM.nextBytes(k);
            Files.writeString(file, Base64.getEncoder().encodeToString(k), StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            return k;
        } catch (IOException e) {
            throw new UncheckedIOException("the field key " + file + " cannot be read or made", e);
        }
    }

    @Override
    public String seal(String plain) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + ct.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(ct, 0, out, nonce.length, ct.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    @Override
    public String open(String sealed) {
        try {
            byte[] in = Base64.getDecoder().decode(sealed);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            return new String(c.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a stored personal field was altered or sealed with another key");
        }
    }
}
