package vn.cccd.kiosk.cards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;
import javax.smartcardio.TerminalFactory;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.kiosk.server.KioskApp;
import vn.cccd.kiosk.server.KioskServer;
import vn.cccd.kiosk.testing.KioskHarness;
import vn.cccd.mock.pcsc.VirtualTerminals;
import vn.cccd.reader.error.NoCardException;
import vn.cccd.reader.model.Json;
import vn.cccd.reader.transport.pcsc.PcscReaders;

/**
 * The kiosk's health while the smart-card service and the readers come and go, through the PC/SC card source over
 * in-process mock readers: no service ("no reader service"), then a service with no reader, then a reader plugged
 * in, a card on it, and the reader unplugged again, all seen without restarting anything.
 */
class ReaderServiceHealthTest {
    @TempDir
    Path data;

    private volatile boolean serviceUp;

    @Test
    void healthFollowsTheServiceAndReadersComingAndGoing() throws Exception {
        VirtualTerminals terminals = new VirtualTerminals(new String[0]);
        PcscCardSource source = new PcscCardSource(() -> {
            if (!serviceUp) {
                throw NoCardException.noReader(PcscReaders.NO_SERVICE + ": the smart-card service is not running", null);
            }
            return terminalFactory(terminals);
        }, (t, r, p) -> {
            throw new AssertionError("no read in this test");
        });
        KioskApp app = KioskApp.create(KioskHarness.config(data).build(), source, null, null, Clock.systemDefaultZone());
        Server server = KioskServer.newServer(app);
        server.start();
        try {
            URI health = URI.create("http://127.0.0.1:" + server.getURI().getPort() + "/api/health");
            JsonNode h = await(health, j -> j.has("readerProblem"));
            assertThat(h.get("readerProblem").asText()).startsWith(PcscReaders.NO_SERVICE);
            assertThat(h.get("readers")).isEmpty();
            assertThat(h.get("status").asText()).isEqualTo("UP");

            serviceUp = true; // the service starts, still without a reader
            h = await(health, j -> !j.has("readerProblem"));
            assertThat(h.get("readers")).isEmpty();

            terminals.addTerminal("Mock A"); // a reader is plugged in
            h = await(health, j -> j.get("readers").size() == 1);
            assertThat(h.at("/readers/0/name").asText()).isEqualTo("Mock A");
            assertThat(h.at("/readers/0/cardPresent").asBoolean()).isFalse();

            terminals.terminal("Mock A").insert(new PcscCardSourceTest.EchoChip());
            await(health, j -> j.at("/readers/0/cardPresent").asBoolean());

            terminals.unplug("Mock A"); // and unplugged again
            h = await(health, j -> j.get("readers").isEmpty());
            assertThat(h.has("readerProblem")).isFalse();

        } finally {
            server.stop();
            app.close();
        }
    }

    private static TerminalFactory terminalFactory(VirtualTerminals terminals) {
        return terminals.terminalFactory();
    }

    /** Polls the health (the kiosk polls readers every 50 ms here) until it shows what is expected, for 5 s. */
    private static JsonNode await(URI health, Predicate<JsonNode> expected) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < end) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(health).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            last = Json.MAPPER.readTree(r.body());
            if (expected.test(last)) {
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the health did not change as expected within 5 s; last: " + last);
    }
}
