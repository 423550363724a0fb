package vn.cccd.mock.chip;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.util.BigIntegers;

/**
 * The chip side of Active Authentication: signs the terminal's challenge with the chip's private key. RSA keys
 * sign with ISO/IEC 9796-2 scheme 1 (partial message recovery, SHA-256, trailer 34CC), EC keys with plain
 * ECDSA-SHA-256 (r||s), as DG14's ActiveAuthenticationInfo announces.
 */
final class ActiveAuthResponder {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private ActiveAuthResponder() {
    }

    static byte[] sign(KeyPair key, byte[] challenge, SecureRandom random) {
        try {
            if (key.getPrivate() instanceof RSAPrivateCrtKey rsa) {
                return iso9796Scheme1(rsa, challenge, random);
            }
            Signature s = Signature.getInstance("SHA256withPLAIN-ECDSA", BC);
            s.initSign(key.getPrivate(), random);
            s.update(challenge);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the mock chip cannot sign", e);
        }
    }

    private static byte[] iso9796Scheme1(RSAPrivateCrtKey key, byte[] challenge, SecureRandom random)
            throws GeneralSecurityException {
        BigInteger n = key.getModulus();
        int k = (n.bitLength() + 7) / 8;
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        int m1Length = k - 1 - sha256.getDigestLength() - 2;
        byte[] m1 = new byte[m1Length];
        random.nextBytes(m1);
        sha256.update(m1);
        sha256.update(challenge);
        byte[] d = sha256.digest();
        byte[] f = new byte[k];
        f[0] = 0x6A;
        System.arraycopy(m1, 0, f, 1, m1Length);
        System.arraycopy(d, 0, f, 1 + m1Length, d.length);
        f[k - 2] = 0x34;
        f[k - 1] = (byte) 0xCC;
        BigInteger s = new BigInteger(1, f).modPow(key.getPrivateExponent(), n);
        return BigIntegers.asUnsignedByteArray(k, s);
    }
}
