package vn.cccd.mock.pcsc;

/**
 * The cause inside a {@link javax.smartcardio.CardException}, named like the PC/SC error codes that SunPCSC
 * reports ({@code SCARD_W_REMOVED_CARD}, ...), so that code which inspects the cause of a real PC/SC
 * failure sees the same names from the mock.
 */
public final class PcscError extends Exception {
    private static final long serialVersionUID = 1L;

    /** The card was removed (or left the field) during or before the operation. */
    public static final String SCARD_W_REMOVED_CARD = "SCARD_W_REMOVED_CARD";
    /** No card in the reader. */
    public static final String SCARD_E_NO_SMARTCARD = "SCARD_E_NO_SMARTCARD";
    /** The card or reader failed to complete the transmission. */
    public static final String SCARD_E_NOT_TRANSACTED = "SCARD_E_NOT_TRANSACTED";
    /** The protocol asked for is not the card's. */
    public static final String SCARD_E_PROTO_MISMATCH = "SCARD_E_PROTO_MISMATCH";
    /** The reader was unplugged. */
    public static final String SCARD_E_UNKNOWN_READER = "SCARD_E_UNKNOWN_READER";
    /** The answer is longer than the receive buffer (SunPCSC's is 8192 bytes). */
    public static final String SCARD_E_INSUFFICIENT_BUFFER = "SCARD_E_INSUFFICIENT_BUFFER";
    /** The reader does not support the request (control commands). */
    public static final String SCARD_E_UNSUPPORTED_FEATURE = "SCARD_E_UNSUPPORTED_FEATURE";

    private final String code;

    public PcscError(String code) {
        super(code);
        this.code = code;
    }

    public PcscError(String code, Throwable cause) {
        super(code, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
