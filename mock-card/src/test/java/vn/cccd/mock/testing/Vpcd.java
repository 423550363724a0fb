package vn.cccd.mock.testing;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import vn.cccd.mock.vpcd.VpcdAddress;
import vn.cccd.mock.vpcd.VpcdClient;
import vn.cccd.reader.testing.SystemTestSupport;

/** Helpers for system tests that put a mock chip into pcscd through vpcd. */
public final class Vpcd {
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

    /** Connects the client to vpcd and serves it on a background thread. */
    public static CompletableFuture<VpcdClient.Ending> attach(VpcdClient client) throws IOException {
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
}
