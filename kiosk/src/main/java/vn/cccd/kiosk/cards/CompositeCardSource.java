package vn.cccd.kiosk.cards;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cccd.reader.error.TransportException;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.read.ProgressListener;
import vn.cccd.reader.read.ReadRequest;

/** Several sources seen as one (demo mode: the mock reader beside the machine's PC/SC readers). */
public final class CompositeCardSource implements CardSource {
    private static final Logger LOG = LoggerFactory.getLogger(CompositeCardSource.class);
    private final List<CardSource> sources;

    public CompositeCardSource(List<CardSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /** One source failing (no PC/SC service) does not hide the others' readers. */
    @Override
    public List<ReaderStatus> readers() {
        List<ReaderStatus> all = new ArrayList<>();
        TransportException last = null;
        int failed = 0;
        for (CardSource s : sources) {
            try {
                all.addAll(s.readers());
            } catch (TransportException e) {
                last = e;
                failed++;
            }
        }
        if (failed == sources.size() && last != null) {
            throw last;
        }
        return all;
    }

    @Override
    public CardReadResult read(String reader, ReadRequest request, ProgressListener progress) {
        for (CardSource s : sources) {
            List<ReaderStatus> readers;
            try {
                readers = s.readers();
            } catch (TransportException e) {
                continue;
            }
            if (readers.stream().anyMatch(r -> r.name().equals(reader))) {
                return s.read(reader, request, progress);
            }
        }
        throw new TransportException("no reader named '" + reader + "'");
    }

    @Override
    public void close() {
        for (CardSource s : sources) {
            try {
                s.close();
            } catch (Exception e) {
                LOG.warn("closing a card source failed: {}", e.toString());
            }
        }
    }
}
