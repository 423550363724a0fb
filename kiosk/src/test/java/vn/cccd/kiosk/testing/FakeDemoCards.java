package vn.cccd.kiosk.testing;

import java.nio.file.Path;
import java.util.List;
import vn.cccd.kiosk.cards.CardSource;
import vn.cccd.kiosk.cards.DemoCards;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;

/** Demo cards over a {@link FakeCardSource}: personas become prepared read results (no chip simulation). */
public final class FakeDemoCards implements DemoCards {
    public static final String READER = "Fake Demo Reader";
    private final FakeCardSource source;
    private volatile String pauseAt;
    private volatile FakeCardSource.FakeCard last;

    public FakeDemoCards(FakeCardSource source) {
        this.source = source;
    }

    @Override
    public List<DemoPersona> personas() {
        return Personas.builtIn().stream().map(vn.cccd.kiosk.demo.MockDemoCards::persona).toList();
    }

    @Override
    public void insert(String persona) {
        Persona p = Personas.builtIn(persona);
        FakeCardSource.FakeCard card = FakeCardSource.personaCard(p.name());
        String pause = pauseAt;
        if (pause != null) {
            card.pausingAt(pause);
            pauseAt = null;
        }
        last = card;
        source.insert(READER, card);
    }

    /** The next card placed stops before {@code file} until resumed (to watch the progress). */
    public void pauseNextAt(String file) {
        pauseAt = file;
    }

    /** The card placed last. */
    public FakeCardSource.FakeCard last() {
        return last;
    }

    @Override
    public boolean remove() {
        return source.remove(READER);
    }

    @Override
    public CardSource source() {
        return source;
    }

    @Override
    public List<Path> trustDirs() {
        return List.of();
    }
}
