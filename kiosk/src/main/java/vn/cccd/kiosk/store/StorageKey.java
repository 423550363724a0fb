package vn.cccd.kiosk.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import vn.cccd.kiosk.config.StorageSettings;

/**
 * Loads the 32-byte master key of {@link FieldCipher}: from the environment variable named by
 * {@code storage.keyEnv}, else from the file {@code storage.keyFile}, else from {@code storage.key} in the data
 * directory, which is created (random, owner-only) the first time. The key is never written into the database.
 * Accepted encodings: base64 or hex text of 32 bytes, or the 32 raw bytes.
 */
public final class StorageKey {
    /** The key file used when the configuration names none. */
    public static final String DEFAULT_FILE = "storage.key";

    private StorageKey() {
    }

    /** @throws StorageException {@code NO_KEY} or {@code BAD_KEY}, naming the source but never the key */
    public static byte[] load(StorageSettings settings, Path dataDir, Map<String, String> env) {
        if (settings.keyEnv() != null && !settings.keyEnv().isBlank()) {
            String name = settings.keyEnv().strip();
            String v = env.get(name);
            if (v == null || v.isBlank()) {
                throw new StorageException(StorageException.Code.NO_KEY, "storage.keyEnv: the environment variable "
                        + name + " is not set (it must hold the 32-byte storage key, base64 or hex)");
            }
            return decode(v.strip().getBytes(StandardCharsets.US_ASCII), "the environment variable " + name);
        }
        Path file = settings.keyFile();
        if (file == null) {
            file = dataDir.resolve(DEFAULT_FILE);
            if (!Files.exists(file)) {
                create(file);
            }
        }
        if (!Files.isRegularFile(file)) {
            throw new StorageException(StorageException.Code.NO_KEY, "storage.keyFile: no such file: " + file);
        }
        try {
            return decode(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new StorageException(StorageException.Code.NO_KEY, "storage.keyFile: cannot read " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /** A fresh random key as base64 text (for {@code --new-storage-key} style tooling and tests). */
    public static String generate() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    private static void create(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, generate().getBytes(StandardCharsets.US_ASCII), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the data directory's own protection applies
            }
        } catch (IOException e) {
            throw new StorageException(StorageException.Code.NO_KEY, "cannot create the storage key " + file + ": "
                    + e.getMessage(), e);
        }
    }

    static byte[] decode(byte[] raw, String source) {
        if (raw.length == 32) {
            return raw.clone();
        }
        String text = new String(raw, StandardCharsets.US_ASCII).strip();
        byte[] key = null;
        if (text.matches("[0-9a-fA-F]{64}")) {
            key = HexFormat.of().parseHex(text);
        } else {
            try {
                key = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                key = null;
            }
        }
        if (key == null || key.length != 32) {
            throw new StorageException(StorageException.Code.BAD_KEY, "the storage key in " + source
                    + " is not 32 bytes (give it as base64 or 64 hex digits)");
        }
        return key;
    }
}
