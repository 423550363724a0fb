package vn.cccd.reader.read;

import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.transport.CardTransport;

/**
 * Reads and verifies a whole document over a transport: SELECT the eMRTD application, access control
 * (PACE when offered, else BAC), the files the request needs, Passive/Active/Chip Authentication.
 *
 * <p>Failures are typed: {@link vn.cccd.reader.error.AccessDeniedException} (wrong key),
 * {@link vn.cccd.reader.error.CardLostException} (removed mid-read),
 * {@link vn.cccd.reader.error.MalformedDataException} (garbage from the chip),
 * {@link vn.cccd.reader.error.StatusWordException}.
 */
public final class DocumentReader {

    public CardReadResult read(CardTransport transport, ReadRequest request, ProgressListener progress) {
        throw new UnsupportedOperationException("DocumentReader is being built (issue 2)");
    }
}
