package vn.cccd.reader.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Two-key 3DES (K1 K2 K1) in CBC mode without padding, and single DES for the retail MAC. Keys are 16 bytes;
 * DES ignores the parity bits, so parity-adjusted and raw keys give the same results.
 */
public final class TripleDes {
    public static final int BLOCK = 8;
    private static final byte[] ZERO_IV = new byte[BLOCK];

    private TripleDes() {
    }

    public static byte[] encrypt(byte[] key16, byte[] data) {
        return cbc(Cipher.ENCRYPT_MODE, key16, ZERO_IV, data);
    }

    public static byte[] decrypt(byte[] key16, byte[] data) {
        return cbc(Cipher.DECRYPT_MODE, key16, ZERO_IV, data);
    }

    public static byte[] cbc(int mode, byte[] key16, byte[] iv, byte[] data) {
        requireBlocks(data);
        byte[] k24 = expand(key16);
        try {
            Cipher c = Cipher.getInstance("DESede/CBC/NoPadding");
            c.init(mode, new SecretKeySpec(k24, "DESede"), new IvParameterSpec(iv));
            return c.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new CryptoFailure("3DES unavailable", e);
        } finally {
            Arrays.fill(k24, (byte) 0);
        }
    }

    static byte[] des(int mode, byte[] key8, byte[] iv, byte[] data) {
        try {
            Cipher c = Cipher.getInstance("DES/CBC/NoPadding");
            c.init(mode, new SecretKeySpec(key8, "DES"), new IvParameterSpec(iv));
            return c.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new CryptoFailure("DES unavailable", e);
        }
    }

    /** Sets the odd-parity bit of every key byte, as ICAO's key derivation asks. */
    public static byte[] adjustParity(byte[] key) {
        byte[] out = key.clone();
        for (int i = 0; i < out.length; i++) {
            int b = out[i] & 0xFE;
            out[i] = (byte) (b | ((Integer.bitCount(b) & 1) == 0 ? 1 : 0));
        }
        return out;
    }

    private static byte[] expand(byte[] key16) {
        if (key16.length != 16) {
            throw new IllegalArgumentException("3DES key must be 16 bytes");
        }
        byte[] k = Arrays.copyOf(key16, 24);
        System.arraycopy(key16, 0, k, 16, 8);
        return k;
    }

    private static void requireBlocks(byte[] data) {
        if (data.length % BLOCK != 0) {
            throw new IllegalArgumentException("data is not a whole number of 8-byte blocks");
        }
    }
}
