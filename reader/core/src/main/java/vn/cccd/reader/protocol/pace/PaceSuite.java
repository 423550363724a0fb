package vn.cccd.reader.protocol.pace;

import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import vn.cccd.reader.crypto.Aes;
import vn.cccd.reader.crypto.Kdf;
import vn.cccd.reader.crypto.Padding;
import vn.cccd.reader.crypto.RetailMac;
import vn.cccd.reader.crypto.TripleDes;
import vn.cccd.reader.lds.SecurityInfo;
import vn.cccd.reader.sm.AesSmCipher;
import vn.cccd.reader.sm.SmCipher;
import vn.cccd.reader.sm.SmSession;
import vn.cccd.reader.sm.TdesSmCipher;

/**
 * A PACE protocol OID ({@code id-PACE-<agreement>-<mapping>-<cipher>}) decoded: key agreement (DH or ECDH),
 * mapping (GM is implemented; IM and CAM are recognised so they can be refused in words) and cipher.
 */
public record PaceSuite(String oid, boolean ecdh, Mapping mapping, Kdf.KeyType keyType) {

    public enum Mapping { GM, IM, CAM }

    /** The suite of a PACEInfo protocol OID, or empty when it is not a PACE protocol we know. */
    public static Optional<PaceSuite> of(String oid) {
        String prefix = SecurityInfo.ID_PACE + ".";
        if (oid == null || !oid.startsWith(prefix)) {
            return Optional.empty();
        }
        String[] arcs = oid.substring(prefix.length()).split("\\.");
        if (arcs.length != 2) {
            return Optional.empty();
        }
        boolean ecdh;
        Mapping mapping;
        switch (arcs[0]) {
            case "1" -> { ecdh = false; mapping = Mapping.GM; }
            case "2" -> { ecdh = true; mapping = Mapping.GM; }
            case "3" -> { ecdh = false; mapping = Mapping.IM; }
            case "4" -> { ecdh = true; mapping = Mapping.IM; }
            case "6" -> { ecdh = true; mapping = Mapping.CAM; }
            default -> {
                return Optional.empty();
            }
        }
        Kdf.KeyType type = switch (arcs[1]) {
            case "1" -> Kdf.KeyType.DESEDE;
            case "2" -> Kdf.KeyType.AES128;
            case "3" -> Kdf.KeyType.AES192;
            case "4" -> Kdf.KeyType.AES256;
            default -> null;
        };
        return type == null ? Optional.empty() : Optional.of(new PaceSuite(oid, ecdh, mapping, type));
    }

    public boolean aes() {
        return keyType != Kdf.KeyType.DESEDE;
    }

    /** Decrypts (or encrypts) the nonce with K_pi: AES-CBC or 3DES-CBC, zero IV. */
    public byte[] nonceCipher(int mode, byte[] kPi, byte[] data) {
        return aes() ? Aes.cbc(mode, kPi, new byte[Aes.BLOCK], data) : TripleDes.cbc(mode, kPi, new byte[8], data);
    }

    public int nonceLength() {
        return aes() ? 16 : 8;
    }

    /** The 8-byte authentication token over the encoded public key data object (7F49). */
    public byte[] token(byte[] ksMac, byte[] publicKeyObject) {
        if (aes()) {
            return Arrays.copyOf(Aes.cmac(ksMac, publicKeyObject), 8);
        }
        return RetailMac.mac(ksMac, Padding.pad(publicKeyObject, 8));
    }

    /** The secure messaging session after PACE: KDF(K, 1/2), SSC zero. */
    public SmSession session(byte[] sharedSecret) {
        byte[] enc = Kdf.derive(sharedSecret, Kdf.ENC, keyType);
        byte[] mac = Kdf.derive(sharedSecret, Kdf.MAC, keyType);
        try {
            SmCipher c = aes() ? new AesSmCipher(enc, mac) : new TdesSmCipher(enc, mac);
            return new SmSession(c, new byte[c.blockSize()]);
        } finally {
            Arrays.fill(enc, (byte) 0);
            Arrays.fill(mac, (byte) 0);
        }
    }

    public static final int ENCRYPT = Cipher.ENCRYPT_MODE;
    public static final int DECRYPT = Cipher.DECRYPT_MODE;
}
