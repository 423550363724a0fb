package vn.cccd.reader.apdu;

/** Named ISO/IEC 7816-4 status words and the one place where responses are checked against them. */
public final class StatusWords {
    public static final int SUCCESS = 0x9000;
    public static final int BYTES_REMAINING = 0x6100; // SW1 only
    public static final int END_OF_FILE_WARNING = 0x6282;
    public static final int VERIFICATION_FAILED = 0x6300;
    public static final int COUNTER_PREFIX = 0x63C0; // 63Cx: retries left
    public static final int MEMORY_FAILURE = 0x6581;
    public static final int WRONG_LENGTH = 0x6700;
    public static final int SECURITY_STATUS_NOT_SATISFIED = 0x6982;
    public static final int AUTHENTICATION_METHOD_BLOCKED = 0x6983;
    public static final int REFERENCE_DATA_NOT_USABLE = 0x6984;
    public static final int CONDITIONS_NOT_SATISFIED = 0x6985;
    public static final int COMMAND_NOT_ALLOWED = 0x6986;
    public static final int SM_DATA_OBJECTS_MISSING = 0x6987;
    public static final int SM_DATA_OBJECTS_INCORRECT = 0x6988;
    public static final int WRONG_DATA = 0x6A80;
    public static final int FUNCTION_NOT_SUPPORTED = 0x6A81;
    public static final int FILE_NOT_FOUND = 0x6A82;
    public static final int RECORD_NOT_FOUND = 0x6A83;
    public static final int INCORRECT_P1P2 = 0x6A86;
    public static final int REFERENCED_DATA_NOT_FOUND = 0x6A88;
    public static final int WRONG_P1P2 = 0x6B00;
    public static final int CORRECT_LENGTH_PREFIX = 0x6C00; // SW1 only: 6Cxx
    public static final int INS_NOT_SUPPORTED = 0x6D00;
    public static final int CLA_NOT_SUPPORTED = 0x6E00;
    public static final int UNKNOWN = 0x6F00;

    private StatusWords() {
    }

    /**
     * The status word ending a raw card response, or -1 when it is shorter than two bytes (so it matches none of
     * the names here). For layers below {@link ResponseApdu#parse}, which must see a short answer unchanged.
     */
    public static int trailing(byte[] raw) {
        if (raw == null || raw.length < 2) {
            return -1;
        }
        return ((raw[raw.length - 2] & 0xFF) << 8) | (raw[raw.length - 1] & 0xFF);
    }

    /** 61xx: xx more bytes wait for a GET RESPONSE (xx = 00 meaning 256 or more). */
    public static boolean isBytesRemaining(int sw) {
        return sw >= 0 && (sw & 0xFF00) == BYTES_REMAINING;
    }

    /** 6Cxx: wrong Le, the exact length is xx (00 meaning 256). */
    public static boolean isCorrectLength(int sw) {
        return sw >= 0 && (sw & 0xFF00) == CORRECT_LENGTH_PREFIX;
    }

    /**
     * Returns the response when its SW is 9000 or one of {@code allowed}; throws a typed
     * {@link StatusWordException} naming {@code context} otherwise.
     */
    public static ResponseApdu check(ResponseApdu response, String context, int... allowed) {
        int sw = response.sw();
        if (sw == SUCCESS) {
            return response;
        }
        for (int a : allowed) {
            if (a == sw) {
                return response;
            }
        }
        throw new StatusWordException(context, sw);
    }

    public static String describe(int sw) {
        switch (sw >> 8) {
            case BYTES_REMAINING >> 8:
                return (sw & 0xFF) + " bytes remaining";
            case CORRECT_LENGTH_PREFIX >> 8:
                return "wrong Le, exact length " + (sw & 0xFF);
            case 0x63:
                if ((sw & 0xF0) == 0xC0) {
                    return "verification failed, " + (sw & 0x0F) + " tries left";
                }
                break;
            default:
                break;
        }
        switch (sw) {
            case SUCCESS: return "success";
            case END_OF_FILE_WARNING: return "end of file reached before Le bytes";
            case VERIFICATION_FAILED: return "verification failed";
            case MEMORY_FAILURE: return "memory failure";
            case WRONG_LENGTH: return "wrong length";
            case SECURITY_STATUS_NOT_SATISFIED: return "security status not satisfied";
            case AUTHENTICATION_METHOD_BLOCKED: return "authentication method blocked";
            case REFERENCE_DATA_NOT_USABLE: return "reference data not usable";
            case CONDITIONS_NOT_SATISFIED: return "conditions of use not satisfied";
            case COMMAND_NOT_ALLOWED: return "command not allowed";
            case SM_DATA_OBJECTS_MISSING: return "secure messaging data objects missing";
            case SM_DATA_OBJECTS_INCORRECT: return "secure messaging data objects incorrect";
            case WRONG_DATA: return "incorrect data";
            case FUNCTION_NOT_SUPPORTED: return "function not supported";
            case FILE_NOT_FOUND: return "file not found";
            case RECORD_NOT_FOUND: return "record not found";
            case INCORRECT_P1P2: return "incorrect P1/P2";
            case REFERENCED_DATA_NOT_FOUND: return "referenced data not found";
            case WRONG_P1P2: return "wrong P1/P2 (offset outside the file)";
            case INS_NOT_SUPPORTED: return "instruction not supported";
            case CLA_NOT_SUPPORTED: return "class not supported";
            case UNKNOWN: return "no precise diagnosis";
            default: return "unknown status";
        }
    }
}
