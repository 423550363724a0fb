package vn.cccd.reader.read;

import java.security.SecureRandom;
import java.util.List;
import vn.cccd.reader.access.AccessKey;
import vn.cccd.reader.access.BacAuthenticator;
import vn.cccd.reader.access.CanKey;
import vn.cccd.reader.access.MrzKey;
import vn.cccd.reader.access.pace.PaceAuthenticator;
import vn.cccd.reader.apdu.CommandApdu;
import vn.cccd.reader.apdu.StatusWords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cccd.reader.error.AccessDeniedException;
import vn.cccd.reader.error.CardLostException;
import vn.cccd.reader.error.ReaderException;
import vn.cccd.reader.lds.PaceInfo;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.model.Verification.AccessControl;
import vn.cccd.reader.sm.SecureMessagingTransport;
import vn.cccd.reader.sm.SmSession;
import vn.cccd.reader.transport.CardTransport;
import vn.cccd.reader.util.Hex;

/**
 * Access to the eMRTD application of one card: SELECT by AID (never SELECT MF: Vietnamese chips refuse it),
 * access control with the first key that works, and the secure messaging transport that follows. When the chip
 * drops secure messaging (an error answered in plain), {@link #reopen()} repeats the access control with the
 * key that worked, a bounded number of times.
 */
final class ChipSession {
    private static final Logger LOG = LoggerFactory.getLogger(ChipSession.class);
    static final byte[] EMRTD_AID = Hex.decode("A0 00 00 02 47 10 01");
    static final int MAX_REOPENS = 6;

    private final CardTransport card;
    private final List<AccessKey> keys;
    private final BacAuthenticator bac;
    private final PaceAuthenticator pace;
    private PaceInfo paceInfo;
    private AccessKey openedWith;
    private AccessControl control;
    private SecureMessagingTransport secure;
    private int reopens;

    ChipSession(CardTransport card, List<AccessKey> keys, SecureRandom random) {
        this.card = card;
        this.keys = keys;
        this.bac = new BacAuthenticator(random);
        this.pace = new PaceAuthenticator(random);
    }

    CardTransport card() {
        return card;
    }

    /**
     * Opens the chip with the first key that works, kept for {@link #reopen()}: PACE when EF.CardAccess offers it
     * (then the application is selected under secure messaging), else, or when the chip refuses PACE for another
     * reason than the password, BAC.
     *
     * @param offered the chip's PACEInfo, or null
     */
    AccessControl open(PaceInfo offered) {
        AccessDeniedException denied = null;
        if (offered != null) {
            boolean fallBack = false;
            for (AccessKey key : keys) {
                try {
                    secure = new SecureMessagingTransport(card, pace.authenticate(card, offered, key));
                    selectApplication(secure);
                    paceInfo = offered;
                    openedWith = key;
                    control = AccessControl.PACE;
                    return control;
                } catch (AccessDeniedException e) {
                    denied = e;
                } catch (CardLostException e) {
                    throw e;
                } catch (ReaderException e) {
                    LOG.debug("PACE not possible ({}): falling back to BAC", e.getMessage());
                    fallBack = true;
                    break;
                }
            }
            if (!fallBack && denied != null) {
                throw deniedFor(denied);
            }
        }
        boolean triedAny = false;
        for (AccessKey key : keys) {
            if (key instanceof CanKey) {
                continue; // a CAN opens PACE only
            }
            triedAny = true;
            selectApplication(card);
            try {
                secure = new SecureMessagingTransport(card, bac.authenticate(card, (MrzKey) key));
                openedWith = key;
                control = AccessControl.BAC;
                return control;
            } catch (AccessDeniedException e) {
                denied = e;
            }
        }
        if (!triedAny) {
            throw new AccessDeniedException(offered == null
                    ? "this chip does not offer PACE, so a card access number cannot open it: give the MRZ data"
                    : "PACE did not work with this chip and BAC needs the MRZ data (document number, birth, expiry)");
        }
        throw deniedFor(denied);
    }

    private AccessDeniedException deniedFor(AccessDeniedException last) {
        return keys.size() == 1 ? last
                : new AccessDeniedException("none of the " + keys.size() + " candidate keys opened the chip: "
                        + last.getMessage(), last);
    }

    static void selectApplication(CardTransport via) {
        StatusWords.check(via.transmit(new CommandApdu(0x00, 0xA4, 0x04, 0x0C, EMRTD_AID)),
                "SELECT eMRTD application");
    }

    CardTransport secure() {
        return secure;
    }

    /** The current session cipher's block size, 16 (the larger padding) when there is no session. */
    int cipherBlockSize() {
        return secure == null ? 16 : secure.cipherBlockSize();
    }

    /** Continues under a new secure messaging session (after Chip Authentication). */
    void adopt(SmSession session) {
        if (secure != null) {
            secure.endSession();
        }
        secure = new SecureMessagingTransport(card, session);
    }

    boolean lost() {
        return secure == null || secure.lost();
    }

    /** How many times access control was opened again in this read. */
    int reopens() {
        return reopens;
    }

    void reopen() {
        if (++reopens > MAX_REOPENS) {
            throw new MalformedDataException("the chip dropped secure messaging " + MAX_REOPENS
                    + " times: giving up on this read");
        }
        if (secure != null) {
            secure.endSession();
        }
        if (control == AccessControl.PACE) {
            secure = new SecureMessagingTransport(card, pace.authenticate(card, paceInfo, openedWith));
            selectApplication(secure);
        } else {
            selectApplication(card);
            secure = new SecureMessagingTransport(card, bac.authenticate(card, (MrzKey) openedWith));
        }
    }

    void close() {
        if (secure != null) {
            secure.endSession();
        }
    }
}
