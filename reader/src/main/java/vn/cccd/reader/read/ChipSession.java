package vn.cccd.reader.read;

import java.security.SecureRandom;
import java.util.List;
import vn.cccd.reader.access.AccessKey;
import vn.cccd.reader.access.BacAuthenticator;
import vn.cccd.reader.access.CanKey;
import vn.cccd.reader.access.MrzKey;
import vn.cccd.reader.apdu.CommandApdu;
import vn.cccd.reader.apdu.StatusWords;
import vn.cccd.reader.error.AccessDeniedException;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.model.Verification.AccessControl;
import vn.cccd.reader.sm.SecureMessagingTransport;
import vn.cccd.reader.transport.CardTransport;
import vn.cccd.reader.util.Hex;

/**
 * Access to the eMRTD application of one card: SELECT by AID (never SELECT MF: Vietnamese chips refuse it),
 * access control with the first key that works, and the secure messaging transport that follows. When the chip
 * drops secure messaging (an error answered in plain), {@link #reopen()} repeats the access control with the
 * key that worked, a bounded number of times.
 */
final class ChipSession {
    static final byte[] EMRTD_AID = Hex.decode("A0 00 00 02 47 10 01");
    static final int MAX_REOPENS = 6;

    private final CardTransport card;
    private final List<AccessKey> keys;
    private final BacAuthenticator bac;
    private MrzKey openedWith;
    private SecureMessagingTransport secure;
    private int reopens;

    ChipSession(CardTransport card, List<AccessKey> keys, SecureRandom random) {
        this.card = card;
        this.keys = keys;
        this.bac = new BacAuthenticator(random);
    }

    CardTransport card() {
        return card;
    }

    /** Tries the keys in order; the first that opens the chip is kept for {@link #reopen()}. */
    AccessControl open() {
        AccessDeniedException last = null;
        boolean triedAny = false;
        for (AccessKey key : keys) {
            if (key instanceof CanKey) {
                continue; // PACE with the CAN comes with the PACE protocol; BAC has no use for it
            }
            MrzKey mrz = (MrzKey) key;
            triedAny = true;
            selectApplication();
            try {
                secure = new SecureMessagingTransport(card, bac.authenticate(card, mrz));
                openedWith = mrz;
                return AccessControl.BAC;
            } catch (AccessDeniedException e) {
                last = e;
            }
        }
        if (!triedAny) {
            throw new AccessDeniedException("this chip needs an MRZ key (document number, date of birth, expiry):"
                    + " PACE with a CAN is not supported yet");
        }
        throw new AccessDeniedException(keys.size() == 1 ? last.getMessage()
                : "none of the " + keys.size() + " candidate keys opened the chip: " + last.getMessage(), last);
    }

    void selectApplication() {
        StatusWords.check(card.transmit(new CommandApdu(0x00, 0xA4, 0x04, 0x0C, EMRTD_AID)),
                "SELECT eMRTD application");
    }

    CardTransport secure() {
        return secure;
    }

    boolean lost() {
        return secure == null || secure.lost();
    }

    void reopen() {
        if (++reopens > MAX_REOPENS) {
            throw new MalformedDataException("the chip dropped secure messaging " + MAX_REOPENS
                    + " times: giving up on this read");
        }
        if (secure != null) {
            secure.endSession();
        }
        selectApplication();
        secure = new SecureMessagingTransport(card, bac.authenticate(card, openedWith));
    }

    void close() {
        if (secure != null) {
            secure.endSession();
        }
    }
}
