package vn.cccd.mock.pcsc;

import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactorySpi;

/** The {@code TerminalFactory} engine of {@link MockPcscProvider}: each call gives a fresh view of the readers. */
final class MockTerminalFactorySpi extends TerminalFactorySpi {
    private final VirtualTerminals hub;

    MockTerminalFactorySpi(VirtualTerminals hub) {
        this.hub = hub;
    }

    @Override
    protected CardTerminals engineTerminals() {
        return new MockCardTerminals(hub);
    }
}
