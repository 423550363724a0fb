package vn.cccd.mock.chip;

import static vn.cccd.reader.apdu.Iso7816.INS_EXTERNAL_AUTHENTICATE;
import static vn.cccd.reader.apdu.Iso7816.INS_GENERAL_AUTHENTICATE;
import static vn.cccd.reader.apdu.Iso7816.INS_GET_CHALLENGE;
import static vn.cccd.reader.apdu.Iso7816.INS_INTERNAL_AUTHENTICATE;
import static vn.cccd.reader.apdu.Iso7816.INS_MANAGE_SECURITY_ENVIRONMENT;
import static vn.cccd.reader.apdu.Iso7816.INS_READ_BINARY;
import static vn.cccd.reader.apdu.Iso7816.INS_READ_BINARY_ODD;
import static vn.cccd.reader.apdu.Iso7816.INS_SELECT;

import java.security.SecureRandom;
import java.util.Arrays;
import vn.cccd.reader.keys.AccessKey;
import vn.cccd.reader.protocol.bac.BacProtocol;
import vn.cccd.reader.protocol.bac.BacKeys;
import vn.cccd.reader.keys.CanKey;
import vn.cccd.reader.apdu.CommandApdu;
import vn.cccd.reader.apdu.Iso7816;
import vn.cccd.reader.apdu.ResponseApdu;
import vn.cccd.reader.apdu.StatusWords;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.lds.CardAccessFile;
import vn.cccd.reader.lds.PaceInfo;
import vn.cccd.reader.sm.SmSession;
import vn.cccd.reader.tlv.Tlv;
import vn.cccd.reader.util.Bytes;

/**
 * A software eMRTD chip: the ISO/IEC 7816-4 file system of the eMRTD application, Basic Access Control and
 * 3DES secure messaging, answering with the status words real CCCD chips give (see cccd-card.md): SELECT MF is
 * refused with 6D00; nothing but EF.CardAccess is readable before access control (6982); DG3 stays 6982 after
 * BAC; a missing file is 6A82; a broken secure messaging object ends the session with 6988.
 *
 * <p>Commands are dispatched by INS in one place so PACE (22/86), Active Authentication (88) and Chip
 * Authentication can be added as further cases with their own session state.
 */
public final class EmrtdChip implements Chip {
    public static final byte[] EMRTD_AID = Iso7816.emrtdAid();

    private static final int MAX_EXTENDED_RESPONSE = 65536 - 64;

    private final ChipProfile profile;
    private final SecureRandom random;
    private final byte[] atr;

    private boolean applicationSelected;
    private int currentFid = -1;
    private byte[] challenge;
    private SmSession session;
    private final PaceResponder pace;
    private final ChipAuthResponder chipAuth;
    private SmSession nextSession;

    /**
     * @param random the chip's nonces (RND.ICC, K.ICC); a seeded generator makes a session replayable
     */
    public EmrtdChip(ChipProfile profile, SecureRandom random) {
        this.profile = profile;
        this.random = random;
        this.atr = atr(profile.extendedLength());
        this.pace = paceOffer(profile).map(info -> new PaceResponder(info, mrzPassword(profile), profile.can(), random))
                .orElse(null);
        this.chipAuth = profile.chipAuthKey() == null ? null : new ChipAuthResponder(profile.chipAuthKey());
    }

    /**
     * What PACE checks an MRZ password against: the MRZ key, or for a chip whose PACE takes only the CAN
     * ({@link ChipProfile#paceTakesMrz()} false) the CAN, so the MRZ data fails at the mutual authentication.
     */
    private static AccessKey mrzPassword(ChipProfile profile) {
        if (profile.paceTakesMrz()) {
            return profile.bacKey();
        }
        return profile.can() == null ? null : new CanKey(profile.can());
    }

    /** The PACEInfo in the chip's EF.CardAccess, when PACE is enabled. */
    private static java.util.Optional<PaceInfo> paceOffer(ChipProfile profile) {
        byte[] cardAccess = profile.files().get(ChipProfile.FID_CARD_ACCESS);
        if (!profile.paceEnabled() || cardAccess == null) {
            return java.util.Optional.empty();
        }
        return CardAccessFile.parse(cardAccess).securityInfos().paceInfos().stream().findFirst();
    }

    public EmrtdChip(ChipProfile profile) {
        this(profile, new SecureRandom());
    }

    /**
     * An ISO/IEC 14443-4 style ATR whose historical bytes carry the card capabilities (compact TLV tag 7,
     * third byte bit 0x40: extended Lc/Le), so a reader can learn extended-length support from it.
     */
    static byte[] atr(boolean extendedLength) {
        byte[] historical = {(byte) 0x80, 0x73, 0x00, 0x00, (byte) (extendedLength ? 0x40 : 0x00)};
        byte[] out = new byte[4 + historical.length + 1];
        out[0] = 0x3B;
        out[1] = (byte) (0x80 | historical.length);
        out[2] = (byte) 0x80;
        out[3] = 0x01;
        System.arraycopy(historical, 0, out, 4, historical.length);
        byte tck = 0;
        for (int i = 1; i < out.length - 1; i++) {
            tck ^= out[i];
        }
        out[out.length - 1] = tck;
        return out;
    }

    @Override
    public byte[] atr() {
        return atr.clone();
    }

    @Override
    public synchronized void reset() {
        applicationSelected = false;
        currentFid = -1;
        challenge = null;
        endSession();
        if (pace != null) {
            pace.reset();
        }
    }

    @Override
    public synchronized byte[] process(byte[] raw) {
        CommandApdu command;
        try {
            command = CommandApdu.parse(raw);
        } catch (MalformedDataException e) {
            return sw(StatusWords.WRONG_LENGTH);
        }
        if (!profile.extendedLength() && command.isExtended()) {
            return sw(StatusWords.WRONG_LENGTH);
        }
        int cla = command.cla();
        if (cla != Iso7816.CLA && cla != Iso7816.CLA_SECURE_MESSAGING
                && !(cla == Iso7816.CLA_CHAINING && command.ins() == INS_GENERAL_AUTHENTICATE)) {
            return sw(StatusWords.CLA_NOT_SUPPORTED);
        }
        if (cla == Iso7816.CLA_SECURE_MESSAGING) {
            return processProtected(command);
        }
        if (session != null) {
            // ICAO 9303-11: a plain command ends secure messaging and with it the access rights.
            endSession();
        }
        return handle(command, false).toBytes();
    }

    private byte[] processProtected(CommandApdu wrapped) {
        if (session == null) {
            return sw(StatusWords.SM_DATA_OBJECTS_INCORRECT);
        }
        CommandApdu plain;
        try {
            plain = session.unprotect(wrapped);
        } catch (MalformedDataException e) {
            endSession();
            return sw(StatusWords.SM_DATA_OBJECTS_INCORRECT);
        }
        ResponseApdu answer = handle(plain, true);
        ResponseApdu protectedAnswer = session.protect(answer, (plain.ins() & 1) == 1);
        if (nextSession != null) {
            // Chip Authentication: this answer went under the old keys, the next command comes under the new ones
            SmSession next = nextSession;
            endSession();
            session = next;
            return protectedAnswer.toBytes();
        }
        if (protectedAnswer.dataLength() > wrapped.ne()) {
            // The wrapped answer would not fit the outer Le: refuse, in SM so the session stays in step.
            return session.protect(ResponseApdu.of(StatusWords.WRONG_LENGTH), false).toBytes();
        }
        return protectedAnswer.toBytes();
    }

    private ResponseApdu handle(CommandApdu c, boolean secured) {
        return switch (c.ins()) {
            case INS_SELECT -> select(c, secured);
            case INS_READ_BINARY -> readBinary(c, secured);
            case INS_READ_BINARY_ODD -> readBinaryOdd(c, secured);
            case INS_GET_CHALLENGE -> getChallenge(c);
            case INS_EXTERNAL_AUTHENTICATE -> externalAuthenticate(c, secured);
            case INS_MANAGE_SECURITY_ENVIRONMENT -> manageSecurityEnvironment(c, secured);
            case INS_GENERAL_AUTHENTICATE -> generalAuthenticate(c, secured);
            case INS_INTERNAL_AUTHENTICATE -> internalAuthenticate(c, secured);
            default -> ResponseApdu.of(StatusWords.INS_NOT_SUPPORTED);
        };
    }

    private ResponseApdu select(CommandApdu c, boolean secured) {
        byte[] data = c.data();
        if (c.p1() == Iso7816.SELECT_BY_AID) {
            if (Arrays.equals(data, EMRTD_AID)) {
                applicationSelected = true;
                currentFid = -1;
                return ResponseApdu.of(StatusWords.SUCCESS);
            }
            return ResponseApdu.of(StatusWords.FILE_NOT_FOUND);
        }
        if (c.p1() == Iso7816.SELECT_BY_ID && (data.length == 0 || Arrays.equals(data, new byte[] {0x3F, 0x00}))) {
            return ResponseApdu.of(StatusWords.INS_NOT_SUPPORTED);
        }
        if (c.p1() != Iso7816.SELECT_BY_ID && c.p1() != Iso7816.SELECT_BY_FID) {
            return ResponseApdu.of(StatusWords.INCORRECT_P1P2);
        }
        if (data.length != 2) {
            return ResponseApdu.of(StatusWords.WRONG_LENGTH);
        }
        int fid = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
        ResponseApdu refused = accessCheck(fid, secured);
        if (refused != null) {
            return refused;
        }
        currentFid = fid;
        if ((c.p2() & Iso7816.SELECT_NO_RESPONSE) == Iso7816.SELECT_NO_RESPONSE) {
            return ResponseApdu.of(StatusWords.SUCCESS);
        }
        int size = profile.files().get(fid).length;
        byte[] fcp = Tlv.of(0x62, Tlv.of(0x80, new byte[] {(byte) (size >> 8), (byte) size}),
                Tlv.of(0x82, new byte[] {0x01}), Tlv.of(0x83, data)).encode();
        return ResponseApdu.of(fcp, StatusWords.SUCCESS);
    }

    /** Null when the file may be used now, else the refusal. */
    private ResponseApdu accessCheck(int fid, boolean secured) {
        if (fid == ChipProfile.FID_CARD_ACCESS) {
            return profile.files().containsKey(fid) ? null : ResponseApdu.of(StatusWords.FILE_NOT_FOUND);
        }
        if (!applicationSelected) {
            return ResponseApdu.of(StatusWords.FILE_NOT_FOUND);
        }
        if (!secured || profile.deniedFids().contains(fid)) {
            return ResponseApdu.of(StatusWords.SECURITY_STATUS_NOT_SATISFIED);
        }
        if (!profile.files().containsKey(fid)) {
            return ResponseApdu.of(StatusWords.FILE_NOT_FOUND);
        }
        return null;
    }

    private ResponseApdu readBinary(CommandApdu c, boolean secured) {
        int offset;
        if ((c.p1() & Iso7816.READ_BINARY_SFI) != 0) {
            if ((c.p1() & 0x60) != 0) {
                return ResponseApdu.of(StatusWords.INCORRECT_P1P2);
            }
            int fid = 0x0100 | (c.p1() & Iso7816.SFI_MASK);
            ResponseApdu refused = accessCheck(fid, secured);
            if (refused != null) {
                return refused;
            }
            currentFid = fid;
            offset = c.p2();
        } else {
            offset = ((c.p1() & 0x7F) << 8) | c.p2();
        }
        return readFrom(offset, c.ne(), secured, false);
    }

    private ResponseApdu readBinaryOdd(CommandApdu c, boolean secured) {
        if (c.p1() != 0 || c.p2() != 0) {
            int fid = (c.p1() << 8) | c.p2();
            ResponseApdu refused = accessCheck(fid, secured);
            if (refused != null) {
                return refused;
            }
            currentFid = fid;
        }
        Tlv offsetDo;
        try {
            offsetDo = Tlv.parse(c.data());
        } catch (MalformedDataException e) {
            return ResponseApdu.of(StatusWords.WRONG_DATA);
        }
        byte[] v = offsetDo.value();
        if (offsetDo.tag() != 0x54 || v.length == 0 || v.length > 3) {
            return ResponseApdu.of(StatusWords.WRONG_DATA);
        }
        int offset = 0;
        for (byte b : v) {
            offset = (offset << 8) | (b & 0xFF);
        }
        return readFrom(offset, c.ne(), secured, true);
    }

    private ResponseApdu readFrom(int offset, int ne, boolean secured, boolean odd) {
        if (currentFid < 0) {
            return ResponseApdu.of(StatusWords.CONDITIONS_NOT_SATISFIED);
        }
        ResponseApdu refused = accessCheck(currentFid, secured);
        if (refused != null) {
            return refused;
        }
        if (ne == 0 || ne > MAX_EXTENDED_RESPONSE || ne > CommandApdu.MAX_SHORT_NE && !profile.extendedLength()) {
            return ResponseApdu.of(StatusWords.WRONG_LENGTH);
        }
        byte[] file = profile.files().get(currentFid);
        if (offset > file.length) {
            return ResponseApdu.of(StatusWords.WRONG_P1P2);
        }
        if (offset == file.length) {
            return ResponseApdu.of(StatusWords.END_OF_FILE_WARNING);
        }
        int n = Math.min(odd ? ne - 4 : ne, file.length - offset);
        if (n <= 0) {
            return ResponseApdu.of(StatusWords.WRONG_LENGTH);
        }
        byte[] chunk = Arrays.copyOfRange(file, offset, offset + n);
        return ResponseApdu.of(odd ? Tlv.of(0x53, chunk).encode() : chunk, StatusWords.SUCCESS);
    }

    private ResponseApdu getChallenge(CommandApdu c) {
        if (c.ne() != BacProtocol.NONCE) {
            return ResponseApdu.of(StatusWords.WRONG_LENGTH);
        }
        challenge = new byte[BacProtocol.NONCE];
        random.nextBytes(challenge);
        return ResponseApdu.of(challenge, StatusWords.SUCCESS);
    }

    private ResponseApdu externalAuthenticate(CommandApdu c, boolean secured) {
        if (!profile.bacEnabled() || profile.bacKey() == null || secured) {
            return ResponseApdu.of(StatusWords.INS_NOT_SUPPORTED);
        }
        byte[] rndIcc = challenge;
        challenge = null;
        if (rndIcc == null) {
            return ResponseApdu.of(StatusWords.CONDITIONS_NOT_SATISFIED);
        }
        if (c.dataLength() != BacProtocol.MESSAGE) {
            return ResponseApdu.of(StatusWords.WRONG_LENGTH);
        }
        BacKeys keys = BacKeys.derive(profile.bacKey());
        byte[] plain = BacProtocol.open(keys, c.data());
        try {
            if (plain == null || !Arrays.equals(Arrays.copyOfRange(plain, 8, 16), rndIcc)) {
                return ResponseApdu.of(StatusWords.VERIFICATION_FAILED);
            }
            byte[] rndIfd = Arrays.copyOfRange(plain, 0, 8);
            byte[] kIfd = Arrays.copyOfRange(plain, 16, 32);
            byte[] kIcc = new byte[BacProtocol.KEY_MATERIAL];
            random.nextBytes(kIcc);
            byte[] answer = BacProtocol.seal(keys, Bytes.concat(rndIcc, rndIfd, kIcc));
            endSession();
            session = BacProtocol.session(kIcc, kIfd, rndIcc, rndIfd);
            Arrays.fill(kIcc, (byte) 0);
            Arrays.fill(kIfd, (byte) 0);
            return ResponseApdu.of(answer, StatusWords.SUCCESS);
        } finally {
            keys.wipe();
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    private ResponseApdu internalAuthenticate(CommandApdu c, boolean secured) {
        if (profile.activeAuthKey() == null) {
            return ResponseApdu.of(StatusWords.INS_NOT_SUPPORTED);
        }
        if (!secured) {
            return ResponseApdu.of(StatusWords.SECURITY_STATUS_NOT_SATISFIED);
        }
        if (c.p1() != 0 || c.p2() != 0) {
            return ResponseApdu.of(StatusWords.INCORRECT_P1P2);
        }
        if (c.dataLength() != 8) {
            return ResponseApdu.of(StatusWords.WRONG_LENGTH);
        }
        return ResponseApdu.of(ActiveAuthResponder.sign(profile.activeAuthKey(), c.data(), random), StatusWords.SUCCESS);
    }

    private ResponseApdu manageSecurityEnvironment(CommandApdu c, boolean secured) {
        if (c.p1() == Iso7816.MSE_SET_CA && (c.p2() == Iso7816.CRT_KAT || c.p2() == Iso7816.CRT_AT)) {
            if (chipAuth == null || !secured) {
                return ResponseApdu.of(StatusWords.CONDITIONS_NOT_SATISFIED);
            }
            ChipAuthResponder.Outcome o = c.p2() == Iso7816.CRT_KAT ? chipAuth.setKeyAgreementTemplate(c)
                    : chipAuth.setAuthenticationTemplate(c);
            nextSession = o.next();
            return o.response();
        }
        if (c.p1() != Iso7816.MSE_SET_AT_PACE || c.p2() != Iso7816.CRT_AT) {
            return ResponseApdu.of(StatusWords.INCORRECT_P1P2);
        }
        if (pace == null || secured) {
            return ResponseApdu.of(StatusWords.REFERENCED_DATA_NOT_FOUND);
        }
        return pace.mseSetAt(c).response();
    }

    private ResponseApdu generalAuthenticate(CommandApdu c, boolean secured) {
        if (secured && chipAuth != null) {
            ChipAuthResponder.Outcome o = chipAuth.generalAuthenticate(c);
            nextSession = o.next();
            return o.response();
        }
        if (pace == null || secured) {
            return ResponseApdu.of(StatusWords.CONDITIONS_NOT_SATISFIED);
        }
        PaceResponder.Outcome o = pace.generalAuthenticate(c);
        if (o.session() != null) {
            endSession();
            session = o.session();
            applicationSelected = false;
        }
        return o.response();
    }

    private void endSession() {
        nextSession = null;
        if (session != null) {
            session.wipe();
            session = null;
        }
    }

    private static byte[] sw(int sw) {
        return ResponseApdu.of(sw).toBytes();
    }
}
