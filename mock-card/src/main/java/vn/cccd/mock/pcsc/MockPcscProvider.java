package vn.cccd.mock.pcsc;

import java.security.Provider;
import java.util.List;
import java.util.Map;

/**
 * A {@link Provider} offering {@code TerminalFactory} type {@value #TYPE} over one {@link VirtualTerminals}
 * set. It is not meant to be installed with {@code Security.addProvider}: pass it explicitly to
 * {@code TerminalFactory.getInstance("PC/SC", null, provider)} so that the real PC/SC stack stays the default.
 */
public final class MockPcscProvider extends Provider {
    private static final long serialVersionUID = 1L;
    public static final String NAME = "CccdMockPCSC";
    public static final String TYPE = "PC/SC";

    MockPcscProvider(VirtualTerminals hub) {
        super(NAME, "1.0", "Mock CCCD chips behind javax.smartcardio");
        putService(new FactoryService(this, hub));
    }

    /** Creates the engine for this provider's readers (a class name alone could not carry them). */
    private static final class FactoryService extends Service {
        private final transient VirtualTerminals hub;

        FactoryService(Provider provider, VirtualTerminals hub) {
            super(provider, "TerminalFactory", TYPE, MockTerminalFactorySpi.class.getName(), List.of(), Map.of());
            this.hub = hub;
        }

        @Override
        public Object newInstance(Object constructorParameter) {
            return new MockTerminalFactorySpi(hub);
        }
    }
}
