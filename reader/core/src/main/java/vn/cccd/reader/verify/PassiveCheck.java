package vn.cccd.reader.verify;

import java.util.Map;
import vn.cccd.reader.model.PassiveAuthentication;

/** Passive Authentication of what was read: the SOD (null when absent) against the files, by contract name. */
@FunctionalInterface
public interface PassiveCheck {
    PassiveAuthentication check(byte[] sod, Map<String, byte[]> files);

    /**
     * As {@link #check(byte[], Map)}, knowing the card's own issue and expiry dates (a Document Signer certificate
     * that expired is judged by them); checks that do not use them ignore them.
     */
    default PassiveAuthentication check(byte[] sod, Map<String, byte[]> files, CardValidity card) {
        return check(sod, files);
    }
}
