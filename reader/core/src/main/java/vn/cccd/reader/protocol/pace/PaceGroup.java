package vn.cccd.reader.protocol.pace;

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

    /** RFC 5114 §2.2 and §2.3, the 2048-bit MODP groups with 224- and 256-bit subgroups (PACE IDs 1 and 2). */
    static final BigInteger RFC5114_2048_224_P = new BigInteger("AD107E1E9123A9D0D660FAA79559C51FA20D64E5683B9FD1B54B1597B61D0A75E6FA141DF95A56DBAF9A3C407BA1DF15"
            + "EB3D688A309C180E1DE6B85A1274A0A66D3F8152AD6AC2129037C9EDEFDA4DF8D91E8FEF55B7394B7AD5B7D0B6C12207"
            + "C9F98D11ED34DBF6C6BA0B2C8BBC27BE6A00E0A0B9C49708B3BF8A317091883681286130BC8985DB1602E714415D9330"
            + "278273C7DE31EFDC7310F7121FD5A07415987D9ADC0A486DCDF93ACC44328387315D75E198C641A480CD86A1B9E587E8"
            + "BE60E69CC928B2B9C52172E413042E9B23F10B0E16E79763C9B53DCF4BA80A29E3FB73C16B8E75B97EF363E2FFA31F71"
            + "CF9DE5384E71B81C0AC4DFFE0C10E64F", 16);
    static final BigInteger RFC5114_2048_224_G = new BigInteger("AC4032EF4F2D9AE39DF30B5C8FFDAC506CDEBE7B89998CAF74866A08CFE4FFE3A6824A4E10B9A6F0DD921F01A70C4AFA"
            + "AB739D7700C29F52C57DB17C620A8652BE5E9001A8D66AD7C17669101999024AF4D027275AC1348BB8A762D0521BC98A"
            + "E247150422EA1ED409939D54DA7460CDB5F6C6B250717CBEF180EB34118E98D119529A45D6F834566E3025E316A330EF"
            + "BB77A86F0C1AB15B051AE3D428C8F8ACB70A8137150B8EEB10E183EDD19963DDD9E263E4770589EF6AA21E7F5F2FF381"
            + "B539CCE3409D13CD566AFBB48D6C019181E1BCFE94B30269EDFE72FE9B6AA4BD7B5A0F1C71CFFF4C19C418E1F6EC0179"
            + "81BC087F2A7065B384B890D3191F2BFA", 16);
    static final BigInteger RFC5114_2048_224_Q = new BigInteger("801C0D34C58D93FE997177101F80535A4738CEBCBF389A99B36371EB", 16);
    static final BigInteger RFC5114_2048_256_P = new BigInteger("87A8E61DB4B6663CFFBBD19C651959998CEEF608660DD0F25D2CEED4435E3B00E00DF8F1D61957D4FAF7DF4561B2AA30"
            + "16C3D91134096FAA3BF4296D830E9A7C209E0C6497517ABD5A8A9D306BCF67ED91F9E6725B4758C022E0B1EF4275BF7B"
            + "6C5BFC11D45F9088B941F54EB1E59BB8BC39A0BF12307F5C4FDB70C581B23F76B63ACAE1CAA6B7902D52526735488A0E"
            + "F13C6D9A51BFA4AB3AD8347796524D8EF6A167B5A41825D967E144E5140564251CCACB83E6B486F6B3CA3F7971506026"
            + "C0B857F689962856DED4010ABD0BE621C3A3960A54E710C375F26375D7014103A4B54330C198AF126116D2276E11715F"
            + "693877FAD7EF09CADB094AE91E1A1597", 16);
    static final BigInteger RFC5114_2048_256_G = new BigInteger("3FB32C9B73134D0B2E77506660EDBD484CA7B18F21EF205407F4793A1A0BA12510DBC15077BE463FFF4FED4AAC0BB555"
            + "BE3A6C1B0C6B47B1BC3773BF7E8C6F62901228F8C28CBB18A55AE31341000A650196F931C77A57F2DDF463E5E9EC144B"
            + "777DE62AAAB8A8628AC376D282D6ED3864E67982428EBC831D14348F6F2F9193B5045AF2767164E1DFC967C1FB3F2E55"
            + "A4BD1BFFE83B9C80D052B985D182EA0ADB2A3B7313D3FE14C8484B1E052588B9B7D2BBD2DF016199ECD06E1557CD0915"
            + "B3353BBB64E0EC377FD028370DF92B52C7891428CDC67EB6184B523D1DB246C32F63078490F00EF8D647D148D4795451"
            + "5E2327CFEF98C582664B4C0F6CC41659", 16);
    static final BigInteger RFC5114_2048_256_Q = new BigInteger("8CF83642A709A097B447997640129DA299B1A47D1EB3750BA308B0FE64F5FBD3", 16);

    public static PaceGroup standard(int parameterId) {
        return switch (parameterId) {
            case 0 -> new Dh(RFC5114_1024_P, RFC5114_1024_G, RFC5114_1024_Q);
            case 1 -> new Dh(RFC5114_2048_224_P, RFC5114_2048_224_G, RFC5114_2048_224_Q);
            case 2 -> new Dh(RFC5114_2048_256_P, RFC5114_2048_256_G, RFC5114_2048_256_Q);
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
