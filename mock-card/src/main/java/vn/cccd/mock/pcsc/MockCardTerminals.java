package vn.cccd.mock.pcsc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;

/**
 * One {@code TerminalFactory.terminals()} view of a {@link VirtualTerminals} set. Like SunPCSC each view keeps
 * its own memory for {@link #waitForChange(long)}: the first call only learns the current state and then
 * waits for a change; later calls return at once when something changed since the previous call.
 * {@code CARD_INSERTION} / {@code CARD_REMOVAL} name the readers that changed in the last successful wait
 * (before any wait: those with / without a card). A card taken away and put back between two waits counts
 * as both a removal and an insertion.
 */
final class MockCardTerminals extends CardTerminals {
    private final VirtualTerminals hub;
    /** Per reader name: the state before and after the last successful waitForChange; null before any. */
    private Map<String, MockTerminal.TerminalState[]> states;

    MockCardTerminals(VirtualTerminals hub) {
        this.hub = hub;
    }

    @Override
    public List<CardTerminal> list(State state) throws CardException {
        if (state == null) {
            throw new NullPointerException();
        }
        synchronized (hub.lock) {
            State wanted = state;
            if (states == null) {
                if (wanted == State.CARD_INSERTION) {
                    wanted = State.CARD_PRESENT;
                } else if (wanted == State.CARD_REMOVAL) {
                    wanted = State.CARD_ABSENT;
                }
            }
            List<CardTerminal> out = new ArrayList<>();
            for (Map.Entry<String, MockTerminal> e : hub.snapshot().entrySet()) {
                MockTerminal t = e.getValue();
                MockTerminal.TerminalState now = t.state();
                boolean include;
                switch (wanted) {
                    case ALL:
                        include = true;
                        break;
                    case CARD_PRESENT:
                        include = now.present();
                        break;
                    case CARD_ABSENT:
                        include = !now.present();
                        break;
                    case CARD_INSERTION:
                        include = isInsertion(states.get(e.getKey()));
                        break;
                    case CARD_REMOVAL:
                        include = isRemoval(states.get(e.getKey()));
                        break;
                    default:
                        throw new CardException("Unknown state: " + wanted);
                }
                if (include) {
                    out.add(t);
                }
            }
            return Collections.unmodifiableList(out);
        }
    }

    @Override
    public boolean waitForChange(long timeout) throws CardException {
        if (timeout < 0) {
            throw new IllegalArgumentException("Timeout must not be negative: " + timeout);
        }
        long deadline = timeout == 0 ? Long.MAX_VALUE : System.nanoTime() + timeout * 1_000_000L;
        synchronized (hub.lock) {
            if (hub.snapshot().isEmpty()) {
                throw new IllegalStateException("No terminals available");
            }
            if (states == null) {
                states = new HashMap<>();
                for (Map.Entry<String, MockTerminal> e : hub.snapshot().entrySet()) {
                    states.put(e.getKey(), new MockTerminal.TerminalState[] {
                        MockTerminal.TerminalState.UNAWARE, e.getValue().state()});
                }
            }
            while (true) {
                Map<String, MockTerminal.TerminalState> now = new HashMap<>();
                boolean changed = false;
                for (Map.Entry<String, MockTerminal> e : hub.snapshot().entrySet()) {
                    MockTerminal.TerminalState s = e.getValue().state();
                    now.put(e.getKey(), s);
                    MockTerminal.TerminalState[] known = states.get(e.getKey());
                    if (known == null || !known[1].equals(s)) {
                        changed = true;
                    }
                }
                if (changed) {
                    Map<String, MockTerminal.TerminalState[]> next = new HashMap<>();
                    for (Map.Entry<String, MockTerminal.TerminalState> e : now.entrySet()) {
                        MockTerminal.TerminalState[] known = states.get(e.getKey());
                        MockTerminal.TerminalState before = known == null ? MockTerminal.TerminalState.UNAWARE : known[1];
                        next.put(e.getKey(), new MockTerminal.TerminalState[] {before, e.getValue()});
                    }
                    states = next;
                    return true;
                }
                if (!hub.await(deadline)) {
                    return false;
                }
            }
        }
    }

    private static boolean isInsertion(MockTerminal.TerminalState[] s) {
        return s != null && s[1].present() && (!s[0].present() || s[0].insertions() != s[1].insertions());
    }

    private static boolean isRemoval(MockTerminal.TerminalState[] s) {
        return s != null && s[0] != MockTerminal.TerminalState.UNAWARE && s[0].removals() != s[1].removals();
    }

    @Override
    public String toString() {
        return "Mock PC/SC terminals";
    }
}
