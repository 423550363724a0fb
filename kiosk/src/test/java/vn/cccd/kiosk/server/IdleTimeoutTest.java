package vn.cccd.kiosk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cccd.kiosk.testing.KioskHarness.expect;
import static vn.cccd.kiosk.testing.KioskHarness.json;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.kiosk.testing.FakeCardSource;
import vn.cccd.kiosk.testing.KioskHarness;

class IdleTimeoutTest {
    @TempDir
    Path data;

    @Test
    void inactivityWarnsThenWipes() throws Exception {
        try (KioskHarness k = KioskHarness.start(data, b -> b.idleTimeout(Duration.ofSeconds(3))
                .idleWarning(Duration.ofSeconds(2)))) {
            var events = k.events();
            k.readyForCard("nguyen-van-a");
            k.cards.insert(KioskHarness.READER, FakeCardSource.personaCard("nguyen-van-a"));
            events.await("read-complete", 5);
            long warned = events.await("idle-warning", 5).data().get("secondsLeft").asLong();
            assertThat(warned).isBetween(1L, 2L);
            // "I need more time": the session lives on
            expect(k.post("/api/session/keepalive", "{}"), 200);
            events.await("idle-warning", 5);
            assertThat(events.await("session-cleared", 5).data().get("reason").asText()).isEqualTo("idle");
            assertThat(k.get("/api/session").statusCode()).isEqualTo(404);
            assertThat(json(k.get("/api/session/state")).get("active").asBoolean()).isFalse();
        }
    }
}
