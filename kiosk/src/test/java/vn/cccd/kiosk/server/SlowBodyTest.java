package vn.cccd.kiosk.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.kiosk.testing.KioskHarness;

/**
 * Slow request bodies do not freeze the kiosk: 200 loopback connections each announce a JSON body and send a byte
 * a second; meanwhile {@code /api/health} answers within a second, every time. The attack is bounded (200
 * sockets, about five seconds) and ends by itself.
 */
class SlowBodyTest {
    private static final int CONNECTIONS = 200;

    @TempDir
    Path data;

    @Test
    void twoHundredSlowBodiesLeaveHealthAnsweringWithinASecond() throws Exception {
        try (KioskHarness k = KioskHarness.start(data)) {
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < CONNECTIONS; i++) {
                    Socket s = new Socket("127.0.0.1", k.base.getPort());
                    s.setSoTimeout(1000);
                    OutputStream out = s.getOutputStream();
                    out.write(("POST /api/session/consent HTTP/1.1\r\nHost: 127.0.0.1:" + k.base.getPort()
                            + "\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    slow.add(s);
                }
                long worstMillis = 0;
                for (int second = 0; second < 5; second++) {
                    for (Socket s : slow) {
                        trickle(s);
                    }
                    long start = System.nanoTime();
                    HttpResponse<String> health = k.http.send(HttpRequest.newBuilder(k.base.resolve("/api/health"))
                            .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    assertThat(health.statusCode()).isEqualTo(200);
                    worstMillis = Math.max(worstMillis, millis);
                    Thread.sleep(Math.max(0, 1000 - millis));
                }
                assertThat(worstMillis).as("slowest /api/health answer in ms").isLessThan(1000);
            } finally {
                for (Socket s : slow) {
                    s.close();
                }
            }
        }
    }

    private static void trickle(Socket s) {
        try {
            s.getOutputStream().write(' ');
            s.getOutputStream().flush();
        } catch (IOException e) {
            // the server cut this one off: that is allowed
        }
    }
}
