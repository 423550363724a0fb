package vn.cccd.reader.transport;

import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import vn.cccd.reader.error.CardLostException;
import vn.cccd.reader.error.TransportException;

/**
 * The transport over a connected {@code javax.smartcardio} card. Every way SunPCSC reports a vanished card (a
 * {@link CardException} with a removal code, {@link IllegalStateException} "card has been disconnected", or
 * {@link IllegalArgumentException} from an empty answer) becomes one {@link CardLostException}.
 */
public final class PcscTransport implements CardTransport {
    private final Card card;
    private final CardChannel channel;
    private final byte[] atr;
    private final boolean extendedLength;

    PcscTransport(Card card) {
        this.card = card;
        this.channel = card.getBasicChannel();
        this.atr = card.getATR().getBytes();
        this.extendedLength = Atrs.announcesExtendedLength(atr);
    }

    @Override
    public byte[] transceive(byte[] command) {
        try {
            return channel.transmit(new CommandAPDU(command)).getBytes();
        } catch (CardException e) {
            if (PcscFailures.isRemoval(e) || PcscFailures.isNoService(e)) {
                throw new CardLostException("the card was removed or the reader was disconnected during the read", e);
            }
            throw new TransportException("the reader failed: " + PcscFailures.name(e), e);
        } catch (IllegalStateException e) {
            throw new CardLostException("the card was removed during the read", e);
        } catch (IllegalArgumentException e) {
            // SunPCSC builds a ResponseAPDU from an empty answer when the card leaves the field mid-exchange
            throw new CardLostException("the reader got no answer from the card (removed?)", e);
        }
    }

    @Override
    public byte[] atr() {
        return atr.clone();
    }

    /** As the card announces in its ATR; a reader that cannot carry it fails the APDU and the read steps down. */
    @Override
    public boolean supportsExtendedLength() {
        return extendedLength;
    }

    /** Releases the card (reset, so no secure messaging session survives us). */
    @Override
    public void close() {
        try {
            card.disconnect(true);
        } catch (CardException | IllegalStateException e) {
            // the card is gone already
        }
    }
}
