package vn.cccd.reader.diagnose;

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
            case 0xA4 -> "SELECT";
            case 0xB0, 0xB1 -> "READ BINARY";
            case 0x84 -> "GET CHALLENGE";
            case 0x82 -> "EXTERNAL AUTHENTICATE";
            case 0x88 -> "INTERNAL AUTHENTICATE";
            case 0x22 -> "MANAGE SECURITY ENVIRONMENT";
            case 0x86, 0x87 -> "GENERAL AUTHENTICATE";
            case 0xC0 -> "GET RESPONSE";
            case 0x2A -> "PERFORM SECURITY OPERATION";
            default -> String.format("INS %02X", ins);
        };
    }
}
