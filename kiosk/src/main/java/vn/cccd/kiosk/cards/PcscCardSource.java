package vn.cccd.kiosk.cards;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.read.ProgressListener;
import vn.cccd.reader.read.ReadRequest;
import vn.cccd.reader.transport.CardTransport;
import vn.cccd.reader.transport.pcsc.PcscReaders;
import vn.cccd.reader.transport.TracingTransport;

/**
 * Readers and cards through {@code javax.smartcardio} (the reader library's PC/SC adapter): the machine's PC/SC
 * service, or the mock card's provider in demo mode and tests. The adapter makes its factory again after a
 * service failure, because a PC/SC context does not survive the service stopping.
 */
public final class PcscCardSource implements CardSource {
    private final PcscReaders readers;
    private final DocumentReading reading;

    /**
     * @param factories makes a fresh factory (with a fresh PC/SC context) whenever the previous one failed
     * @param reading reads a document over a transport (the reader library's DocumentReader)
     */
    public PcscCardSource(Supplier<TerminalFactory> factories, DocumentReading reading) {
        this(new PcscReaders(factories), reading);
    }

    private PcscCardSource(PcscReaders readers, DocumentReading reading) {
        this.readers = readers;
        this.reading = reading;
    }

    /** The machine's PC/SC readers. */
    public static PcscCardSource system(DocumentReading reading) {
        return new PcscCardSource(PcscReaders.system(), reading);
    }

    @Override
    public List<ReaderStatus> readers() {
        List<ReaderStatus> out = new ArrayList<>();
        for (PcscReaders.ReaderInfo r : readers.list()) {
            out.add(new ReaderStatus(r.name(), r.cardPresent()));
        }
        return out;
    }

    @Override
    public CardReadResult read(String reader, ReadRequest request, ProgressListener progress) {
        CardTerminal terminal = readers.terminal(reader);
        // closing the chain ends the deadline's exchange thread at once (else it lingers 2 s per read) and releases
        // the card: reset after a read, no reset when it was lost; a card that stopped answering is released by the
        // deadline's own thread (closing it here too could reset it before that thread marks it lost)
        try (CardTransport chain = TracingTransport.standard(readers.connect(terminal))) {
            return reading.read(chain, request, progress);
        }
    }

    @Override
    public vn.cccd.reader.diagnose.CardReport diagnose(String reader, ReadRequest request) {
        CardTerminal terminal = readers.terminal(reader);
        return vn.cccd.reader.diagnose.CardDiagnosis.run(readers.connect(terminal), terminal.getName(), request,
                new vn.cccd.reader.read.DocumentReader());
    }
}
