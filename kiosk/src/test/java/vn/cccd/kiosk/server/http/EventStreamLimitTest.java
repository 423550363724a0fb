package vn.cccd.kiosk.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cccd.kiosk.testing.KioskHarness.json;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.kiosk.testing.KioskHarness;

/** A page (or a hostile local program) cannot exhaust the kiosk by opening event streams without end. */
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
    void streamsBeyondTheLimitAreRefusedAndAClosedOneFreesItsPlace() throws Exception {
        List<KioskHarness.EventStream> open = new ArrayList<>();
        for (int i = 0; i < EventHub.MAX_CLIENTS; i++) {
            KioskHarness.EventStream s = k.events();
            s.await("reader", 10);
            open.add(s);
        }
        HttpResponse<String> refused = k.send(HttpRequest.newBuilder(k.base.resolve("/api/events")).GET());
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(json(refused).path("code").asText()).isEqualTo("TOO_MANY_STREAMS");

        // the API itself still answers while the streams are open
        assertThat(k.get("/api/health").statusCode()).isEqualTo(200);

        open.get(0).close();
        KioskHarness.EventStream again = null;
        for (int attempt = 0; attempt < 50 && again == null; attempt++) {
            HttpResponse<String> probe = k.send(HttpRequest.newBuilder(k.base.resolve("/api/health")).GET());
            assertThat(probe.statusCode()).isEqualTo(200);
            KioskHarness.EventStream s = k.events();
            try {
                s.await("reader", 2);
                again = s;
            } catch (AssertionError stillFull) {
                s.close();
                Thread.sleep(100);
            }
        }
        assertThat(again).as("a new stream once one was closed").isNotNull();
    }
}
