package vn.cccd.reader.error;

import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.model.Verification;

/** The exit codes of the public contract, and the one mapping from outcomes and typed errors to them. */
public final class ExitCodes {
    public static final int AUTHENTIC = 0;
    public static final int USAGE = 2;
    public static final int NO_READER_OR_CARD = 3;
    public static final int ACCESS_DENIED = 4;
    public static final int CARD_LOST = 5;
    public static final int MALFORMED = 6;
    public static final int NO_QR = 7;
    public static final int NOT_AUTHENTIC = 10;

    private ExitCodes() {
    }

    public static int of(CardReadResult result) {
        return result.verification().overall() == Verification.Overall.AUTHENTIC ? AUTHENTIC : NOT_AUTHENTIC;
    }

    public static int of(ReaderException e) {
        if (e instanceof AccessDeniedException) {
            return ACCESS_DENIED;
        }
        if (e instanceof CardLostException) {
            return CARD_LOST;
        }
        if (e instanceof MalformedDataException) {
            return MALFORMED;
        }
        if ("NO_READER".equals(e.code()) || "NO_CARD".equals(e.code())) {
            return NO_READER_OR_CARD;
        }
        // a status word the reader could not work around, or a transport failure that is not a removal
        return CARD_LOST;
    }
}
