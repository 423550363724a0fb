package vn.cccd.kiosk.cards;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cccd.reader.error.TransportException;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.read.ProgressListener;
import vn.cccd.reader.read.ReadRequest;

/**
 * Several sources seen as one (demo mode: the mock reader beside the machine's PC/SC readers). Each source stands
 * on its own: one that fails in any way (no PC/SC service, no PC/SC library, a provider that cannot even be loaded)
 * hides only its own readers, and its reason is {@link #problem()}; the others' readers stay listed and readable.
 */
public final class CompositeCardSource implements CardSource {
    private static final Logger LOG = LoggerFactory.getLogger(CompositeCardSource.class);
    private final List<CardSource> sources;
    // guarded by this: which source listed each reader at the last readers(), and why some listed nothing
    private Map<String, CardSource> owners = Map.of();
    private String problem;

    public CompositeCardSource(List<CardSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /** Every source's readers; a failing source adds none. Throws only when every source failed. */
    @Override
    public List<ReaderStatus> readers() {
        List<ReaderStatus> all = new ArrayList<>();
        Map<String, CardSource> owned = new HashMap<>();
        RuntimeException last = null;
        int failed = 0;
        for (CardSource s : sources) {
            try {
                for (ReaderStatus r : s.readers()) {
                    all.add(r);
                    owned.putIfAbsent(r.name(), s);
                }
            } catch (RuntimeException e) {
                last = e;
                failed++;
            } catch (LinkageError e) {
                // a JVM without a usable javax.smartcardio (stripped runtime, broken native library)
                last = new TransportException("this source cannot run in this Java: " + e, e);
                failed++;
            }
        }
        synchronized (this) {
            owners = Map.copyOf(owned);
            problem = last == null ? null : last.getMessage();
        }
        if (failed == sources.size() && last != null) {
            throw last;
        }
        return all;
    }

    /** Why a source listed no reader at the last {@link #readers()} (the last failing one's reason), or null. */
    @Override
    public synchronized String problem() {
        return problem;
    }

    /** Reads on the source that listed {@code reader}; no other source is asked anything. */
    @Override
    public CardReadResult read(String reader, ReadRequest request, ProgressListener progress) {
        CardSource owner;
        synchronized (this) {
            owner = owners.get(reader);
        }
        if (owner == null) {
            readers(); // a reader not seen yet (tests, or a read right after plugging in)
            synchronized (this) {
                owner = owners.get(reader);
            }
        }
        if (owner == null) {
            throw new TransportException("no reader named '" + reader + "'");
        }
        return owner.read(reader, request, progress);
    }

    /** The card report on the source that listed {@code reader}. */
    @Override
    public vn.cccd.reader.diagnose.CardReport diagnose(String reader, ReadRequest request) {
        CardSource owner;
        synchronized (this) {
            owner = owners.get(reader);
        }
        if (owner == null) {
            throw new TransportException("no reader named '" + reader + "'");
        }
        return owner.diagnose(reader, request);
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
