package vn.cccd.reader.protocol.bac;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import vn.cccd.reader.crypto.Kdf;
import vn.cccd.reader.keys.MrzKey;

/**
 * The document basic access keys K_enc and K_mac (ICAO 9303-11 §9.7 and App. D.1-D.2): K_seed is the first 16
 * bytes of SHA-1(MRZ_information). The arrays are the caller's to wipe.
 */
public record BacKeys(byte[] kEnc, byte[] kMac) {
    public BacKeys {
        kEnc = kEnc.clone();
        kMac = kMac.clone();
    }

    public static BacKeys derive(MrzKey key) {
        byte[] hash = Kdf.sha1(key.mrzInformation().getBytes(StandardCharsets.US_ASCII));
        byte[] seed = Arrays.copyOf(hash, 16);
        Arrays.fill(hash, (byte) 0);
        try {
            return new BacKeys(Kdf.derive(seed, Kdf.ENC, Kdf.KeyType.DESEDE), Kdf.derive(seed, Kdf.MAC, Kdf.KeyType.DESEDE));
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    @Override
    public byte[] kEnc() {
        return kEnc.clone();
    }

    @Override
    public byte[] kMac() {
        return kMac.clone();
    }

    public void wipe() {
        Arrays.fill(kEnc, (byte) 0);
        Arrays.fill(kMac, (byte) 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BacKeys b && Arrays.equals(b.kEnc, kEnc) && Arrays.equals(b.kMac, kMac);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(kEnc);
    }

    @Override
    public String toString() {
        return "BacKeys[redacted]";
    }
}
