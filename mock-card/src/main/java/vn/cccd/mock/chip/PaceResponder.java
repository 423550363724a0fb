package vn.cccd.mock.chip;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import vn.cccd.reader.keys.AccessKey;
import vn.cccd.reader.keys.CanKey;
import vn.cccd.reader.protocol.pace.PaceGroup;
import vn.cccd.reader.protocol.pace.PaceProtocol;
import vn.cccd.reader.protocol.pace.PaceSuite;
import vn.cccd.reader.apdu.CommandApdu;
import vn.cccd.reader.apdu.Iso7816;
import vn.cccd.reader.apdu.ResponseApdu;
import vn.cccd.reader.apdu.StatusWords;
import vn.cccd.reader.crypto.Kdf;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.lds.PaceInfo;
import vn.cccd.reader.sm.SmSession;
import vn.cccd.reader.tlv.Tlv;

/**
 * The chip side of PACE with Generic Mapping: MSE:Set AT selects the protocol and the password (MRZ or CAN),
 * then four GENERAL AUTHENTICATE steps. A wrong password is found at the last step, where the terminal's token
 * does not verify: the chip answers 63Cx (tries left, never below 1 so demos do not lock) and opens nothing.
 */
final class PaceResponder {
    /** The outcome of one command: the answer, and the new session when PACE has just succeeded. */
    record Outcome(ResponseApdu response, SmSession session) {
        static Outcome of(int sw) {
            return new Outcome(ResponseApdu.of(sw), null);
        }
    }

    private final PaceInfo offered;
    private final AccessKey mrz;
    private final String can;
    private final SecureRandom random;
    private int tries = 3;

    private PaceSuite suite;
    private PaceGroup group;
    private byte[] kPi;
    private int step;
    private BigInteger s;
    private PaceGroup mapped;
    private byte[] chipEphPk;
    private byte[] terminalEphPk;
    private byte[] shared;

    PaceResponder(PaceInfo offered, AccessKey mrz, String can, SecureRandom random) {
        this.offered = offered;
        this.mrz = mrz;
        this.can = can;
        this.random = random;
    }

    Outcome mseSetAt(CommandApdu c) {
        reset();
        Tlv protocol;
        Tlv reference;
        Tlv parameter;
        try {
            java.util.List<Tlv> dos = Tlv.parseAll(c.data());
            protocol = find(dos, 0x80);
            reference = find(dos, 0x83);
            parameter = find(dos, 0x84);
        } catch (MalformedDataException e) {
            return Outcome.of(StatusWords.WRONG_DATA);
        }
        if (protocol == null || reference == null || reference.length() != 1) {
            return Outcome.of(StatusWords.WRONG_DATA);
        }
        if (!Arrays.equals(protocol.value(), PaceProtocol.oidValue(offered.protocol()))
                || parameter != null && (parameter.length() != 1 || parameter.value()[0] != offered.parameterId())) {
            return Outcome.of(StatusWords.REFERENCED_DATA_NOT_FOUND);
        }
        int ref = reference.value()[0];
        AccessKey password = ref == PaceProtocol.PASSWORD_MRZ ? mrz
                : ref == PaceProtocol.PASSWORD_CAN && can != null ? new CanKey(can) : null;
        if (password == null) {
            return Outcome.of(StatusWords.REFERENCED_DATA_NOT_FOUND);
        }
        suite = PaceSuite.of(offered.protocol()).orElseThrow();
        group = PaceGroup.standard(offered.parameterId());
        kPi = PaceProtocol.passwordKey(password, suite);
        step = 1;
        return Outcome.of(StatusWords.SUCCESS);
    }

    Outcome generalAuthenticate(CommandApdu c) {
        if (suite == null) {
            return Outcome.of(StatusWords.CONDITIONS_NOT_SATISFIED);
        }
        boolean chained = (c.cla() & Iso7816.CLA_CHAINING) != 0;
        if (chained != (step < 4)) {
            reset();
            return Outcome.of(StatusWords.CONDITIONS_NOT_SATISFIED);
        }
        try {
            return switch (step) {
                case 1 -> nonce(c);
                case 2 -> mapping(c);
                case 3 -> keyAgreement(c);
                case 4 -> mutualAuthentication(c);
                default -> Outcome.of(StatusWords.CONDITIONS_NOT_SATISFIED);
            };
        } catch (MalformedDataException e) {
            reset();
            return Outcome.of(StatusWords.WRONG_DATA);
        }
    }

    private Outcome nonce(CommandApdu c) {
        if (!Arrays.equals(c.data(), new byte[] {0x7C, 0x00})) {
            return Outcome.of(StatusWords.WRONG_DATA);
        }
        byte[] nonce = new byte[suite.nonceLength()];
        random.nextBytes(nonce);
        s = new BigInteger(1, nonce);
        byte[] z = suite.nonceCipher(PaceSuite.ENCRYPT, kPi, nonce);
        step = 2;
        return new Outcome(ResponseApdu.of(PaceProtocol.dynamic(0x80, z), StatusWords.SUCCESS), null);
    }

    private Outcome mapping(CommandApdu c) {
        byte[] terminalMapPk = PaceProtocol.element(c.data(), 0x81, "mapping");
        BigInteger sk = group.randomPrivateKey(random);
        mapped = group.mapGeneric(s, sk, terminalMapPk);
        step = 3;
        return new Outcome(ResponseApdu.of(PaceProtocol.dynamic(0x82, group.publicKey(sk)), StatusWords.SUCCESS), null);
    }

    private Outcome keyAgreement(CommandApdu c) {
        terminalEphPk = PaceProtocol.element(c.data(), 0x83, "key agreement");
        BigInteger sk = mapped.randomPrivateKey(random);
        chipEphPk = mapped.publicKey(sk);
        if (Arrays.equals(chipEphPk, terminalEphPk)) {
            reset();
            return Outcome.of(StatusWords.WRONG_DATA);
        }
        shared = mapped.sharedSecret(sk, terminalEphPk);
        step = 4;
        return new Outcome(ResponseApdu.of(PaceProtocol.dynamic(0x84, chipEphPk), StatusWords.SUCCESS), null);
    }

    private Outcome mutualAuthentication(CommandApdu c) {
        byte[] tPcd = PaceProtocol.element(c.data(), 0x85, "mutual authentication");
        byte[] ksMac = Kdf.derive(shared, Kdf.MAC, suite.keyType());
        try {
            byte[] expected = suite.token(ksMac,
                    PaceProtocol.publicKeyObject(suite.oid(), mapped.publicKeyTag(), chipEphPk));
            if (!MessageDigest.isEqual(expected, tPcd)) {
                tries = Math.max(1, tries - 1);
                reset();
                return Outcome.of(StatusWords.COUNTER_PREFIX | tries);
            }
            byte[] tPicc = suite.token(ksMac,
                    PaceProtocol.publicKeyObject(suite.oid(), mapped.publicKeyTag(), terminalEphPk));
            SmSession session = suite.session(shared);
            tries = 3;
            reset();
            return new Outcome(ResponseApdu.of(PaceProtocol.dynamic(0x86, tPicc), StatusWords.SUCCESS), session);
        } finally {
            Arrays.fill(ksMac, (byte) 0);
        }
    }

    void reset() {
        if (kPi != null) {
            Arrays.fill(kPi, (byte) 0);
        }
        if (shared != null) {
            Arrays.fill(shared, (byte) 0);
        }
        suite = null;
        group = null;
        kPi = null;
        step = 0;
        s = null;
        mapped = null;
        chipEphPk = null;
        terminalEphPk = null;
        shared = null;
    }

    private static Tlv find(java.util.List<Tlv> dos, int tag) {
        for (Tlv t : dos) {
            if (t.tag() == tag) {
                return t;
            }
        }
        return null;
    }
}
