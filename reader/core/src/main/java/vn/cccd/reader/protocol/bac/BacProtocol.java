package vn.cccd.reader.protocol.bac;

import java.security.MessageDigest;
import java.util.Arrays;
import vn.cccd.reader.crypto.Kdf;
import vn.cccd.reader.crypto.Padding;
import vn.cccd.reader.crypto.RetailMac;
import vn.cccd.reader.crypto.TripleDes;
import vn.cccd.reader.sm.SmSession;
import vn.cccd.reader.sm.TdesSmCipher;

/**
 * The BAC mutual-authentication cryptograms (E = 3DES(K_enc, S), M = retail MAC(K_mac, E)) and the session
 * keys that follow, shared by the reader ({@link BacAuthenticator}) and the mock chip so that both ends compute
 * them with one piece of code checked against ICAO App. D.3.
 */
public final class BacProtocol {
    public static final int NONCE = 8;
    public static final int KEY_MATERIAL = 16;
    public static final int MESSAGE = 40;

    private BacProtocol() {
    }

    /** E ‖ M over a 32-byte plaintext. */
    public static byte[] seal(BacKeys keys, byte[] plain32) {
        byte[] kEnc = keys.kEnc();
        byte[] kMac = keys.kMac();
        try {
            byte[] e = TripleDes.encrypt(kEnc, plain32);
            byte[] m = RetailMac.mac(kMac, Padding.pad(e, 8));
            byte[] out = Arrays.copyOf(e, e.length + 8);
            System.arraycopy(m, 0, out, e.length, 8);
            return out;
        } finally {
            Arrays.fill(kEnc, (byte) 0);
            Arrays.fill(kMac, (byte) 0);
        }
    }

    /** Checks the MAC of a 40-byte E ‖ M and decrypts E; null when the MAC is wrong (a wrong key). */
    public static byte[] open(BacKeys keys, byte[] message) {
        if (message.length != MESSAGE) {
            return null;
        }
        byte[] kEnc = keys.kEnc();
        byte[] kMac = keys.kMac();
        try {
            byte[] e = Arrays.copyOf(message, 32);
            byte[] m = Arrays.copyOfRange(message, 32, 40);
            if (!MessageDigest.isEqual(RetailMac.mac(kMac, Padding.pad(e, 8)), m)) {
                return null;
            }
            return TripleDes.decrypt(kEnc, e);
        } finally {
            Arrays.fill(kEnc, (byte) 0);
            Arrays.fill(kMac, (byte) 0);
        }
    }

    /** Session keys from K.ICC xor K.IFD and the SSC from the nonces' last four bytes (App. D.3). */
    public static SmSession session(byte[] kIcc, byte[] kIfd, byte[] rndIcc, byte[] rndIfd) {
        byte[] seed = new byte[KEY_MATERIAL];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = (byte) (kIcc[i] ^ kIfd[i]);
        }
        byte[] ksEnc = Kdf.derive(seed, Kdf.ENC, Kdf.KeyType.DESEDE);
        byte[] ksMac = Kdf.derive(seed, Kdf.MAC, Kdf.KeyType.DESEDE);
        byte[] ssc = new byte[8];
        System.arraycopy(rndIcc, 4, ssc, 0, 4);
        System.arraycopy(rndIfd, 4, ssc, 4, 4);
        try {
            return new SmSession(new TdesSmCipher(ksEnc, ksMac), ssc);
        } finally {
            Arrays.fill(seed, (byte) 0);
            Arrays.fill(ksEnc, (byte) 0);
            Arrays.fill(ksMac, (byte) 0);
        }
    }
}
