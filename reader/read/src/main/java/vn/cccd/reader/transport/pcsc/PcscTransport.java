package vn.cccd.reader.transport.pcsc;

import java.util.concurrent.atomic.AtomicBoolean;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import vn.cccd.reader.error.CardLostException;
import vn.cccd.reader.error.TransportException;
import vn.cccd.reader.transport.CardTransport;

/**
 * The transport over a connected {@code javax.smartcardio} card. Every way SunPCSC reports a vanished card (a
 * {@link CardException} with a removal code, {@link IllegalStateException} "card has been disconnected", or
 * {@link IllegalArgumentException} from an empty answer) becomes one {@link CardLostException}.
 *
 * <p>The card handle is released exactly once, on every path: {@link #close()} after a read resets the card (no
 * secure messaging session survives us); after a loss (or {@link #abandon()}) it is released without a reset, and
 * also when SunPCSC has marked the card removed and its own {@code disconnect} would do nothing
 * ({@link SunPcscInternals#release}). A handle left open in pcscd, or a reset sent after the card left, can reach
 * the next card put on the same (virtual) reader and fail its first command.
 */
public final class PcscTransport implements CardTransport {
    private final Card card;
    private final CardChannel channel;
    private final byte[] atr;
    private final boolean extendedLength;
    private final AtomicBoolean released = new AtomicBoolean();
    private volatile boolean lost;

    /** Takes over {@code card}: when this constructor fails, the card has been released. */
    PcscTransport(Card card) {
        this.card = card;
        try {
            this.channel = card.getBasicChannel();
            this.atr = card.getATR().getBytes();
        } catch (RuntimeException e) {
            SunPcscInternals.release(card);
            throw new CardLostException("the card left the reader while connecting", e);
        }
        this.extendedLength = Atrs.announcesExtendedLength(atr);
    }

    @Override
    public byte[] transceive(byte[] command) {
        if (released.get()) {
            throw new CardLostException("the card was released (lost or closed) earlier in this session");
        }
        try {
            return channel.transmit(new CommandAPDU(command)).getBytes();
        } catch (CardException e) {
            if (PcscFailures.isRemoval(e) || PcscFailures.isNoService(e)) {
                lost = true;
                throw new CardLostException("the card was removed or the reader was disconnected during the read", e);
            }
            throw new TransportException("the reader failed: " + PcscFailures.name(e), e);
        } catch (IllegalStateException e) {
            lost = true;
            throw new CardLostException("the card was removed during the read", e);
        } catch (IllegalArgumentException e) {
            // SunPCSC builds a ResponseAPDU from an empty answer when the card leaves the field mid-exchange
            lost = true;
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

    /** Whether an exchange found the card gone (the release is then without reset). */
    public boolean lost() {
        return lost;
    }

    /**
     * Releases the card: with a reset after a normal read (so no secure messaging session survives us), without one
     * after the card was lost. Idempotent, never throws.
     */
    @Override
    public void close() {
        if (!released.compareAndSet(false, true)) {
            return;
        }
        if (!lost) {
            try {
                card.disconnect(true);
                // SunPCSC's disconnect does nothing for a card it marked removed: release that handle still
                SunPcscInternals.releaseRemovedHandle(card);
                return;
            } catch (CardException | RuntimeException e) {
                // gone meanwhile: released below without reset
            }
        }
        SunPcscInternals.release(card);
    }

    /** The card was lost or stopped answering: released without reset. */
    @Override
    public void abandon() {
        lost = true;
        close();
    }
}
