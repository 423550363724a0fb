package vn.cccd.reader.protocol.aa;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import vn.cccd.reader.apdu.CommandApdu;
import vn.cccd.reader.apdu.Iso7816;
import vn.cccd.reader.apdu.ResponseApdu;
import vn.cccd.reader.error.CardLostException;
import vn.cccd.reader.error.ReaderException;
import vn.cccd.reader.lds.ActiveAuthenticationInfo;
import vn.cccd.reader.model.CheckResult;
import vn.cccd.reader.transport.CardTransport;

/**
 * Active Authentication (ICAO 9303-11 §6.1): the chip signs an 8-byte challenge with the private key whose
 * public half is in DG15, which a copied chip cannot do. RSA signatures are ISO/IEC 9796-2 scheme 1 (message
 * recovery; the hash named by the trailer: {@code BC} SHA-1, {@code 33CC} SHA-1, {@code 34CC} SHA-256,
 * {@code 35CC} SHA-512, {@code 36CC} SHA-384, {@code 38CC} SHA-224); ECDSA signatures are plain r||s (or DER, as
 * some chips send) over the challenge, hashed as DG14's ActiveAuthenticationInfo says (SHA-256 when absent).
 */
public final class ActiveAuthenticator {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final String ECDSA_PLAIN = "0.4.0.127.0.7.1.1.4.1.";

    private final SecureRandom random;

    public ActiveAuthenticator(SecureRandom random) {
        this.random = random;
    }

    /**
     * Sends INTERNAL AUTHENTICATE over the (secure messaging) transport and checks the answer.
     *
     * @param challenge 8 bytes from an online verifier, or null for a fresh random one
     * @param info DG14's ActiveAuthenticationInfo, or null
     */
    public CheckResult authenticate(CardTransport transport, PublicKey dg15Key, ActiveAuthenticationInfo info,
            byte[] challenge) {
        byte[] rnd = challenge != null ? challenge.clone() : new byte[8];
        if (challenge == null) {
            random.nextBytes(rnd);
        }
        ResponseApdu r;
        try {
            r = transport.transmit(Iso7816.internalAuthenticate(rnd, CommandApdu.MAX_SHORT_NE));
        } catch (CardLostException e) {
            throw e;
        } catch (ReaderException e) {
            return failed("the chip did not answer the Active Authentication challenge: " + e.getMessage());
        }
        if (!r.isSuccess() || r.dataLength() == 0) {
            return failed(String.format("the chip refused the Active Authentication challenge (SW %04X) although "
                    + "DG15 says it has the key", r.sw()));
        }
        return verify(dg15Key, info, rnd, r.data())
                ? new CheckResult(CheckResult.Status.PASSED, "the chip signed a fresh challenge with the key in DG15")
                : failed("the chip's signature does not verify with the key in DG15: this card may be a copy");
    }

    private static CheckResult failed(String why) {
        return new CheckResult(CheckResult.Status.FAILED, why);
    }

    /** Whether {@code signature} is the chip's answer to {@code challenge} under {@code key}. */
    public static boolean verify(PublicKey key, ActiveAuthenticationInfo info, byte[] challenge, byte[] signature) {
        if (key instanceof RSAPublicKey rsa) {
            return verifyRsa(rsa, challenge, signature);
        }
        if (key instanceof ECPublicKey ec) {
            return verifyEc(ec, info, challenge, signature);
        }
        return false;
    }

    static boolean verifyRsa(RSAPublicKey key, byte[] challenge, byte[] signature) {
        BigInteger n = key.getModulus();
        BigInteger s = new BigInteger(1, signature);
        if (s.signum() == 0 || s.compareTo(n) >= 0) {
            return false;
        }
        BigInteger m = s.modPow(key.getPublicExponent(), n);
        if ((m.intValue() & 0x0F) != 0x0C) {
            m = n.subtract(m); // ISO/IEC 9796-2: the signer may have sent n - s
        }
        int k = (n.bitLength() + 7) / 8;
        byte[] f = org.bouncycastle.util.BigIntegers.asUnsignedByteArray(k, m);
        if ((f[0] & 0xFF) != 0x6A) {
            return false;
        }
        String hash;
        int trailer;
        if ((f[k - 1] & 0xFF) == 0xBC) {
            hash = "SHA-1";
            trailer = 1;
        } else if ((f[k - 1] & 0xFF) == 0xCC) {
            hash = switch (f[k - 2] & 0xFF) {
                case 0x33 -> "SHA-1";
                case 0x34 -> "SHA-256";
                case 0x35 -> "SHA-512";
                case 0x36 -> "SHA-384";
                case 0x38 -> "SHA-224";
                default -> null;
            };
            trailer = 2;
        } else {
            return false;
        }
        if (hash == null) {
            return false;
        }
        try {
            MessageDigest md = MessageDigest.getInstance(hash);
            int dLen = md.getDigestLength();
            int m1End = k - trailer - dLen;
            if (m1End < 1) {
                return false;
            }
            md.update(f, 1, m1End - 1);
            md.update(challenge);
            return MessageDigest.isEqual(md.digest(), Arrays.copyOfRange(f, m1End, k - trailer));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static boolean verifyEc(ECPublicKey key, ActiveAuthenticationInfo info, byte[] challenge, byte[] signature) {
        String hash = "SHA256";
        if (info != null && info.signatureAlgorithm() != null && info.signatureAlgorithm().startsWith(ECDSA_PLAIN)) {
            hash = switch (info.signatureAlgorithm().substring(ECDSA_PLAIN.length())) {
                case "1" -> "SHA1";
                case "2" -> "SHA224";
                case "3" -> "SHA256";
                case "4" -> "SHA384";
                case "5" -> "SHA512";
                default -> "SHA256";
            };
        }
        boolean der = signature.length > 2 && signature[0] == 0x30 && (signature[1] & 0xFF) + 2 == signature.length;
        try {
            Signature v = Signature.getInstance(hash + (der ? "withECDSA" : "withPLAIN-ECDSA"), BC);
            v.initVerify(key);
            v.update(challenge);
            return v.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
