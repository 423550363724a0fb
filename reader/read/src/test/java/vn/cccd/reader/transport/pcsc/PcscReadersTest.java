package vn.cccd.reader.transport.pcsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;
import javax.smartcardio.TerminalFactorySpi;
import org.junit.jupiter.api.Test;
import vn.cccd.reader.error.NoCardException;

/** The PC/SC service going away and coming back, with a factory supplier that fails like SunPCSC without pcscd. */
class PcscReadersTest {
    private static final long MS = 1_000_000L;

    /** A provider whose terminals are listed by a switchable answer. */
    public static final class FakeSpi extends TerminalFactorySpi {
        static volatile boolean serviceUp = true;

        public FakeSpi(Object parameter) {
        }

        @Override
        protected CardTerminals engineTerminals() {
            return new CardTerminals() {
                @Override
                public List<CardTerminal> list(State state) throws CardException {
                    if (!serviceUp) {
                        throw new CardException("list() failed", new Exception("SCARD_E_NO_SERVICE"));
                    }
                    return List.of();
                }

                @Override
                public boolean waitForChange(long timeout) {
                    return false;
                }
            };
        }
    }

    private static final java.security.Provider PROVIDER = new java.security.Provider("FakePCSC", "1", "test") {
        private static final long serialVersionUID = 1L;

        {
            putService(new Service(this, "TerminalFactory", "PC/SC", FakeSpi.class.getName(), null, null));
        }
    };

    private static TerminalFactory fakeFactory() {
        try {
            return TerminalFactory.getInstance("PC/SC", null, PROVIDER);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void whileTheServiceIsAwayAttemptsAreSpacedOutAndEveryCallFailsTypedAtOnce() {
        AtomicLong now = new AtomicLong();
        AtomicInteger attempts = new AtomicInteger();
        PcscReaders readers = new PcscReaders(() -> {
            attempts.incrementAndGet();
            throw NoCardException.noReader(PcscReaders.NO_SERVICE + ": pcscd is not running", null);
        }, now::get);
        // a poller every 10 ms for one minute
        for (int i = 0; i < 6_000; i++) {
            assertThatThrownBy(readers::list).isInstanceOf(NoCardException.class)
                    .hasMessageStartingWith(PcscReaders.NO_SERVICE);
            now.addAndGet(10 * MS);
        }
        // 100, 200, 400, 800 ms, then every second: at most 64 attempts, and never more than a second apart
        assertThat(attempts.get()).isBetween(58, 64);
    }

    @Test
    void theServiceComingBackIsUsedAtTheNextAttemptAndTheSpacingStartsAgain() {
        AtomicLong now = new AtomicLong();
        AtomicInteger attempts = new AtomicInteger();
        int[] failuresLeft = {5};
        Supplier<TerminalFactory> factories = () -> {
            attempts.incrementAndGet();
            if (failuresLeft[0]-- > 0) {
                throw NoCardException.noReader(PcscReaders.NO_SERVICE + ": pcscd is not running", null);
            }
            return fakeFactory();
        };
        PcscReaders readers = new PcscReaders(factories, now::get);
        long waited = 0;
        while (true) {
            try {
                assertThat(readers.list()).isEmpty();
                break;
            } catch (NoCardException e) {
                now.addAndGet(10 * MS);
                waited += 10;
                assertThat(waited).as("back within the spacing").isLessThan(5_000);
            }
        }
        assertThat(attempts.get()).isEqualTo(6);
        // the same factory serves the next calls
        readers.list();
        assertThat(attempts.get()).isEqualTo(6);
        // the service stops under a live factory: the factory is dropped, the next call makes a new one at once
        FakeSpi.serviceUp = false;
        try {
            assertThatThrownBy(readers::list).isInstanceOf(NoCardException.class)
                    .hasMessageStartingWith(PcscReaders.NO_SERVICE);
            FakeSpi.serviceUp = true;
            assertThat(readers.list()).isEmpty();
            assertThat(attempts.get()).isEqualTo(7);
        } finally {
            FakeSpi.serviceUp = true;
        }
    }
}
