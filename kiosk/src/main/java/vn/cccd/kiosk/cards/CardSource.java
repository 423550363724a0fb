package vn.cccd.kiosk.cards;

import java.util.List;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.read.ProgressListener;
import vn.cccd.reader.read.ReadRequest;

/**
 * Where cards come from: PC/SC readers (real or the in-process mock of demo mode), or a fake in tests. The
 * {@link CardService} polls {@link #readers()} and calls {@link #read} when a card is there and the person has
 * agreed and given the key.
 */
public interface CardSource extends AutoCloseable {

    /**
     * The readers now, with card presence. Must return promptly.
     *
     * @throws vn.cccd.reader.error.TransportException when the smart-card service cannot be reached
     */
    List<ReaderStatus> readers();

    /**
     * Why some readers may be missing from the last {@link #readers()} although it answered (a source of several
     * that failed: no PC/SC service beside the demo reader), or null.
     */
    default String problem() {
        return null;
    }

    /**
     * Reads and verifies the card on {@code reader}.
     *
     * @throws vn.cccd.reader.error.ReaderException typed by cause (wrong key, card removed, malformed data, ...)
     */
    CardReadResult read(String reader, ReadRequest request, ProgressListener progress);

    /**
     * The card report ({@code cccd-reader diagnose}) of the card on {@code reader}: its structure, none of its
     * holder's values. A read that stops is in the report; only a missing reader or card throws.
     *
     * @throws UnsupportedOperationException when this source cannot record a read
     */
    default vn.cccd.reader.diagnose.CardReport diagnose(String reader, ReadRequest request) {
        throw new UnsupportedOperationException("this card source cannot write a card report");
    }

    @Override
    default void close() {
    }
}
