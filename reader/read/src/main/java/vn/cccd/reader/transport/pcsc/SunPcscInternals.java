package vn.cccd.reader.transport.pcsc;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import javax.smartcardio.Card;
import javax.smartcardio.TerminalFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two things the JDK's PC/SC provider (SunPCSC, {@code sun.security.smartcardio}) cannot do through the public API,
 * done by reflection on its internals:
 * <ul>
 * <li><b>A new PC/SC context after pcscd restarted.</b> SunPCSC keeps one static SCARDCONTEXT for the whole JVM
 * and establishes it only once, so every new {@link TerminalFactory} reuses the dead one (measured on OpenJDK 17:
 * a fresh {@code TerminalFactory.getInstance("PC/SC", null)} keeps failing with SCARD_E_NO_SERVICE after a pcscd
 * restart). {@link #renewContextIfDead()} forgets a context that pcscd no longer knows, and the cached readers
 * bound to it, so that the next factory establishes a new one.</li>
 * <li><b>Releasing the handle of a removed card.</b> Once SunPCSC has seen SCARD_W_REMOVED_CARD it marks the card
 * removed and {@code disconnect()} does nothing, so the card handle stays open in pcscd for the life of the JVM.
 * {@link #release(Card)} calls SCardDisconnect (leave the card) on it anyway.</li>
 * </ul>
 * This needs {@value #ADD_OPENS} (the kiosk and reader jars say so in their manifests, the builds in their test
 * arguments). Without it, or on another JDK whose internals differ, {@link #available()} is false and callers fall
 * back to the public API: a removed card's handle stays open and a pcscd restart needs a JVM restart.
 */
final class SunPcscInternals {
    /** The JVM option (and, without {@code --}, the manifest {@code Add-Opens} value) this class needs. */
    static final String ADD_OPENS = "--add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED";

    private static final Logger LOG = LoggerFactory.getLogger(SunPcscInternals.class);
    private static final String PACKAGE = "sun.security.smartcardio";
    private static final int SCARD_LEAVE_CARD = 0;
    /** SCARD_E_INVALID_HANDLE, SCARD_E_NO_SERVICE, SCARD_E_SERVICE_STOPPED: the context is dead for good. */
    private static final int[] DEAD_CONTEXT = {0x80100003, 0x8010001D, 0x8010001E};

    private static final Reflected REFLECTED = reflect();

    private SunPcscInternals() {
    }

    /** The handles into SunPCSC; null when they cannot be had. */
    private record Reflected(Class<?> terminalsClass, Field contextId, Field terminals, Method listReaders,
            Method disconnect, Field exceptionCode, Class<?> cardClass, Field cardId, Field cardState,
            Object stateOk, Object stateDisconnected) {
    }

    private static Reflected reflect() {
        try {
            Class<?> terminalsClass = Class.forName(PACKAGE + ".PCSCTerminals");
            if (!terminalsClass.getModule().isOpen(PACKAGE, SunPcscInternals.class.getModule())) {
                LOG.debug("{} is not open to us ({}): pcscd restarts need a JVM restart", PACKAGE, ADD_OPENS);
                return null;
            }
            Class<?> pcsc = Class.forName(PACKAGE + ".PCSC");
            Class<?> cardClass = Class.forName(PACKAGE + ".CardImpl");
            Class<?> exception = Class.forName(PACKAGE + ".PCSCException");
            Class<?> state = Class.forName(PACKAGE + ".CardImpl$State");
            Object ok = null;
            Object disconnected = null;
            for (Object c : state.getEnumConstants()) {
                String n = ((Enum<?>) c).name();
                if (n.equals("OK")) {
                    ok = c;
                } else if (n.equals("DISCONNECTED")) {
                    disconnected = c;
                }
            }
            Reflected r = new Reflected(terminalsClass, open(terminalsClass.getDeclaredField("contextId")),
                    open(terminalsClass.getDeclaredField("terminals")),
                    open(pcsc.getDeclaredMethod("SCardListReaders", long.class)),
                    open(pcsc.getDeclaredMethod("SCardDisconnect", long.class, int.class)),
                    open(exception.getDeclaredField("code")), cardClass, open(cardClass.getDeclaredField("cardId")),
                    open(cardClass.getDeclaredField("state")), ok, disconnected);
            if (r.contextId().getType() != long.class || !Map.class.isAssignableFrom(r.terminals().getType())
                    || ok == null || disconnected == null) {
                LOG.warn("SunPCSC's internals are not as expected: pcscd restarts need a JVM restart");
                return null;
            }
            return r;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.warn("SunPCSC's internals cannot be reached ({}): pcscd restarts need a JVM restart", e.toString());
            return null;
        }
    }

    private static <T extends java.lang.reflect.AccessibleObject> T open(T member) {
        member.setAccessible(true);
        return member;
    }

    /** Whether the internals are reachable (the add-opens is in effect and the JDK's classes look as expected). */
    static boolean available() {
        return REFLECTED != null;
    }

    /** Whether {@code factory} is SunPCSC's (the only one whose context this class can renew). */
    static boolean isSunPcsc(TerminalFactory factory) {
        return factory != null && factory.getProvider() != null && "SunPCSC".equals(factory.getProvider().getName());
    }

    /**
     * Asks pcscd whether SunPCSC's context is still alive (a list of readers); when pcscd answers that it does not
     * know it (restarted) or is not there, forgets the context and the readers bound to it, so that the next
     * {@code TerminalFactory.getInstance("PC/SC", null)} establishes a new one. A live context is kept: a failure
     * seen through an old reader object must not throw away the context that already replaced it.
     *
     * @return true when a dead context was forgotten
     */
    static boolean renewContextIfDead() {
        Reflected r = REFLECTED;
        if (r == null) {
            return false;
        }
        // the lock SunPCSC's own static synchronized methods (initContext, implGetTerminal) take
        synchronized (r.terminalsClass()) {
            try {
                long context = r.contextId().getLong(null);
                if (context == 0) {
                    return false; // none yet, or forgotten already: the next factory establishes one
                }
                if (!isDead(r, context)) {
                    return false;
                }
                // The old context cannot be released (SunPCSC has no SCardReleaseContext); pcscd has dropped it
                // already, only the client library's small record of it stays.
                r.contextId().setLong(null, 0L);
                ((Map<?, ?>) r.terminals().get(null)).clear();
                LOG.info("the PC/SC context died (pcscd restarted or stopped); a new one will be established");
                return true;
            } catch (IllegalAccessException | RuntimeException e) {
                LOG.warn("cannot renew SunPCSC's context: {}", e.toString());
                return false;
            }
        }
    }

    private static boolean isDead(Reflected r, long context) throws IllegalAccessException {
        try {
            r.listReaders().invoke(null, context);
            return false;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause != null && r.exceptionCode().getDeclaringClass().isInstance(cause)) {
                int code = r.exceptionCode().getInt(cause);
                for (int dead : DEAD_CONTEXT) {
                    if (code == dead) {
                        return true;
                    }
                }
            }
            return false; // e.g. SCARD_E_NO_READERS_AVAILABLE: the context itself is fine
        }
    }

    /**
     * Releases the card without resetting it: {@code disconnect(false)}, or, for a card SunPCSC already marked
     * removed (whose {@code disconnect} does nothing), SCardDisconnect on its handle directly. Never throws.
     */
    static void release(Card card) {
        if (releaseRemovedHandle(card)) {
            return;
        }
        try {
            card.disconnect(false);
        } catch (javax.smartcardio.CardException | RuntimeException e) {
            // the card or the service is gone: nothing left to release
        }
    }

    /**
     * For a SunPCSC card marked removed (its {@code disconnect} does nothing, so pcscd would keep the handle for the
     * life of the JVM): SCardDisconnect (leave the card) on the handle. Never throws.
     *
     * @return true when the card was such a card and its handle has been released here
     */
    static boolean releaseRemovedHandle(Card card) {
        Reflected r = REFLECTED;
        if (r == null || !r.cardClass().isInstance(card)) {
            return false;
        }
        synchronized (card) {
            try {
                Object state = r.cardState().get(card);
                if (state == r.stateOk() || state == r.stateDisconnected()) {
                    return false;
                }
                r.cardState().set(card, r.stateDisconnected());
                try {
                    r.disconnect().invoke(null, r.cardId().getLong(card), SCARD_LEAVE_CARD);
                } catch (InvocationTargetException e) {
                    // pcscd refused (handle unknown after a restart): nothing is held any more
                }
                return true;
            } catch (IllegalAccessException | RuntimeException e) {
                LOG.debug("cannot read SunPCSC's card state: {}", e.toString());
                return false;
            }
        }
    }
}
