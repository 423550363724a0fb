package vn.cccd.kiosk.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.smartcardio.TerminalFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.mock.persona.DocumentFactory;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;
import vn.cccd.mock.pcsc.VirtualTerminals;
import vn.cccd.reader.error.NoCardException;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.model.Verification;
import vn.cccd.reader.read.ProgressListener;
import vn.cccd.reader.read.ReadRequest;
import vn.cccd.reader.transport.pcsc.PcscReaders;
import vn.cccd.kiosk.demo.MockDemoCards;

/**
 * The demo reader beside a PC/SC source that is down in every way seen in the field (issue 14, item 1): no service,
 * a Java whose PC/SC provider cannot be loaded at all; the demo reader stays listed and its card is read, the reason
 * is told, and the machine's readers join when the service appears.
 */
class CompositeCardSourceTest {
    private static final String DEMO = MockDemoCards.READER;

    @TempDir
    Path trust;

    /** What the machine's PC/SC service does now. */
    private final AtomicReference<Object> service = new AtomicReference<>();
    private final VirtualTerminals machine = new VirtualTerminals("Machine Reader 00 00");

    private TerminalFactory machineFactory() {
        Object s = service.get();
        if (s instanceof RuntimeException e) {
            throw e;
        }
        if (s instanceof Error e) {
            throw e;
        }
        return machine.terminalFactory();
    }

    @Test
    void theDemoReaderIsListedAndReadWhateverThePcscSourceDoes() {
        MockDemoCards demo = new MockDemoCards(trust, DocumentReading.library());
        PcscCardSource pcsc = new PcscCardSource(this::machineFactory, (t, r, p) -> {
            throw new AssertionError("nothing is read on the machine's readers here");
        });
        CompositeCardSource both = new CompositeCardSource(List.of(demo.source(), pcsc));
        Persona p = Personas.builtIn("nguyen-van-a");

        service.set(NoCardException.noReader(PcscReaders.NO_SERVICE + ": pcscd is not running", null));
        assertThat(both.readers()).containsExactly(new ReaderStatus(DEMO, false));
        assertThat(both.problem()).startsWith(PcscReaders.NO_SERVICE);
        demo.insert(p.name());
        assertThat(both.readers()).containsExactly(new ReaderStatus(DEMO, true));
        CardReadResult read = both.read(DEMO, request(p), ProgressListener.NONE);
        assertThat(read.person().fullName()).isEqualTo(p.person().fullName());
        assertThat(read.verification().overall()).isEqualTo(Verification.Overall.AUTHENTIC);
        demo.remove();

        // a runtime without javax.smartcardio's native side, or with the module stripped
        service.set(new NoClassDefFoundError("javax/smartcardio/TerminalFactory"));
        awaitReaders(both, List.of(new ReaderStatus(DEMO, false)), "NoClassDefFoundError");

        service.set(null); // pcscd starts: the machine's reader joins, the demo reader stays
        awaitReaders(both, List.of(new ReaderStatus(DEMO, false), new ReaderStatus("Machine Reader 00 00", false)),
                null);
    }

    @Test
    void onlyWhenEverySourceFailsDoesTheListingFail() {
        service.set(NoCardException.noReader(PcscReaders.NO_SERVICE + ": pcscd is not running", null));
        PcscCardSource pcsc = new PcscCardSource(this::machineFactory, (t, r, p) -> {
            throw new AssertionError("no read");
        });
        CompositeCardSource alone = new CompositeCardSource(List.of(pcsc));
        assertThatThrownBy(alone::readers).isInstanceOf(NoCardException.class).hasMessageStartingWith(PcscReaders.NO_SERVICE);
        assertThatThrownBy(() -> alone.read("Machine Reader 00 00", request(Personas.builtIn("nguyen-van-a")),
                ProgressListener.NONE)).isInstanceOf(NoCardException.class);
    }

    /**
     * Polls as the kiosk does (the PC/SC source tries a failed service again after up to a second) until the readers
     * are {@code expected} and the problem contains {@code problem} (is null when null), for 5 s.
     */
    private static void awaitReaders(CompositeCardSource source, List<ReaderStatus> expected, String problem) {
        long end = System.nanoTime() + 5_000_000_000L;
        List<ReaderStatus> last = null;
        while (System.nanoTime() < end) {
            last = source.readers();
            String why = source.problem();
            if (last.equals(expected) && (problem == null ? why == null : why != null && why.contains(problem))) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("readers " + last + " (" + source.problem() + "), expected " + expected + " ("
                + problem + ")");
    }

    private ReadRequest request(Persona p) {
        return new ReadRequest(List.of(DocumentFactory.profile(p, List.of()).bacKey()), false, List.of(trust));
    }
}
