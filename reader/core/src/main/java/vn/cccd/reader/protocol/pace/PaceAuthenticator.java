package vn.cccd.reader.protocol.pace;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.Function;
import vn.cccd.reader.apdu.Iso7816;
import vn.cccd.reader.keys.AccessKey;
import vn.cccd.reader.apdu.CommandApdu;
import vn.cccd.reader.apdu.ResponseApdu;
import vn.cccd.reader.apdu.StatusWords;
import vn.cccd.reader.crypto.Kdf;
import vn.cccd.reader.error.AccessDeniedException;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.lds.PaceInfo;
import vn.cccd.reader.sm.SmSession;
import vn.cccd.reader.transport.CardTransport;

/**
 * The reader side of PACE with Generic Mapping (ICAO 9303-11 §4.4): MSE:Set AT, then four GENERAL AUTHENTICATE
 * steps (encrypted nonce, mapping, key agreement, mutual tokens), then AES or 3DES secure messaging with a zero
 * SSC. A wrong password shows as the chip refusing our token (63Cx) or as its token not verifying: both are
 * {@link AccessDeniedException}. Anything else (a suite we do not implement, a refused MSE) is another typed
 * error, after which the caller may fall back to BAC.
 *
 * <p>The private keys come from an injectable source so the ICAO App. G worked example can be replayed.
 */
public final class PaceAuthenticator {
    private final Function<PaceGroup, BigInteger> privateKeys;

    public PaceAuthenticator(Function<PaceGroup, BigInteger> privateKeys) {
        this.privateKeys = privateKeys;
    }

    public PaceAuthenticator(SecureRandom random) {
        this(g -> g.randomPrivateKey(random));
    }

    public SmSession authenticate(CardTransport card, PaceInfo info, AccessKey key) {
        PaceSuite suite = PaceSuite.of(info.protocol()).orElseThrow(() -> new MalformedDataException(
                "the chip offers PACE protocol " + info.protocol() + ", which this reader does not know"));
        if (suite.mapping() != PaceSuite.Mapping.GM) {
            throw new MalformedDataException("the chip offers PACE with " + suite.mapping()
                    + " mapping; this reader implements Generic Mapping only");
        }
        if (info.parameterId() == null) {
            throw new MalformedDataException("the chip's PACEInfo names no standardized domain parameters");
        }
        PaceGroup group = PaceGroup.standard(info.parameterId());
        byte[] kPi = PaceProtocol.passwordKey(key, suite);
        byte[] ksMac = null;
        byte[] shared = null;
        try {
            StatusWords.check(card.transmit(Iso7816.mseSet(Iso7816.MSE_SET_AT_PACE, Iso7816.CRT_AT,
                    PaceProtocol.mseSetAt(suite.oid(), PaceProtocol.passwordReference(key), info.parameterId()))),
                    "PACE MSE:Set AT");

            byte[] z = PaceProtocol.element(generalAuthenticate(card, true, new byte[] {0x7C, 0x00}, "nonce"), 0x80, "nonce");
            if (z.length != suite.nonceLength()) {
                throw new MalformedDataException("PACE nonce: " + z.length + " bytes, expected " + suite.nonceLength());
            }
            BigInteger s = new BigInteger(1, suite.nonceCipher(PaceSuite.DECRYPT, kPi, z));

            BigInteger mapSk = privateKeys.apply(group);
            byte[] chipMapPk = PaceProtocol.element(generalAuthenticate(card, true,
                    PaceProtocol.dynamic(0x81, group.publicKey(mapSk)), "mapping"), 0x82, "mapping");
            PaceGroup mapped = group.mapGeneric(s, mapSk, chipMapPk);

            BigInteger ephSk = privateKeys.apply(mapped);
            byte[] ephPk = mapped.publicKey(ephSk);
            byte[] chipEphPk = PaceProtocol.element(generalAuthenticate(card, true,
                    PaceProtocol.dynamic(0x83, ephPk), "key agreement"), 0x84, "key agreement");
            if (Arrays.equals(chipEphPk, ephPk)) {
                throw new MalformedDataException("PACE: the chip echoed our ephemeral public key");
            }
            shared = mapped.sharedSecret(ephSk, chipEphPk);
            ksMac = Kdf.derive(shared, Kdf.MAC, suite.keyType());

            byte[] tPcd = suite.token(ksMac, PaceProtocol.publicKeyObject(suite.oid(), mapped.publicKeyTag(), chipEphPk));
            ResponseApdu last = card.transmit(Iso7816.generalAuthenticate(false,
                    PaceProtocol.dynamic(0x85, tPcd), CommandApdu.MAX_SHORT_NE));
            if (last.sw() == StatusWords.VERIFICATION_FAILED || (last.sw() & 0xFFF0) == StatusWords.COUNTER_PREFIX
                    || last.sw() == StatusWords.SECURITY_STATUS_NOT_SATISFIED) {
                throw new AccessDeniedException("the chip rejected the PACE password (SW "
                        + String.format("%04X", last.sw()) + "): check the "
                        + (PaceProtocol.passwordReference(key) == PaceProtocol.PASSWORD_CAN ? "card access number"
                                : "document number, date of birth and expiry"));
            }
            StatusWords.check(last, "PACE mutual authentication");
            byte[] tPicc = PaceProtocol.element(last.data(), 0x86, "mutual authentication");
            byte[] expected = suite.token(ksMac, PaceProtocol.publicKeyObject(suite.oid(), mapped.publicKeyTag(), ephPk));
            if (!MessageDigest.isEqual(expected, tPicc)) {
                throw new AccessDeniedException("the chip's PACE token does not verify: wrong password or not the chip"
                        + " it claims to be");
            }
            return suite.session(shared);
        } finally {
            Arrays.fill(kPi, (byte) 0);
            if (ksMac != null) {
                Arrays.fill(ksMac, (byte) 0);
            }
            if (shared != null) {
                Arrays.fill(shared, (byte) 0);
            }
        }
    }

    private static byte[] generalAuthenticate(CardTransport card, boolean chained, byte[] data, String step) {
        ResponseApdu r = card.transmit(Iso7816.generalAuthenticate(chained, data, CommandApdu.MAX_SHORT_NE));
        StatusWords.check(r, "PACE " + step);
        return r.data();
    }
}
