package vn.cccd.kiosk.cards;

import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import vn.cccd.reader.error.CardLostException;
import vn.cccd.reader.error.TransportException;
import vn.cccd.reader.transport.CardTransport;

/**
 * The reader library's transport over a connected {@code javax.smartcardio} card: maps provider failures to the
 * reader's typed errors (a removed card is a {@link CardLostException}).
 *
 * <p>TODO(kiosk): replace with the reader's PC/SC adapter ({@code vn.cccd.reader.transport}) once it is in main.
 */
final class SmartcardioTransport implements CardTransport {
    private final CardChannel channel;

    SmartcardioTransport(Card card) {
        this.channel = card.getBasicChannel();
    }

    @Override
    public byte[] transceive(byte[] command) {
        try {
            return channel.transmit(new CommandAPDU(command)).getBytes();
        } catch (CardException e) {
            if (PcscErrors.isRemoval(e)) {
                throw new CardLostException("the card was removed during the read", e);
            }
            throw new TransportException("the reader failed: " + PcscErrors.name(e), e);
        } catch (IllegalStateException e) {
            // javax.smartcardio's way of saying the card handle is gone
            throw new CardLostException("the card was removed during the read", e);
        } catch (IllegalArgumentException e) {
            // SunPCSC builds a ResponseAPDU from an empty answer when the card leaves the field mid-exchange
            throw new CardLostException("the reader got no answer from the card (removed?)", e);
        }
    }
}
