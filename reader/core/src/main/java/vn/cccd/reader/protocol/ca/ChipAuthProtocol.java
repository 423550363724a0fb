package vn.cccd.reader.protocol.ca;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.Optional;
import org.bouncycastle.jcajce.provider.asymmetric.util.EC5Util;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import vn.cccd.reader.crypto.Kdf;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.lds.SecurityInfo;
import vn.cccd.reader.sm.AesSmCipher;
import vn.cccd.reader.sm.SmCipher;
import vn.cccd.reader.sm.SmSession;
import vn.cccd.reader.sm.TdesSmCipher;

/**
 * The arithmetic of Chip Authentication with ECDH (EAC v1 as in eMRTDs, BSI TR-03110 / ICAO 9303-11 §6.2), shared
 * by the reader and the mock chip: the cipher from the CA OID, ephemeral keys on the chip key's curve, the shared
 * secret (x coordinate) and the new secure messaging session (KDF 1/2, SSC zero).
 */
public final class ChipAuthProtocol {
    private ChipAuthProtocol() {
    }

    /** The session key type for {@code id-CA-ECDH-<cipher>}, or empty for DH or unknown protocols. */
    public static Optional<Kdf.KeyType> ecdhKeyType(String oid) {
        return keyType(oid, SecurityInfo.ID_CA + ".2.");
    }

    /** The session key type for {@code id-CA-DH-<cipher>}, or empty. */
    public static Optional<Kdf.KeyType> dhKeyType(String oid) {
        return keyType(oid, SecurityInfo.ID_CA + ".1.");
    }

    private static Optional<Kdf.KeyType> keyType(String oid, String prefix) {
        if (oid == null || !oid.startsWith(prefix)) {
            return Optional.empty();
        }
        return switch (oid.substring(prefix.length())) {
            case "1" -> Optional.of(Kdf.KeyType.DESEDE);
            case "2" -> Optional.of(Kdf.KeyType.AES128);
            case "3" -> Optional.of(Kdf.KeyType.AES192);
            case "4" -> Optional.of(Kdf.KeyType.AES256);
            default -> Optional.empty();
        };
    }

    /** An ephemeral key pair on the curve of {@code chipKey}: the private scalar and the encoded public point. */
    public record Ephemeral(BigInteger privateKey, byte[] publicKey) {
        public Ephemeral {
            publicKey = publicKey.clone();
        }

        @Override
        public byte[] publicKey() {
            return publicKey.clone();
        }
    }

    public static Ephemeral ephemeral(ECPublicKey chipKey, SecureRandom random) {
        org.bouncycastle.jce.spec.ECParameterSpec spec = EC5Util.convertSpec(chipKey.getParams());
        BigInteger sk = BigIntegers.createRandomInRange(BigInteger.ONE, spec.getN().subtract(BigInteger.ONE), random);
        return new Ephemeral(sk, spec.getG().multiply(sk).normalize().getEncoded(false));
    }

    /** x(sk · their point), with their point given as an encoded point on {@code curveOf}'s curve. */
    public static byte[] sharedSecret(ECPublicKey curveOf, BigInteger sk, byte[] theirPoint) {
        ECCurve curve = EC5Util.convertCurve(curveOf.getParams().getCurve());
        ECPoint p;
        try {
            p = curve.decodePoint(theirPoint).normalize();
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new MalformedDataException("the Chip Authentication public key does not decode");
        }
        if (p.isInfinity() || !p.isValid()) {
            throw new MalformedDataException("the Chip Authentication public key is not on the curve");
        }
        ECPoint k = p.multiply(sk).normalize();
        if (k.isInfinity()) {
            throw new MalformedDataException("Chip Authentication key agreement gave the point at infinity");
        }
        return k.getAffineXCoord().getEncoded();
    }

    /** A DH ephemeral key in the group of {@code chipKey}: x and y = g^x mod p (unsigned, the modulus' length). */
    public static Ephemeral ephemeral(javax.crypto.interfaces.DHPublicKey chipKey, SecureRandom random) {
        javax.crypto.spec.DHParameterSpec g = chipKey.getParams();
        BigInteger order = g.getP().subtract(BigInteger.TWO);
        BigInteger x = BigIntegers.createRandomInRange(BigInteger.TWO, order, random);
        return new Ephemeral(x, dhEncode(g.getP(), g.getG().modPow(x, g.getP())));
    }

    /** y^x mod p for their y, validated (1 &lt; y &lt; p-1), as the modulus' length. */
    public static byte[] dhSharedSecret(javax.crypto.spec.DHParameterSpec group, BigInteger x, byte[] theirY) {
        BigInteger y = new BigInteger(1, theirY);
        BigInteger p = group.getP();
        if (y.compareTo(BigInteger.ONE) <= 0 || y.compareTo(p.subtract(BigInteger.ONE)) >= 0) {
            throw new MalformedDataException("the Chip Authentication DH value is out of range");
        }
        return dhEncode(p, y.modPow(x, p));
    }

    public static byte[] dhEncode(BigInteger p, BigInteger v) {
        return BigIntegers.asUnsignedByteArray((p.bitLength() + 7) / 8, v);
    }

    /** The encoded point of a public key. */
    public static byte[] encode(ECPublicKey key) {
        return EC5Util.convertPoint(key.getParams(), key.getW()).getEncoded(false);
    }

    public static SmSession session(byte[] sharedSecret, Kdf.KeyType type) {
        byte[] enc = Kdf.derive(sharedSecret, Kdf.ENC, type);
        byte[] mac = Kdf.derive(sharedSecret, Kdf.MAC, type);
        try {
            SmCipher c = type == Kdf.KeyType.DESEDE ? new TdesSmCipher(enc, mac) : new AesSmCipher(enc, mac);
            return new SmSession(c, new byte[c.blockSize()]);
        } finally {
            java.util.Arrays.fill(enc, (byte) 0);
            java.util.Arrays.fill(mac, (byte) 0);
        }
    }
}
