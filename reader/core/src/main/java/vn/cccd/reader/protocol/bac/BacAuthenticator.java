package vn.cccd.reader.protocol.bac;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import vn.cccd.reader.apdu.CommandApdu;
import vn.cccd.reader.apdu.Iso7816;
import vn.cccd.reader.apdu.ResponseApdu;
import vn.cccd.reader.apdu.StatusWords;
import vn.cccd.reader.error.AccessDeniedException;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.keys.MrzKey;
import vn.cccd.reader.sm.SmSession;
import vn.cccd.reader.transport.CardTransport;
import vn.cccd.reader.util.Bytes;

/**
 * The reader side of Basic Access Control: GET CHALLENGE, EXTERNAL AUTHENTICATE with the MRZ-derived keys,
 * and the secure messaging session that follows (ICAO 9303-11 §4.3).
 *
 * <p>A chip that rejects the cryptogram (6300, 6982, or a MAC that does not verify) means the key is wrong:
 * {@link AccessDeniedException}. The random source is injectable so the App. D.3 transcript can be replayed.
 */
public final class BacAuthenticator {

    private final SecureRandom random;

    public BacAuthenticator(SecureRandom random) {
        this.random = random;
    }

    public BacAuthenticator() {
        this(new SecureRandom());
    }

    public SmSession authenticate(CardTransport transport, MrzKey key) {
        BacKeys keys = BacKeys.derive(key);
        byte[] rndIfd = new byte[BacProtocol.NONCE];
        byte[] kIfd = new byte[BacProtocol.KEY_MATERIAL];
        byte[] plain = null;
        try {
            ResponseApdu challenge = StatusWords.check(
                    transport.transmit(Iso7816.getChallenge(BacProtocol.NONCE)), "GET CHALLENGE");
            byte[] rndIcc = challenge.data();
            if (rndIcc.length != BacProtocol.NONCE) {
                throw new MalformedDataException("GET CHALLENGE returned " + rndIcc.length + " bytes, expected 8");
            }
            random.nextBytes(rndIfd);
            random.nextBytes(kIfd);
            byte[] message = BacProtocol.seal(keys, Bytes.concat(rndIfd, rndIcc, kIfd));
            ResponseApdu answer = transport.transmit(
                    Iso7816.externalAuthenticate(message, BacProtocol.MESSAGE));
            if (answer.sw() == StatusWords.VERIFICATION_FAILED
                    || answer.sw() == StatusWords.SECURITY_STATUS_NOT_SATISFIED
                    || (answer.sw() & 0xFFF0) == StatusWords.COUNTER_PREFIX) {
                throw new AccessDeniedException("the chip rejected the BAC key (SW "
                        + String.format("%04X", answer.sw()) + "): check the document number, date of birth and expiry");
            }
            StatusWords.check(answer, "EXTERNAL AUTHENTICATE");
            plain = BacProtocol.open(keys, answer.data());
            if (plain == null) {
                throw new AccessDeniedException("the chip's BAC answer does not verify under this key");
            }
            byte[] echoedIcc = Arrays.copyOfRange(plain, 0, 8);
            byte[] echoedIfd = Arrays.copyOfRange(plain, 8, 16);
            if (!MessageDigest.isEqual(echoedIcc, rndIcc) || !MessageDigest.isEqual(echoedIfd, rndIfd)) {
                throw new AccessDeniedException("the chip's BAC answer does not echo our challenge");
            }
            byte[] kIcc = Arrays.copyOfRange(plain, 16, 32);
            try {
                return BacProtocol.session(kIcc, kIfd, rndIcc, rndIfd);
            } finally {
                Arrays.fill(kIcc, (byte) 0);
            }
        } finally {
            keys.wipe();
            Arrays.fill(kIfd, (byte) 0);
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }
}
