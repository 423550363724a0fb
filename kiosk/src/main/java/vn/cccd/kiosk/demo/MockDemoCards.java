package vn.cccd.kiosk.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.cccd.kiosk.cards.CardSource;
import vn.cccd.kiosk.cards.DemoCards;
import vn.cccd.kiosk.cards.DocumentReading;
import vn.cccd.kiosk.cards.PcscCardSource;
import vn.cccd.mock.MockCards;
import vn.cccd.mock.chip.Chip;
import vn.cccd.mock.pcsc.MockTerminal;
import vn.cccd.mock.pcsc.VirtualTerminals;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;
import vn.cccd.mock.pki.MockPki;

/**
 * Demo cards from the mock card module: a virtual reader behind the mock {@code javax.smartcardio} provider, so
 * the kiosk reads them exactly as it reads a real card (PC/SC API, reader library, verification). Packaged in
 * cccd-kiosk-demo.jar with the mock card module, never in cccd-kiosk.jar ({@link MockDemoCardsProvider}).
 */
public final class MockDemoCards implements DemoCards {
    /** The demo reader's name. */
    public static final String READER = "CCCD Demo Reader (mock)";

    private final String readerName;
    private final VirtualTerminals terminals;
    private final PcscCardSource source;
    private final Path trustDir;

    /**
     * @param trustDir where the mock CSCA certificates are written (created when missing)
     * @param reading the document reader used for the demo reader
     */
    public MockDemoCards(Path trustDir, DocumentReading reading) {
        this(trustDir, reading, READER);
    }

    /**
     * A demo reader of another name (the kiosk benchmark's reader, whose chips sit behind a link model).
     *
     * @param readerName the virtual reader's name
     */
    public MockDemoCards(Path trustDir, DocumentReading reading, String readerName) {
        this.readerName = readerName;
        this.terminals = new VirtualTerminals(readerName);
        this.trustDir = trustDir;
        this.source = new PcscCardSource(terminals::terminalFactory, reading);
        try {
            MockPki.instance().writeTrustAnchors(trustDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo trust anchors to " + trustDir, e);
        }
    }

    @Override
    public List<DemoPersona> personas() {
        List<DemoPersona> out = new ArrayList<>();
        for (Persona p : Personas.builtIn()) {
            out.add(persona(p));
        }
        return out;
    }

    /** A mock persona as the demo panel shows it. */
    public static DemoPersona persona(Persona p) {
        boolean passport = !"CCCD".equals(p.document().type().name());
        return new DemoPersona(p.name(), p.person().fullName(), p.person().idNumber(), p.person().dateOfBirth(),
                p.person().issueDate(), p.document().type().name(), passport ? p.documentNumber() : null,
                p.document().expiryDate());
    }

    @Override
    public void checkFaults(List<String> faults) {
        vn.cccd.mock.fault.Fault.parseAll(faults);
    }

    @Override
    public void insert(String persona) {
        insert(persona, List.of());
    }

    @Override
    public void insert(String persona, List<String> faults) {
        Persona p = Personas.builtIn(persona);
        List<vn.cccd.mock.fault.Fault> parsed = vn.cccd.mock.fault.Fault.parseAll(faults == null ? List.of() : faults);
        MockTerminal reader = terminals.terminal(readerName);
        if (reader.chip().isPresent()) {
            throw new IllegalStateException("a card is already on the demo reader");
        }
        Chip chip;
        try {
            chip = MockCards.chip(p, parsed);
        } catch (IllegalStateException e) {
            // the mock card module cannot build documents yet (LDS builders / eMRTD chip not in this build)
            throw new UnsupportedOperationException("demo cards are not available in this build: " + e.getMessage(), e);
        }
        reader.insert(chip);
    }

    /** Places a chip built elsewhere (a mock chip behind a link model, say) on the reader. */
    public void place(Chip chip) {
        terminals.terminal(readerName).insert(chip);
    }

    @Override
    public boolean remove() {
        return terminals.terminal(readerName).remove();
    }

    @Override
    public CardSource source() {
        return source;
    }

    @Override
    public List<Path> trustDirs() {
        return List.of(trustDir);
    }
}
