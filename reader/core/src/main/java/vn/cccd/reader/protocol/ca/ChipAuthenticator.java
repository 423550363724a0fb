package vn.cccd.reader.protocol.ca;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.Optional;
import vn.cccd.reader.apdu.CommandApdu;
import vn.cccd.reader.apdu.Iso7816;
import vn.cccd.reader.apdu.ResponseApdu;
import vn.cccd.reader.crypto.Kdf;
import vn.cccd.reader.error.CardLostException;
import vn.cccd.reader.error.ReaderException;
import vn.cccd.reader.lds.ChipAuthenticationInfo;
import vn.cccd.reader.lds.ChipAuthenticationPublicKeyInfo;
import vn.cccd.reader.lds.Dg14File;
import vn.cccd.reader.model.CheckResult;
import vn.cccd.reader.protocol.pace.PaceProtocol;
import vn.cccd.reader.sm.SmSession;
import vn.cccd.reader.tlv.Tlv;
import vn.cccd.reader.transport.CardTransport;

/**
 * The reader side of Chip Authentication (ECDH or DH): an ephemeral key agreed with the chip's static key from DG14,
 * sent with MSE:Set KAT (3DES) or MSE:Set AT + GENERAL AUTHENTICATE (AES) under the current secure messaging;
 * the chip and the reader then restart secure messaging with keys from the shared secret. Only a chip that holds
 * DG14's private key can answer under the new keys, so the caller proves it by reading on.
 */
public final class ChipAuthenticator {
    private final SecureRandom random;

    public ChipAuthenticator(SecureRandom random) {
        this.random = random;
    }

    /** The result so far: FAILED/NOT_SUPPORTED with no session, or a new session to prove by reading. */
    public record Outcome(CheckResult result, SmSession session) {
    }

    /** Empty when DG14 offers no Chip Authentication key. */
    public Optional<Outcome> authenticate(CardTransport secure, Dg14File dg14) {
        var keys = dg14.securityInfos().chipAuthenticationPublicKeyInfos();
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        ChipAuthenticationPublicKeyInfo keyInfo = keys.get(0);
        ChipAuthenticationInfo info = dg14.securityInfos().chipAuthenticationInfos().stream()
                .filter(i -> i.keyId() == null || keyInfo.keyId() == null || i.keyId().equals(keyInfo.keyId()))
                .findFirst().orElse(null);
        boolean dh = keyInfo.publicKey() instanceof javax.crypto.interfaces.DHPublicKey;
        String oid = info != null ? info.protocol() : vn.cccd.reader.lds.SecurityInfo.ID_CA + (dh ? ".1.1" : ".2.1");
        Optional<Kdf.KeyType> type = dh ? ChipAuthProtocol.dhKeyType(oid) : ChipAuthProtocol.ecdhKeyType(oid);
        if (type.isEmpty() || !(keyInfo.publicKey() instanceof ECPublicKey) && !dh) {
            return Optional.of(new Outcome(new CheckResult(CheckResult.Status.NOT_CHECKED,
                    "the chip offers Chip Authentication " + oid + ", which this reader does not know"), null));
        }
        ChipAuthProtocol.Ephemeral eph = dh
                ? ChipAuthProtocol.ephemeral((javax.crypto.interfaces.DHPublicKey) keyInfo.publicKey(), random)
                : ChipAuthProtocol.ephemeral((ECPublicKey) keyInfo.publicKey(), random);
        byte[] keyId = keyInfo.keyId() == null ? null : keyIdBytes(keyInfo.keyId());
        try {
            ResponseApdu r;
            if (type.get() == Kdf.KeyType.DESEDE) {
                byte[] data = concat(Tlv.of(0x91, eph.publicKey()).encode(), keyId == null ? new byte[0]
                        : Tlv.of(0x84, keyId).encode());
                r = secure.transmit(Iso7816.mseSet(Iso7816.MSE_SET_CA, Iso7816.CRT_KAT, data));
            } else {
                byte[] data = concat(Tlv.of(0x80, PaceProtocol.oidValue(oid)).encode(),
                        keyId == null ? new byte[0] : Tlv.of(0x84, keyId).encode());
                r = secure.transmit(Iso7816.mseSet(Iso7816.MSE_SET_CA, Iso7816.CRT_AT, data));
                if (r.isSuccess()) {
                    r = secure.transmit(Iso7816.generalAuthenticate(false,
                            Tlv.of(0x7C, Tlv.of(0x80, eph.publicKey())).encode(), CommandApdu.MAX_SHORT_NE));
                }
            }
            if (!r.isSuccess()) {
                return Optional.of(new Outcome(new CheckResult(CheckResult.Status.FAILED, String.format(
                        "the chip refused Chip Authentication (SW %04X) although DG14 offers it", r.sw())), null));
            }
        } catch (CardLostException e) {
            throw e;
        } catch (ReaderException e) {
            return Optional.of(new Outcome(new CheckResult(CheckResult.Status.FAILED,
                    "Chip Authentication failed: " + e.getMessage()), null));
        }
        byte[] shared;
        try {
            if (dh) {
                javax.crypto.interfaces.DHPublicKey chipKey = (javax.crypto.interfaces.DHPublicKey) keyInfo.publicKey();
                shared = ChipAuthProtocol.dhSharedSecret(chipKey.getParams(), eph.privateKey(),
                        ChipAuthProtocol.dhEncode(chipKey.getParams().getP(), chipKey.getY()));
            } else {
                ECPublicKey chipKey = (ECPublicKey) keyInfo.publicKey();
                shared = ChipAuthProtocol.sharedSecret(chipKey, eph.privateKey(), ChipAuthProtocol.encode(chipKey));
            }
        } catch (ReaderException e) {
            return Optional.of(new Outcome(new CheckResult(CheckResult.Status.FAILED,
                    "DG14's Chip Authentication key is not usable: " + e.getMessage()), null));
        }
        try {
            return Optional.of(new Outcome(new CheckResult(CheckResult.Status.PASSED,
                    "the chip proved it holds the key in DG14 by answering under the new session keys"),
                    ChipAuthProtocol.session(shared, type.get())));
        } finally {
            java.util.Arrays.fill(shared, (byte) 0);
        }
    }

    private static byte[] keyIdBytes(BigInteger id) {
        return org.bouncycastle.util.BigIntegers.asUnsignedByteArray(id);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return vn.cccd.reader.util.Bytes.concat(a, b);
    }
}
