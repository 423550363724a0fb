package vn.cccd.reader.sm;

import java.util.Arrays;
import javax.crypto.Cipher;
import vn.cccd.reader.crypto.Aes;

/** PACE/CA AES secure messaging: AES-CBC with IV = AES(KS_enc, SSC) and AES-CMAC truncated to 8 bytes. */
public final class AesSmCipher implements SmCipher {
    private final byte[] ksEnc;
    private final byte[] ksMac;

    public AesSmCipher(byte[] ksEnc, byte[] ksMac) {
        if (!validLength(ksEnc.length) || ksMac.length != ksEnc.length) {
            throw new IllegalArgumentException("AES session keys are 16, 24 or 32 bytes");
        }
        this.ksEnc = ksEnc.clone();
        this.ksMac = ksMac.clone();
    }

    private static boolean validLength(int n) {
        return n == 16 || n == 24 || n == 32;
    }

    @Override
    public int blockSize() {
        return Aes.BLOCK;
    }

    @Override
    public byte[] encrypt(byte[] ssc, byte[] padded) {
        return Aes.cbc(Cipher.ENCRYPT_MODE, ksEnc, Aes.encryptBlock(ksEnc, ssc), padded);
    }

    @Override
    public byte[] decrypt(byte[] ssc, byte[] cryptogram) {
        return Aes.cbc(Cipher.DECRYPT_MODE, ksEnc, Aes.encryptBlock(ksEnc, ssc), cryptogram);
    }

    @Override
    public byte[] mac(byte[] padded) {
        return Arrays.copyOf(Aes.cmac(ksMac, padded), 8);
    }

    @Override
    public void wipe() {
        Arrays.fill(ksEnc, (byte) 0);
        Arrays.fill(ksMac, (byte) 0);
    }
}
