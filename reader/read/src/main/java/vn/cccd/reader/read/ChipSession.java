package vn.cccd.reader.read;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import vn.cccd.reader.apdu.Iso7816;
import vn.cccd.reader.keys.AccessKey;
import vn.cccd.reader.protocol.bac.BacAuthenticator;
import vn.cccd.reader.keys.CanKey;
import vn.cccd.reader.keys.MrzKey;
import vn.cccd.reader.protocol.pace.PaceAuthenticator;
import vn.cccd.reader.apdu.CommandApdu;
import vn.cccd.reader.apdu.StatusWords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cccd.reader.error.AccessDeniedException;
import vn.cccd.reader.error.CardLostException;
import vn.cccd.reader.error.ReaderException;
import vn.cccd.reader.lds.PaceInfo;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.model.AccessAttempt;
import vn.cccd.reader.model.Verification.AccessControl;
import vn.cccd.reader.sm.SecureMessagingTransport;
import vn.cccd.reader.sm.SmSession;
import vn.cccd.reader.transport.CardTransport;

/**
 * Access to the eMRTD application of one card: SELECT by AID (never SELECT MF: Vietnamese chips refuse it),
 * access control with the first key that works, and the secure messaging transport that follows. When the chip
 * drops secure messaging (an error answered in plain), {@link #reopen()} repeats the access control with the
 * key that worked, a bounded number of times.
 */
final class ChipSession {
    private static final Logger LOG = LoggerFactory.getLogger(ChipSession.class);
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
    private final List<AccessAttempt> attempts = new ArrayList<>();

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
     * Opens the chip with the first key that works, kept for {@link #reopen()}. For each candidate key in order:
     * PACE when EF.CardAccess offers it (then the application is selected under secure messaging), then BAC with
     * the same MRZ data. BAC follows a PACE refusal too: Vietnamese chips have been seen refusing PACE with the MRZ
     * data while BAC works with the same data, and one report says their PACE expects a CAN (cccd-card.md §1.2:
     * [I2], [I4]); so a wrong key is reported only once BAC has refused it as well. PACE that cannot run at all (a
     * suite we lack) is not tried again; neither is BAC that a chip refused for another reason than the key after a
     * PACE refusal (a PACE-only chip). Every step is recorded in {@link #attempts()}.
     *
     * @param offered the chip's PACEInfo, or null
     */
    AccessControl open(PaceInfo offered) {
        AccessDeniedException denied = null;
        boolean paceWorks = offered != null;
        boolean bacWorks = true;
        for (int i = 0; i < keys.size(); i++) {
            AccessKey key = keys.get(i);
            if (paceWorks) {
                try {
                    secure = new SecureMessagingTransport(card, pace.authenticate(card, offered, key));
                    selectApplication(secure);
                    paceInfo = offered;
                    openedWith = key;
                    control = AccessControl.PACE;
                    attempt(AccessControl.PACE, key, i, AccessAttempt.Outcome.OPENED);
                    return control;
                } catch (AccessDeniedException e) {
                    attempt(AccessControl.PACE, key, i, AccessAttempt.Outcome.REFUSED);
                    denied = e;
                } catch (CardLostException e) {
                    throw e;
                } catch (ReaderException e) {
                    attempt(AccessControl.PACE, key, i, AccessAttempt.Outcome.NOT_POSSIBLE);
                    LOG.debug("PACE not possible ({}): falling back to BAC", e.getMessage());
                    paceWorks = false;
                }
            }
            if (key instanceof CanKey || !bacWorks) {
                continue; // a CAN opens PACE only
            }
            try {
                selectApplication(card);
                secure = new SecureMessagingTransport(card, bac.authenticate(card, (MrzKey) key));
                openedWith = key;
                control = AccessControl.BAC;
                attempt(AccessControl.BAC, key, i, AccessAttempt.Outcome.OPENED);
                if (denied != null) {
                    LOG.info("the chip refused PACE with the MRZ data and opened with BAC");
                }
                return control;
            } catch (AccessDeniedException e) {
                attempt(AccessControl.BAC, key, i, AccessAttempt.Outcome.REFUSED);
                denied = e;
            } catch (CardLostException e) {
                throw e;
            } catch (ReaderException e) {
                if (denied == null) {
                    throw e; // no PACE refusal to report instead: the chip's own error
                }
                attempt(AccessControl.BAC, key, i, AccessAttempt.Outcome.NOT_POSSIBLE);
                LOG.debug("BAC not possible after a PACE refusal ({})", e.getMessage());
                bacWorks = false;
            }
        }
        if (denied != null) {
            throw deniedFor(denied);
        }
        throw new AccessDeniedException(offered == null
                ? "this chip does not offer PACE, so a card access number cannot open it: give the MRZ data"
                : "PACE did not work with this chip and BAC needs the MRZ data (document number, birth, expiry)",
                null, attempts);
    }

    private void attempt(AccessControl protocol, AccessKey key, int index, AccessAttempt.Outcome outcome) {
        attempts.add(new AccessAttempt(protocol, key instanceof CanKey ? AccessAttempt.Password.CAN
                : AccessAttempt.Password.MRZ, index + 1, outcome));
    }

    /** The access-control steps of {@link #open}, in order (protocol, kind of password, outcome; no key). */
    List<AccessAttempt> attempts() {
        return List.copyOf(attempts);
    }

    private AccessDeniedException deniedFor(AccessDeniedException last) {
        boolean both = refused(AccessControl.PACE) && refused(AccessControl.BAC);
        String tried = !both ? "" : keys.size() == 1 ? " (PACE and BAC both refused it)"
                : " (PACE and BAC both refused them)";
        String message = keys.size() == 1 ? last.getMessage() + tried
                : "none of the " + keys.size() + " candidate keys opened the chip" + tried + ": " + last.getMessage();
        return new AccessDeniedException(message, last, attempts);
    }

    private boolean refused(AccessControl protocol) {
        return attempts.stream().anyMatch(a -> a.protocol() == protocol && a.outcome() == AccessAttempt.Outcome.REFUSED);
    }

    static void selectApplication(CardTransport via) {
        StatusWords.check(via.transmit(Iso7816.selectEmrtdApplication()),
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
