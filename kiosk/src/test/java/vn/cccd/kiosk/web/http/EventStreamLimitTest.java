package vn.cccd.kiosk.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.kiosk.testing.KioskHarness;

/**
 * Event streams are bounded without shutting anyone out: the newest stream is always taken (the oldest is ended),
 * and streams whose client went away are noticed within seconds.
 */
class EventStreamLimitTest {
    @TempDir
    Path data;
    KioskHarness k;

    @BeforeEach
    void start() throws Exception {
        k = KioskHarness.start(data);
    }

    @AfterEach
    void stop() {
        k.close();
    }

    @Test
    void theNewestStreamIsTakenAndTheOldestEnded() throws Exception {
        List<KioskHarness.EventStream> open = new ArrayList<>();
        for (int i = 0; i < EventHub.MAX_CLIENTS + 4; i++) {
            KioskHarness.EventStream s = k.events();
            s.await("reader", 10);
            open.add(s);
        }
        assertThat(k.app.events().clientCount()).isEqualTo(EventHub.MAX_CLIENTS);
        k.app.events().emit("card-inserted", Map.of("reader", "test"));
        open.get(open.size() - 1).await("card-inserted", 5);
        open.get(4).await("card-inserted", 5);
        for (int i = 0; i < 4; i++) {
            assertThat(open.get(i).drain()).extracting(KioskHarness.Event::name).doesNotContain("card-inserted");
        }
        assertThat(k.get("/api/health").statusCode()).isEqualTo(200);
    }

    @Test
    void streamsWhoseClientWentAwayAreNoticedWithinSeconds() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Socket s = new Socket("127.0.0.1", k.base.getPort());
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:" + k.base.getPort()
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            assertThat(new String(in.readNBytes(15), StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200");
            sockets.add(s);
        }
        assertThat(k.app.events().clientCount()).isEqualTo(10);
        for (Socket s : sockets) {
            s.close();
        }
        long start = System.nanoTime();
        while (k.app.events().clientCount() > 0 && System.nanoTime() - start < 10_000_000_000L) {
            Thread.sleep(100);
        }
        assertThat(k.app.events().clientCount()).isZero();
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms until the closed streams were let go")
                .isLessThan(8_000);
    }
}
