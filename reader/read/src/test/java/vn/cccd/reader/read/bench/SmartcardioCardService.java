package vn.cccd.reader.read.bench;

import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import net.sf.scuba.smartcards.APDUEvent;
import net.sf.scuba.smartcards.CardService;
import net.sf.scuba.smartcards.CardServiceException;
import net.sf.scuba.smartcards.CommandAPDU;
import net.sf.scuba.smartcards.ResponseAPDU;

/**
 * A SCUBA {@link CardService} over a {@code javax.smartcardio} terminal: how JMRTD reads a card on a PC (the role
 * of SCUBA's {@code TerminalCardService}, which is not in the scuba-smartcards artifact). Written for the
 * benchmark, so JMRTD goes through the same PC/SC path and the same link model as our reader.
 */
final class SmartcardioCardService extends CardService {
    private final CardTerminal terminal;
    private Card card;
    private CardChannel channel;
    private int apdus;

    SmartcardioCardService(CardTerminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public void open() throws CardServiceException {
        if (isOpen()) {
            return;
        }
        try {
            card = terminal.connect("*");
            channel = card.getBasicChannel();
            state = SESSION_STARTED_STATE;
        } catch (CardException e) {
            throw new CardServiceException("cannot connect: " + e.getMessage(), e);
        }
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
        try {
            byte[] r = channel.transmit(new javax.smartcardio.CommandAPDU(command.getBytes())).getBytes();
            ResponseAPDU response = new ResponseAPDU(r);
            apdus++;
            notifyExchangedAPDU(new APDUEvent(this, "PCSC", apdus, command, response));
            return response;
        } catch (CardException | IllegalStateException e) {
            throw new CardServiceException("transmit failed: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] getATR() {
        return card.getATR().getBytes();
    }

    @Override
    public void close() {
        if (card != null) {
            try {
                card.disconnect(true);
            } catch (CardException | IllegalStateException e) {
                // gone already
            }
        }
        state = SESSION_STOPPED_STATE;
    }

    @Override
    public boolean isConnectionLost(Exception e) {
        return !isOpen();
    }
}
