package vn.cccd.reader.apdu;

/**
 * The ISO/IEC 7816-4 and ICAO 9303 part 10/11 command vocabulary one eMRTD read uses: instruction bytes, the P1/P2
 * values that select a behaviour, the eMRTD application ID and one factory per command. Reader and mock chip both
 * speak it, so a command is written in one place.
 */
public final class Iso7816 {
    public static final int CLA = 0x00;
    /** CLA bit for command chaining (ISO/IEC 7816-4 5.4.1), used by PACE's GENERAL AUTHENTICATE steps. */
    public static final int CLA_CHAINING = 0x10;
    /**
     * CLA bits b4-b3 set: secure messaging with the header authenticated (ISO/IEC 7816-4 5.4.1), as every eMRTD
     * protected command carries (ICAO 9303-11 9.8). Test with {@link #isSecureMessaging(int)}.
     */
    public static final int CLA_SECURE_MESSAGING = 0x0C;
    /** The logical channel number bits of a first interindustry CLA (ISO/IEC 7816-4 5.4.1). */
    public static final int CLA_CHANNEL_MASK = 0x03;

    public static final int INS_SELECT = 0xA4;
    public static final int INS_READ_BINARY = 0xB0;
    /** READ BINARY with an offset data object DO'54' (odd INS), for offsets above 32 767. */
    public static final int INS_READ_BINARY_ODD = 0xB1;
    public static final int INS_GET_CHALLENGE = 0x84;
    public static final int INS_EXTERNAL_AUTHENTICATE = 0x82;
    public static final int INS_INTERNAL_AUTHENTICATE = 0x88;
    public static final int INS_MANAGE_SECURITY_ENVIRONMENT = 0x22;
    public static final int INS_GENERAL_AUTHENTICATE = 0x86;
    /** GENERAL AUTHENTICATE with BER-TLV data (odd INS, ISO/IEC 7816-4); the reader sends 86, a report may see 87. */
    public static final int INS_GENERAL_AUTHENTICATE_ODD = 0x87;
    public static final int INS_GET_RESPONSE = 0xC0;
    /** PERFORM SECURITY OPERATION (ISO/IEC 7816-8); not sent by the reader, named so a card report can say it. */
    public static final int INS_PERFORM_SECURITY_OPERATION = 0x2A;
    /** MANAGE CHANNEL (ISO/IEC 7816-4 11.1.2), which a PC/SC layer sends itself to open and close channels. */
    public static final int INS_MANAGE_CHANNEL = 0x70;
    /** MANAGE CHANNEL P1: close the channel numbered in P2. */
    public static final int MANAGE_CHANNEL_CLOSE = 0x80;

    /** SELECT P1: the MF, a DF or an EF by its file identifier (or the MF with no data). */
    public static final int SELECT_BY_ID = 0x00;
    /** SELECT P1: an elementary file by its FID; a DF by its application ID. */
    public static final int SELECT_BY_FID = 0x02;
    public static final int SELECT_BY_AID = 0x04;
    /** SELECT P2: no FCI wanted. */
    public static final int SELECT_NO_RESPONSE = 0x0C;
    /** READ BINARY P1 bit: the file is named by its short file identifier in the low 5 bits. */
    public static final int READ_BINARY_SFI = 0x80;
    /** READ BINARY P1 with {@link #READ_BINARY_SFI}: the low 5 bits carry the short file identifier. */
    public static final int SFI_MASK = 0x1F;
    /** The highest offset READ BINARY B0 can carry in P1/P2 (15 bits). */
    public static final int MAX_B0_OFFSET = 0x7FFF;

    /** MSE:Set AT P1 for PACE (computation, verification; ICAO 9303-11 4.4.4.1). */
    public static final int MSE_SET_AT_PACE = 0xC1;
    /** MSE:Set P1 for Chip Authentication (ICAO 9303-11 6.2.3). */
    public static final int MSE_SET_CA = 0x41;
    /** MSE P2: the control reference template for authentication (AT). */
    public static final int CRT_AT = 0xA4;
    /** MSE P2: the control reference template for key agreement (KAT, 3DES Chip Authentication). */
    public static final int CRT_KAT = 0xA6;

    /** The eMRTD application (LDS1), ICAO 9303-10 3.6.2. */
    private static final byte[] EMRTD_AID = {(byte) 0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01};

    private Iso7816() {
    }

    /** Whether a command's CLA announces secure messaging ({@link #CLA_SECURE_MESSAGING} bits both set). */
    public static boolean isSecureMessaging(int cla) {
        return (cla & CLA_SECURE_MESSAGING) == CLA_SECURE_MESSAGING;
    }

    /** The eMRTD application ID (a copy). */
    public static byte[] emrtdAid() {
        return EMRTD_AID.clone();
    }

    public static CommandApdu selectEmrtdApplication() {
        return new CommandApdu(CLA, INS_SELECT, SELECT_BY_AID, SELECT_NO_RESPONSE, EMRTD_AID);
    }

    public static CommandApdu selectFile(int fid) {
        return new CommandApdu(CLA, INS_SELECT, SELECT_BY_FID, SELECT_NO_RESPONSE,
                new byte[] {(byte) (fid >> 8), (byte) fid});
    }

    /** READ BINARY B0 at {@code offset} (at most {@link #MAX_B0_OFFSET}) of the selected file. */
    public static CommandApdu readBinary(int offset, int ne) {
        return new CommandApdu(CLA, INS_READ_BINARY, offset >> 8, offset & 0xFF, ne);
    }

    /** READ BINARY B0 from the start of the file named by its short file identifier (selects it too). */
    public static CommandApdu readBinarySfi(int sfi, int ne) {
        return new CommandApdu(CLA, INS_READ_BINARY, READ_BINARY_SFI | sfi, 0, ne);
    }

    /** READ BINARY B1 with the offset in DO'54' ({@code offsetObject}, already encoded). */
    public static CommandApdu readBinaryOdd(byte[] offsetObject, int ne) {
        return new CommandApdu(CLA, INS_READ_BINARY_ODD, 0, 0, offsetObject, ne);
    }

    public static CommandApdu getChallenge(int ne) {
        return new CommandApdu(CLA, INS_GET_CHALLENGE, 0, 0, ne);
    }

    public static CommandApdu externalAuthenticate(byte[] data, int ne) {
        return new CommandApdu(CLA, INS_EXTERNAL_AUTHENTICATE, 0, 0, data, ne);
    }

    public static CommandApdu internalAuthenticate(byte[] data, int ne) {
        return new CommandApdu(CLA, INS_INTERNAL_AUTHENTICATE, 0, 0, data, ne);
    }

    /** MANAGE SECURITY ENVIRONMENT: Set with {@code p1} (e.g. {@link #MSE_SET_AT_PACE}) and template {@code p2}. */
    public static CommandApdu mseSet(int p1, int p2, byte[] data) {
        return new CommandApdu(CLA, INS_MANAGE_SECURITY_ENVIRONMENT, p1, p2, data);
    }

    /** GENERAL AUTHENTICATE; {@code chained} for every step but the last of a chained exchange. */
    public static CommandApdu generalAuthenticate(boolean chained, byte[] data, int ne) {
        return new CommandApdu(chained ? CLA_CHAINING : CLA, INS_GENERAL_AUTHENTICATE, 0, 0, data, ne);
    }

    /**
     * GET RESPONSE for the {@code ne} bytes a 61xx answer announced ({@link CommandApdu#MAX_SHORT_NE} for SW2 00),
     * with {@code cla} chosen by the caller (the logical channel of the command it follows).
     */
    public static CommandApdu getResponse(int cla, int ne) {
        return new CommandApdu(cla, INS_GET_RESPONSE, 0, 0, ne);
    }

    /** The Ne a 61xx or 6Cxx status word's SW2 stands for: 00 means 256. */
    public static int neOfSw2(int sw2) {
        int n = sw2 & 0xFF;
        return n == 0 ? CommandApdu.MAX_SHORT_NE : n;
    }
}
