package vn.cccd.reader.sm;

import java.util.Arrays;
import vn.cccd.reader.crypto.RetailMac;
import vn.cccd.reader.crypto.TripleDes;

/** BAC (and PACE-3DES) secure messaging: 3DES-CBC with a zero IV and the ISO/IEC 9797-1 retail MAC. */
public final class TdesSmCipher implements SmCipher {
    private final byte[] ksEnc;
    private final byte[] ksMac;

    public TdesSmCipher(byte[] ksEnc, byte[] ksMac) {
        if (ksEnc.length != 16 || ksMac.length != 16) {
            throw new IllegalArgumentException("3DES session keys are 16 bytes");
        }
        this.ksEnc = ksEnc.clone();
        this.ksMac = ksMac.clone();
    }

    @Override
    public int blockSize() {
        return TripleDes.BLOCK;
    }

    @Override
    public byte[] encrypt(byte[] ssc, byte[] padded) {
        return TripleDes.encrypt(ksEnc, padded);
    }

    @Override
    public byte[] decrypt(byte[] ssc, byte[] cryptogram) {
        return TripleDes.decrypt(ksEnc, cryptogram);
    }

    @Override
    public byte[] mac(byte[] padded) {
        return RetailMac.mac(ksMac, padded);
    }

    @Override
    public void wipe() {
        Arrays.fill(ksEnc, (byte) 0);
        Arrays.fill(ksMac, (byte) 0);
    }
}
