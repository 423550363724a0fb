package vn.cccd.reader.protocol.pace;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import vn.cccd.reader.keys.AccessKey;
import vn.cccd.reader.keys.CanKey;
import vn.cccd.reader.keys.MrzKey;
import vn.cccd.reader.crypto.Kdf;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.tlv.Tlv;

/** The data objects PACE exchanges, shared by the reader and the mock chip. */
public final class PaceProtocol {
    public static final int PASSWORD_MRZ = 1;
    public static final int PASSWORD_CAN = 2;

    private PaceProtocol() {
    }

    /** The password reference of MSE:Set AT (83): 01 MRZ, 02 CAN. */
    public static int passwordReference(AccessKey key) {
        return key instanceof CanKey ? PASSWORD_CAN : PASSWORD_MRZ;
    }

    /** The password bytes π: SHA-1 of MRZ_information, or the CAN's digits. */
    public static byte[] password(AccessKey key) {
        if (key instanceof MrzKey m) {
            return Kdf.sha1(m.mrzInformation().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        return ((CanKey) key).can().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** K_π = KDF(π, 3). */
    public static byte[] passwordKey(AccessKey key, PaceSuite suite) {
        return Kdf.derive(password(key), Kdf.PACE_PASSWORD, suite.keyType());
    }

    /** The DER value of an OID (without tag and length). */
    public static byte[] oidValue(String oid) {
        try {
            return Tlv.parse(new ASN1ObjectIdentifier(oid).getEncoded()).value();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** MSE:Set AT data: 80 protocol OID, 83 password reference, 84 domain parameter ID. */
    public static byte[] mseSetAt(String oid, int passwordRef, int parameterId) {
        return concat(Tlv.of(0x80, oidValue(oid)).encode(), Tlv.of(0x83, new byte[] {(byte) passwordRef}).encode(),
                Tlv.of(0x84, new byte[] {(byte) parameterId}).encode());
    }

    /** The public key data object the tokens are computed over: 7F49 { 06 OID, 86|84 key }. */
    public static byte[] publicKeyObject(String oid, int keyTag, byte[] publicKey) {
        return Tlv.of(0x7F49, Tlv.of(0x06, oidValue(oid)), Tlv.of(keyTag, publicKey)).encode();
    }

    /** A dynamic authentication data object 7C holding one element with {@code tag}. */
    public static byte[] dynamic(int tag, byte[] value) {
        return Tlv.of(0x7C, Tlv.of(tag, value)).encode();
    }

    /** The element {@code tag} of a 7C answer; malformed when absent. */
    public static byte[] element(byte[] dynamicObject, int tag, String step) {
        try {
            Tlv t = Tlv.parse(dynamicObject);
            if (t.tag() != 0x7C) {
                throw new MalformedDataException(step + ": the answer is not a 7C object");
            }
            return t.find(tag).orElseThrow(() -> new MalformedDataException(step + ": element "
                    + Integer.toHexString(tag) + " is missing")).value();
        } catch (MalformedDataException e) {
            throw new MalformedDataException("PACE " + step + ": " + e.getMessage(), e);
        }
    }

    static byte[] concat(byte[]... parts) {
        return vn.cccd.reader.util.Bytes.concat(parts);
    }
}
