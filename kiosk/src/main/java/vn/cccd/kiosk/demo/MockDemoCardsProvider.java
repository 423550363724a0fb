package vn.cccd.kiosk.demo;

import java.nio.file.Path;
import vn.cccd.kiosk.cards.DemoCards;
import vn.cccd.kiosk.cards.DemoCardsProvider;
import vn.cccd.kiosk.cards.DocumentReading;

/** The demo part in cccd-kiosk-demo.jar: demo cards from the mock card module (registered in META-INF/services). */
public final class MockDemoCardsProvider implements DemoCardsProvider {
    @Override
    public DemoCards create(Path trustDir, DocumentReading reading) {
        return new MockDemoCards(trustDir, reading);
    }
}
