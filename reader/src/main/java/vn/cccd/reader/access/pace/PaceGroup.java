package vn.cccd.reader.access.pace;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import vn.cccd.reader.error.MalformedDataException;

/**
 * The group PACE computes in: a standardized elliptic curve or DH group (ICAO 9303-11 §9.5.1, parameter IDs 0-2
 * and 8-18), with the generator replaceable by the mapped one. Elements travel as bytes: an uncompressed point
 * {@code 04 || x || y}, or a DH value as unsigned big-endian of the modulus' length. Every decoded element is
 * validated (on the curve and not infinity; 1 &lt; y &lt; p-1 with y^q = 1), since it comes from the other side.
 */
public abstract sealed class PaceGroup permits PaceGroup.Ec, PaceGroup.Dh {

    /** RFC 5114 §2.1, the 1024-bit MODP group with a 160-bit prime order subgroup (PACE parameter ID 0). */
    static final BigInteger RFC5114_1024_P = new BigInteger("B10B8F96A080E01DDE92DE5EAE5D54EC52C99FBCFB06A3C69A6A9DCA"
            + "52D23B616073E28675A23D189838EF1E2EE652C013ECB4AEA906112324975C3CD49B83BFACCBDD7D90C4BD7098488E9C219A73"
            + "724EFFD6FAE5644738FAA31A4FF55BCCC0A151AF5F0DC8B4BD45BF37DF365C1A65E68CFDA76D4DA708DF1FB2BC2E4A4371", 16);
    static final BigInteger RFC5114_1024_G = new BigInteger("A4D1CBD5C3FD34126765A442EFB99905F8104DD258AC507FD6406CFF"
            + "14266D31266FEA1E5C41564B777E690F5504F213160217B4B01B886A5E91547F9E2749F4D7FBD7D3B9A92EE1909D0D2263F80A"
            + "76A6A24C087A091F531DBF0A0169B6A28AD662A4D18E73AFA32D779D5918D08BC8858F4DCEF97C2A24855E6EEB22B3B2E5", 16);
    static final BigInteger RFC5114_1024_Q = new BigInteger("F518AA8781A8DF278ABA4E7D64B7CB9D49462353", 16);

    public static PaceGroup standard(int parameterId) {
        return switch (parameterId) {
            case 0 -> new Dh(RFC5114_1024_P, RFC5114_1024_G, RFC5114_1024_Q);
            case 1, 2 -> throw new MalformedDataException("PACE with the 2048-bit DH group " + parameterId
                    + " is not supported (no chip is known to use it); the reader falls back to BAC");
            case 8 -> ec("secp192r1");
            case 9 -> ec("brainpoolP192r1");
            case 10 -> ec("secp224r1");
            case 11 -> ec("brainpoolP224r1");
            case 12 -> ec("secp256r1");
            case 13 -> ec("brainpoolP256r1");
            case 14 -> ec("brainpoolP320r1");
            case 15 -> ec("secp384r1");
            case 16 -> ec("brainpoolP384r1");
            case 17 -> ec("brainpoolP512r1");
            case 18 -> ec("secp521r1");
            default -> throw new MalformedDataException("unknown standardized PACE domain parameter ID " + parameterId);
        };
    }

    private static Ec ec(String name) {
        X9ECParameters p = ECNamedCurveTable.getByName(name);
        return new Ec(p.getCurve(), p.getG(), p.getN());
    }

    public abstract BigInteger order();

    /** A random private key in [1, order-1]. */
    public BigInteger randomPrivateKey(SecureRandom random) {
        return BigIntegers.createRandomInRange(BigInteger.ONE, order().subtract(BigInteger.ONE), random);
    }

    /** The public key of {@code sk} over the current generator, encoded. */
    public abstract byte[] publicKey(BigInteger sk);

    /** The shared secret of our {@code sk} and their encoded public key: x coordinate, or the DH value. */
    public abstract byte[] sharedSecret(BigInteger sk, byte[] theirPublicKey);

    /** Generic Mapping: the group with generator s·G + H, where H is the shared point of the mapping keys. */
    public abstract PaceGroup mapGeneric(BigInteger s, BigInteger sk, byte[] theirMappingKey);

    /** The tag of the public value inside the 7F49 object: 86 (EC point) or 84 (DH value). */
    public abstract int publicKeyTag();

    public static final class Ec extends PaceGroup {
        private final ECCurve curve;
        private final ECPoint g;
        private final BigInteger n;

        Ec(ECCurve curve, ECPoint g, BigInteger n) {
            this.curve = curve;
            this.g = g.normalize();
            this.n = n;
        }

        @Override
        public BigInteger order() {
            return n;
        }

        @Override
        public byte[] publicKey(BigInteger sk) {
            return g.multiply(sk).normalize().getEncoded(false);
        }

        private ECPoint decode(byte[] encoded) {
            try {
                ECPoint p = curve.decodePoint(encoded).normalize();
                if (p.isInfinity() || !p.isValid() || encoded[0] != 0x04) {
                    throw new MalformedDataException("the other side's PACE point is not a valid uncompressed point");
                }
                return p;
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw new MalformedDataException("the other side's PACE point does not decode: " + e.getMessage());
            }
        }

        private ECPoint shared(BigInteger sk, byte[] theirs) {
            ECPoint h = decode(theirs).multiply(sk).normalize();
            if (h.isInfinity()) {
                throw new MalformedDataException("PACE key agreement gave the point at infinity");
            }
            return h;
        }

        @Override
        public byte[] sharedSecret(BigInteger sk, byte[] theirPublicKey) {
            return shared(sk, theirPublicKey).getAffineXCoord().getEncoded();
        }

        @Override
        public PaceGroup mapGeneric(BigInteger s, BigInteger sk, byte[] theirMappingKey) {
            ECPoint mapped = g.multiply(s).add(shared(sk, theirMappingKey)).normalize();
            if (mapped.isInfinity()) {
                throw new MalformedDataException("PACE mapping gave the point at infinity");
            }
            return new Ec(curve, mapped, n);
        }

        @Override
        public int publicKeyTag() {
            return 0x86;
        }
    }

    public static final class Dh extends PaceGroup {
        private final BigInteger p;
        private final BigInteger g;
        private final BigInteger q;
        private final int length;

        Dh(BigInteger p, BigInteger g, BigInteger q) {
            this.p = p;
            this.g = g;
            this.q = q;
            this.length = (p.bitLength() + 7) / 8;
        }

        @Override
        public BigInteger order() {
            return q;
        }

        @Override
        public byte[] publicKey(BigInteger sk) {
            return BigIntegers.asUnsignedByteArray(length, g.modPow(sk, p));
        }

        private BigInteger decode(byte[] encoded) {
            if (encoded.length == 0 || encoded.length > length) {
                throw new MalformedDataException("the other side's PACE DH value has a wrong length");
            }
            BigInteger y = new BigInteger(1, encoded);
            if (y.compareTo(BigInteger.ONE) <= 0 || y.compareTo(p.subtract(BigInteger.ONE)) >= 0
                    || !y.modPow(q, p).equals(BigInteger.ONE)) {
                throw new MalformedDataException("the other side's PACE DH value is not in the group");
            }
            return y;
        }

        @Override
        public byte[] sharedSecret(BigInteger sk, byte[] theirPublicKey) {
            return BigIntegers.asUnsignedByteArray(length, decode(theirPublicKey).modPow(sk, p));
        }

        @Override
        public PaceGroup mapGeneric(BigInteger s, BigInteger sk, byte[] theirMappingKey) {
            BigInteger h = decode(theirMappingKey).modPow(sk, p);
            return new Dh(p, g.modPow(s, p).multiply(h).mod(p), q);
        }

        @Override
        public int publicKeyTag() {
            return 0x84;
        }
    }

}
