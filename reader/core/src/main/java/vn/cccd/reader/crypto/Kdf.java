package vn.cccd.reader.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The ICAO 9303-11 key derivation function: KDF(K, c) = H(K || c) with a 32-bit counter, truncated to the key
 * length; SHA-1 for 3DES and AES-128, SHA-256 for AES-192/256. 3DES keys get DES parity.
 */
public final class Kdf {
    public static final int ENC = 1;
    public static final int MAC = 2;
    public static final int PACE_PASSWORD = 3;

    /** Which cipher the derived key is for. */
    public enum KeyType {
        DESEDE(16, "SHA-1"), AES128(16, "SHA-1"), AES192(24, "SHA-256"), AES256(32, "SHA-256");

        final int length;
        final String digest;

        KeyType(int length, String digest) {
            this.length = length;
            this.digest = digest;
        }

        public int length() {
            return length;
        }
    }

    private Kdf() {
    }

    public static byte[] derive(byte[] secret, int counter, KeyType type) {
        byte[] in = Arrays.copyOf(secret, secret.length + 4);
        in[secret.length] = (byte) (counter >>> 24);
        in[secret.length + 1] = (byte) (counter >>> 16);
        in[secret.length + 2] = (byte) (counter >>> 8);
        in[secret.length + 3] = (byte) counter;
        byte[] h = digest(type.digest, in);
        Arrays.fill(in, (byte) 0);
        byte[] key = Arrays.copyOf(h, type.length);
        Arrays.fill(h, (byte) 0);
        return type == KeyType.DESEDE ? TripleDes.adjustParity(key) : key;
    }

    static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new CryptoFailure(algorithm + " unavailable", e);
        }
    }

    public static byte[] sha1(byte[] data) {
        return digest("SHA-1", data);
    }
}
