package vn.cccd.reader.crypto;

import java.util.Arrays;
import javax.crypto.Cipher;

/**
 * ISO/IEC 9797-1 MAC algorithm 3 with DES ("retail MAC"): DES-CBC under K1 over every block, then the last
 * block decrypted under K2 and encrypted under K1. The input must already be padded.
 */
public final class RetailMac {
    private RetailMac() {
    }

    public static byte[] mac(byte[] key16, byte[] paddedData) {
        if (key16.length != 16 || paddedData.length == 0 || paddedData.length % 8 != 0) {
            throw new IllegalArgumentException("retail MAC needs a 16-byte key and whole 8-byte blocks");
        }
        byte[] k1 = Arrays.copyOfRange(key16, 0, 8);
        byte[] k2 = Arrays.copyOfRange(key16, 8, 16);
        try {
            byte[] chained = TripleDes.des(Cipher.ENCRYPT_MODE, k1, new byte[8], paddedData);
            byte[] last = Arrays.copyOfRange(chained, chained.length - 8, chained.length);
            byte[] step = TripleDes.des(Cipher.DECRYPT_MODE, k2, new byte[8], last);
            return TripleDes.des(Cipher.ENCRYPT_MODE, k1, new byte[8], step);
        } finally {
            Arrays.fill(k1, (byte) 0);
            Arrays.fill(k2, (byte) 0);
        }
    }
}
