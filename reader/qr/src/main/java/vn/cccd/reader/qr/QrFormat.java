package vn.cccd.reader.qr;

/** Which card's QR code a payload is (the {@code format} of the contract's QR JSON). */
public enum QrFormat {
    /** The CCCD with chip (Thông tư 06/2021/TT-BCA): exactly 7 fields, issued before 2024-07-01. */
    CCCD2021,
    /**
     * The thẻ Căn cước (Thông tư 16/2024/TT-BCA): the same 7 first fields, then extra fields (cancelled ID numbers,
     * parents' names), or an issue date from 2024-07-01.
     */
    CAN_CUOC2024,
    /** Not told apart (kept for the contract; the parser never returns a payload it cannot place). */
    UNKNOWN
}
