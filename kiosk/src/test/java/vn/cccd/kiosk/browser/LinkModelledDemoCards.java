package vn.cccd.kiosk.browser;

import java.nio.file.Path;
import java.util.List;
import vn.cccd.kiosk.cards.CardSource;
import vn.cccd.kiosk.cards.DemoCards;
import vn.cccd.kiosk.cards.DocumentReading;
import vn.cccd.kiosk.demo.MockDemoCards;
import vn.cccd.mock.MockCards;
import vn.cccd.mock.chip.Chip;
import vn.cccd.mock.link.ChipCosts;
import vn.cccd.mock.link.LinkClock;
import vn.cccd.mock.link.LinkModel;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;

/**
 * Demo cards that are as slow as real ones: the mock chip behind the link model sleeping for real (424 kbit/s, the
 * default turnaround, typical chip costs), on a virtual PC/SC reader read by the reader library, as the kiosk's
 * demo mode does without the link model. For the kiosk benchmark.
 */
final class LinkModelledDemoCards implements DemoCards {
    static final String READER = "CCCD Bench Reader (mock, 424 kbit/s)";
    static final int KBPS = 424;

    /** The demo reader, its PC/SC source and trust anchors: the kiosk's own demo part. */
    private final MockDemoCards cards;

    LinkModelledDemoCards(Path trustDir) {
        this.cards = new MockDemoCards(trustDir, DocumentReading.library(), READER);
    }

    @Override
    public List<DemoPersona> personas() {
        return cards.personas();
    }

    @Override
    public void insert(String persona) {
        place(prepare(persona));
    }

    /** The persona's chip behind the link model, built ahead (building and signing a document takes a while). */
    Chip prepare(String persona) {
        Persona p = Personas.builtIn(persona);
        ChipCosts costs = ChipCosts.typical(p.activeAuthentication() == Persona.KeyType.RSA);
        return new LinkModel(MockCards.chip(p, List.of()), KBPS, LinkModel.DEFAULT_TURNAROUND, costs, LinkClock.SYSTEM);
    }

    /** The card is placed on the reader. */
    void place(Chip chip) {
        cards.place(chip);
    }

    @Override
    public boolean remove() {
        return cards.remove();
    }

    @Override
    public CardSource source() {
        return cards.source();
    }

    @Override
    public List<Path> trustDirs() {
        return cards.trustDirs();
    }
}
