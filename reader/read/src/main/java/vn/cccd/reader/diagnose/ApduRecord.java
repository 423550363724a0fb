package vn.cccd.reader.diagnose;

import static vn.cccd.reader.apdu.Iso7816.INS_EXTERNAL_AUTHENTICATE;
import static vn.cccd.reader.apdu.Iso7816.INS_GENERAL_AUTHENTICATE;
import static vn.cccd.reader.apdu.Iso7816.INS_GENERAL_AUTHENTICATE_ODD;
import static vn.cccd.reader.apdu.Iso7816.INS_GET_CHALLENGE;
import static vn.cccd.reader.apdu.Iso7816.INS_GET_RESPONSE;
import static vn.cccd.reader.apdu.Iso7816.INS_INTERNAL_AUTHENTICATE;
import static vn.cccd.reader.apdu.Iso7816.INS_MANAGE_SECURITY_ENVIRONMENT;
import static vn.cccd.reader.apdu.Iso7816.INS_PERFORM_SECURITY_OPERATION;
import static vn.cccd.reader.apdu.Iso7816.INS_READ_BINARY;
import static vn.cccd.reader.apdu.Iso7816.INS_READ_BINARY_ODD;
import static vn.cccd.reader.apdu.Iso7816.INS_SELECT;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One exchange as the card report keeps it: no command or response body, only what describes the protocol.
 *
 * @param index 1-based position in the read
 * @param atMillis milliseconds from the first exchange to this one's start
 * @param micros how long the exchange took
 * @param step what the read was doing: "CardAccess", a file's contract name, or "before files"
 * @param command the four header bytes CLA INS P1 P2 (under secure messaging: the protected header, whose INS P1
 *     P2 are the plain command's)
 * @param name the instruction's name (SELECT, READ BINARY, GENERAL AUTHENTICATE ...)
 * @param secureMessaging whether CLA announces a secure messaging command
 * @param selects for a plain SELECT only, the file or application identifier selected (public constants)
 * @param sent the encoded command's length
 * @param received the response data's length (without the status word)
 * @param sw the status word, or null when the exchange failed
 * @param failure the transport failure's code when there was no answer
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApduRecord(int index, long atMillis, long micros, String step, String command, String name,
        boolean secureMessaging, String selects, int sent, int received, String sw, String failure) {

    /** The instruction's name for an INS byte, or "INS xx". */
    static String instruction(int ins) {
        return switch (ins) {
            case INS_SELECT -> "SELECT";
            case INS_READ_BINARY, INS_READ_BINARY_ODD -> "READ BINARY";
            case INS_GET_CHALLENGE -> "GET CHALLENGE";
            case INS_EXTERNAL_AUTHENTICATE -> "EXTERNAL AUTHENTICATE";
            case INS_INTERNAL_AUTHENTICATE -> "INTERNAL AUTHENTICATE";
            case INS_MANAGE_SECURITY_ENVIRONMENT -> "MANAGE SECURITY ENVIRONMENT";
            case INS_GENERAL_AUTHENTICATE, INS_GENERAL_AUTHENTICATE_ODD -> "GENERAL AUTHENTICATE";
            case INS_GET_RESPONSE -> "GET RESPONSE";
            case INS_PERFORM_SECURITY_OPERATION -> "PERFORM SECURITY OPERATION";
            default -> String.format("INS %02X", ins);
        };
    }
}
