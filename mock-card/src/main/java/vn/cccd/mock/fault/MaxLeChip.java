package vn.cccd.mock.fault;

import static vn.cccd.reader.apdu.Iso7816.INS_READ_BINARY;
import static vn.cccd.reader.apdu.Iso7816.INS_READ_BINARY_ODD;

import vn.cccd.mock.chip.Chip;
import vn.cccd.reader.apdu.CommandApdu;
import vn.cccd.reader.apdu.Iso7816;
import vn.cccd.reader.apdu.ResponseApdu;
import vn.cccd.reader.apdu.StatusWords;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.sm.SmSession;

/**
 * {@code max-le:N}: a card (or reader) that cannot return more than N bytes per READ BINARY and knows no
 * extended length. It answers 6700 (wrong length) to any extended-length APDU and to READ BINARY
 * ({@code B0}/{@code B1}) asking for more than N bytes. Under secure messaging the requested length is the
 * one in DO'97' (the outer Le is always 00 there).
 *
 * <p>The 6700 comes back in plain and the chip never sees the refused command, so under secure messaging
 * the two send sequence counters no longer agree: like a real chip that drops its session on an error, the
 * card then needs a new access control (SELECT, BAC/PACE) before it answers again. A reader that learns the
 * limit re-authenticates once and reads on with the smaller Le.
 */
public final class MaxLeChip extends ChipDecorator {

    private final int maxLe;

    public MaxLeChip(Chip inner, int maxLe) {
        super(inner);
        this.maxLe = maxLe;
    }

    @Override
    public byte[] process(byte[] command) {
        CommandApdu apdu;
        try {
            apdu = CommandApdu.parse(command);
        } catch (MalformedDataException e) {
            return super.process(command);
        }
        if (isExtendedLength(command) || isReadBinary(apdu) && requestedLength(apdu) > maxLe) {
            return ResponseApdu.of(StatusWords.WRONG_LENGTH).toBytes();
        }
        return super.process(command);
    }

    /** Extended-length encoding: a zero byte where a short APDU has Lc or Le, followed by two length bytes. */
    private static boolean isExtendedLength(byte[] command) {
        return command.length >= 7 && command[4] == 0;
    }

    private static boolean isReadBinary(CommandApdu apdu) {
        return apdu.ins() == INS_READ_BINARY || apdu.ins() == INS_READ_BINARY_ODD;
    }

    /** The number of bytes the reader asks for: DO'97' under secure messaging, else Ne. */
    private static int requestedLength(CommandApdu apdu) {
        if (!Iso7816.isSecureMessaging(apdu.cla()) || apdu.dataLength() == 0) {
            return apdu.ne();
        }
        try {
            return SmSession.expectedLength(apdu);
        } catch (MalformedDataException e) {
            return apdu.ne();
        }
    }
}
