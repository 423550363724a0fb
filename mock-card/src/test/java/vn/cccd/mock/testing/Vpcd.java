package vn.cccd.mock.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import vn.cccd.mock.vpcd.VpcdAddress;
import vn.cccd.mock.vpcd.VpcdClient;
import vn.cccd.reader.testing.SystemTestSupport;

/**
 * Helpers for system tests that put a mock chip into pcscd through vpcd.
 *
 * <p>vpcd notices that its card (our TCP client) went away only on its next presence poll (pcscd polls about every
 * 400 ms), and it accepts the next client only on the poll after that. Until then pcscd still shows the old card as
 * present, and a new card attached meanwhile is "present" at once but its first APDU goes to the old, closed socket
 * (SCARD_E_NOT_TRANSACTED). So every test waits for the slot to be empty before attaching a card
 * ({@link #attach(VpcdClient, CardTerminal)}) and after removing it ({@link #detach}).
 */
public final class Vpcd {
    /** pcscd's and vpcd's polls take well under a second; this only bounds a broken setup. */
    public static final long WAIT_MILLIS = 15_000;

    private Vpcd() {
    }

    /**
     * The pcscd reader of the vpcd slot, found through the default (real) PC/SC provider without connecting
     * to vpcd (a connection would be a card insertion). Skips or fails (CI) when pcscd or vpcd is missing.
     */
    public static CardTerminal requireReader(VpcdAddress address) {
        CardTerminal found = null;
        try {
            for (CardTerminal t : TerminalFactory.getDefault().terminals().list()) {
                if (t.getName().equals(address.readerName())) {
                    found = t;
                }
            }
        } catch (CardException | RuntimeException e) {
            found = null;
        }
        SystemTestSupport.requireComponent(found != null,
                "pcscd with vsmartcard-vpcd (reader '" + address.readerName() + "')");
        return found;
    }

    /** Waits until pcscd shows no card on {@code terminal} (the previous card's removal has been noticed). */
    public static void awaitEmpty(CardTerminal terminal) throws CardException {
        assertThat(terminal.waitForCardAbsent(WAIT_MILLIS))
                .as("the vpcd slot '%s' still shows a card after %d ms", terminal.getName(), WAIT_MILLIS).isTrue();
    }

    /**
     * Puts the chip into the (empty) slot: waits for the slot to be empty, connects the client to vpcd, serves it on
     * a background thread, and waits until pcscd shows the card.
     */
    public static CompletableFuture<VpcdClient.Ending> attach(VpcdClient client, CardTerminal terminal)
            throws IOException, CardException {
        awaitEmpty(terminal);
        CompletableFuture<VpcdClient.Ending> serving = serve(client);
        assertThat(terminal.waitForCardPresent(WAIT_MILLIS))
                .as("pcscd shows the mock card on '%s' within %d ms", terminal.getName(), WAIT_MILLIS).isTrue();
        return serving;
    }

    /** Connects the client to vpcd and serves it on a background thread (no waiting for pcscd). */
    public static CompletableFuture<VpcdClient.Ending> serve(VpcdClient client) throws IOException {
        client.connect();
        CompletableFuture<VpcdClient.Ending> serving = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                serving.complete(client.serve());
            } catch (IOException | RuntimeException e) {
                serving.completeExceptionally(e);
            }
        }, "vpcd-client");
        t.setDaemon(true);
        t.start();
        return serving;
    }

    /**
     * Takes the card out and waits until pcscd has noticed, so that the next test (or the next card) starts on an
     * empty slot.
     *
     * @return how serving ended, or null when it failed
     */
    public static VpcdClient.Ending detach(VpcdClient client, CompletableFuture<VpcdClient.Ending> serving,
            CardTerminal terminal) throws CardException, InterruptedException {
        client.close();
        VpcdClient.Ending ending;
        try {
            ending = serving.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            ending = null;
        }
        awaitEmpty(terminal);
        return ending;
    }
}
