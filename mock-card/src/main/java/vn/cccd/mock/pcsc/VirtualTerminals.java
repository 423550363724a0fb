package vn.cccd.mock.pcsc;

import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.smartcardio.TerminalFactory;

/**
 * A set of virtual readers ({@link MockTerminal}) and the {@code javax.smartcardio} view of them. Code that
 * reads cards through PC/SC runs unchanged against mock chips:
 *
 * <pre>{@code
 * VirtualTerminals readers = new VirtualTerminals("Mock Reader 0");
 * TerminalFactory factory = TerminalFactory.getInstance("PC/SC", null, readers.provider());
 * readers.terminal(0).insert(chip);          // a card is tapped
 * ... factory.terminals().list() ... connect("*") ... transmit ...
 * readers.terminal(0).remove();              // and taken away
 * }</pre>
 *
 * Readers can be plugged and unplugged while running ({@link #addTerminal}, {@link #unplug}). Thread-safe.
 */
public final class VirtualTerminals {
    /** The reader name used when none is given. */
    public static final String DEFAULT_READER = "CCCD Mock Reader 00 00";

    /** One monitor for every reader of this set: waits for changes across readers need a common one. */
    final Object lock = new Object();
    private final Map<String, MockTerminal> terminals = new LinkedHashMap<>();
    private final MockPcscProvider provider = new MockPcscProvider(this);
    private long changes;

    /** A set with one reader named {@link #DEFAULT_READER}. */
    public VirtualTerminals() {
        this(DEFAULT_READER);
    }

    public VirtualTerminals(String... names) {
        for (String name : names) {
            addTerminal(name);
        }
    }

    /** Plugs in a reader. */
    public MockTerminal addTerminal(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a reader needs a name");
        }
        synchronized (lock) {
            if (terminals.containsKey(name)) {
                throw new IllegalArgumentException("a reader named '" + name + "' exists already");
            }
            MockTerminal t = new MockTerminal(this, name);
            terminals.put(name, t);
            changed();
            return t;
        }
    }

    /** Unplugs a reader: its card is removed and every later use of it fails like an unknown PC/SC reader. */
    public void unplug(String name) {
        MockTerminal t;
        synchronized (lock) {
            t = terminals.remove(name);
        }
        if (t == null) {
            throw new IllegalArgumentException("no reader named '" + name + "'");
        }
        t.unplug();
    }

    /** @throws IllegalArgumentException when there is no such reader */
    public MockTerminal terminal(String name) {
        synchronized (lock) {
            MockTerminal t = terminals.get(name);
            if (t == null) {
                throw new IllegalArgumentException("no reader named '" + name + "'");
            }
            return t;
        }
    }

    /** The reader at {@code index} in plug-in order. */
    public MockTerminal terminal(int index) {
        List<MockTerminal> all = terminals();
        if (index < 0 || index >= all.size()) {
            throw new IllegalArgumentException("no reader number " + index + " (there are " + all.size() + ")");
        }
        return all.get(index);
    }

    /** The readers plugged in now, in plug-in order. */
    public List<MockTerminal> terminals() {
        synchronized (lock) {
            return List.copyOf(new ArrayList<>(terminals.values()));
        }
    }

    /** The provider to pass to {@code TerminalFactory.getInstance("PC/SC", null, provider)}. */
    public Provider provider() {
        return provider;
    }

    /** A {@code PC/SC} terminal factory over these readers. */
    public TerminalFactory terminalFactory() {
        try {
            return TerminalFactory.getInstance(MockPcscProvider.TYPE, null, provider);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the mock provider does not offer PC/SC", e);
        }
    }

    // --- shared state for the readers (callers hold lock) ---

    /** Wakes every waiter: some reader changed (lock held). */
    void changed() {
        changes++;
        lock.notifyAll();
    }

    /** Waits for the next change until {@code deadlineNanos} (lock held); false on time-out. */
    boolean await(long deadlineNanos) throws javax.smartcardio.CardException {
        long remaining = deadlineNanos == Long.MAX_VALUE ? 0 : deadlineNanos - System.nanoTime();
        if (deadlineNanos != Long.MAX_VALUE && remaining <= 0) {
            return false;
        }
        long before = changes;
        try {
            if (deadlineNanos == Long.MAX_VALUE) {
                lock.wait();
            } else {
                lock.wait(remaining / 1_000_000L, (int) (remaining % 1_000_000L));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new javax.smartcardio.CardException("wait for a card event interrupted", e);
        }
        return changes != before || deadlineNanos == Long.MAX_VALUE || System.nanoTime() < deadlineNanos;
    }

    /** Readers by name, in plug-in order (lock held). */
    Map<String, MockTerminal> snapshot() {
        return new LinkedHashMap<>(terminals);
    }
}
