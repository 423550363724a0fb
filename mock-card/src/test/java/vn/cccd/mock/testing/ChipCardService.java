package vn.cccd.mock.testing;

import net.sf.scuba.smartcards.APDUEvent;
import net.sf.scuba.smartcards.CardService;
import net.sf.scuba.smartcards.CardServiceException;
import net.sf.scuba.smartcards.CommandAPDU;
import net.sf.scuba.smartcards.ResponseAPDU;
import vn.cccd.mock.chip.Chip;
import vn.cccd.mock.chip.ChipRemovedException;

/**
 * A SCUBA {@link CardService} over a mock {@link Chip}, in memory: lets JMRTD's {@code PassportService} act as an
 * independent terminal-side peer of the mock card, with no PC/SC in between.
 */
public final class ChipCardService extends CardService {
    private final Chip chip;
    private int apdus;

    public ChipCardService(Chip chip) {
        this.chip = chip;
    }

    @Override
    public void open() {
        chip.reset();
        state = SESSION_STARTED_STATE;
    }

    @Override
    public boolean isOpen() {
        return state == SESSION_STARTED_STATE;
    }

    @Override
    public ResponseAPDU transmit(CommandAPDU command) throws CardServiceException {
        if (!isOpen()) {
            throw new CardServiceException("card service is closed");
        }
        byte[] response;
        try {
            response = chip.process(command.getBytes());
        } catch (ChipRemovedException e) {
            state = SESSION_STOPPED_STATE;
            throw new CardServiceException("card removed: " + e.getMessage());
        }
        ResponseAPDU r = new ResponseAPDU(response);
        apdus++;
        notifyExchangedAPDU(new APDUEvent(this, "MOCK", apdus, command, r));
        return r;
    }

    @Override
    public byte[] getATR() {
        return chip.atr();
    }

    @Override
    public void close() {
        state = SESSION_STOPPED_STATE;
    }

    @Override
    public boolean isConnectionLost(Exception e) {
        return !isOpen();
    }

    /** APDUs exchanged so far. */
    public int apdus() {
        return apdus;
    }
}
