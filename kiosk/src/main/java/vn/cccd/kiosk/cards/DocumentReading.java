package vn.cccd.kiosk.cards;

import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.read.DocumentReader;
import vn.cccd.reader.read.ProgressListener;
import vn.cccd.reader.read.ReadRequest;
import vn.cccd.reader.transport.CardTransport;

/** Reads a whole document over a transport: the reader library's {@link DocumentReader} (a seam for tests). */
@FunctionalInterface
public interface DocumentReading {
    CardReadResult read(CardTransport transport, ReadRequest request, ProgressListener progress);

    /** The reader library. */
    static DocumentReading library() {
        DocumentReader reader = new DocumentReader();
        return reader::read;
    }
}
