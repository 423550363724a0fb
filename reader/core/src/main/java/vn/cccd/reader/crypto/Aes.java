package vn.cccd.reader.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;

/** AES-CBC without padding, single-block AES-ECB (for SM IVs) and AES-CMAC, as PACE and AES SM use them. */
public final class Aes {
    public static final int BLOCK = 16;

    private Aes() {
    }

    public static byte[] cbc(int mode, byte[] key, byte[] iv, byte[] data) {
        if (data.length % BLOCK != 0) {
            throw new IllegalArgumentException("data is not a whole number of 16-byte blocks");
        }
        try {
            Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
            c.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return c.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new CryptoFailure("AES unavailable", e);
        }
    }

    public static byte[] encryptBlock(byte[] key, byte[] block) {
        try {
            Cipher c = Cipher.getInstance("AES/ECB/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            return c.doFinal(block);
        } catch (GeneralSecurityException e) {
            throw new CryptoFailure("AES unavailable", e);
        }
    }

    /** AES-CMAC (NIST SP 800-38B), full 16 bytes; callers truncate to 8. */
    public static byte[] cmac(byte[] key, byte[] data) {
        CMac mac = new CMac(AESEngine.newInstance());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }
}
