package vn.cccd.reader.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One access-control step of a read, in the order it was tried: which protocol, which kind of password, how it
 * ended. Never a key value: a structure-only report (issue 13's {@code diagnose}) may show it as it is.
 *
 * @param candidate which of the request's candidate keys it was, counted from 1 (a QR code or an ID number gives
 *        several expiry dates to try)
 */
@JsonPropertyOrder({"protocol", "password", "candidate", "outcome"})
public record AccessAttempt(Verification.AccessControl protocol, Password password, int candidate, Outcome outcome) {

    /** The kind of password: the MRZ data (document number, birth, expiry) or the card access number. */
    public enum Password { MRZ, CAN }

    public enum Outcome {
        /** The chip accepted it: the read went on under this protocol. */
        OPENED,
        /** The chip refused the password (63Cx, 6300, a token that does not verify). */
        REFUSED,
        /** The protocol could not run (a suite we lack, a command the chip refused for another reason). */
        NOT_POSSIBLE
    }
}
