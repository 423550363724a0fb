package vn.cccd.kiosk.lodging.police;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cccd.kiosk.testing.KioskHarness.expect;
import static vn.cccd.kiosk.testing.KioskHarness.json;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import vn.cccd.kiosk.config.PoliceApiConfig;
import vn.cccd.kiosk.config.StorageSettings;
import vn.cccd.kiosk.store.ProcessingLog;
import vn.cccd.kiosk.testing.LodgingKiosk;
import vn.cccd.kiosk.testing.TestCards;

/**
 * The kiosk as a whole with the police submission on: a notice queued while the portal is down survives a restart
 * of the kiosk, is delivered once the portal is up, and is not sent again after restarts of both; during all of it
 * no password, client credential or token reaches the logs, the processing log or an API answer, and no guest datum
 * reaches the logs.
 */
@Timeout(120)
class PoliceRestartTest {
    @TempDir
    Path data;

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Waits (bounded) for a state the kiosk's own sending thread reaches; no timing is asserted. */
    private static void await(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.call()) {
            assertThat(System.nanoTime()).as("condition not reached in 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void aNoticeQueuedWhileThePortalIsDownIsDeliveredOnceAcrossRestartsAndNoSecretIsShown() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        List<String> answers = new ArrayList<>();
        FakePolicePortal.Portal portal = new FakePolicePortal.Portal();
        portal.today = LocalDate.now();
        var guest = TestCards.person("nguyen-van-a");
        try {
            int port = freePort();
            PoliceApiConfig config = new PoliceApiConfig(URI.create("http://127.0.0.1:" + port), FakePolicePortal.USER,
                    FakePolicePortal.PASSWORD, FakePolicePortal.CLIENT, Duration.ofSeconds(2), Duration.ofMillis(100),
                    Duration.ofMillis(400));
            LocalDateTime arrival = LocalDateTime.now().truncatedTo(ChronoUnit.MINUTES);
            // the night the arrival belongs to (before 06:00, the one that began the day before)
            String today = vn.cccd.kiosk.lodging.GuestRegister.nightOf(arrival).toString();
            Map<String, Object> stay = Map.of("room", "12", "reason", "Du lịch", "arrival", arrival.toString(),
                    "departure", LocalDate.now().plusDays(2).toString());
            try (LodgingKiosk l = LodgingKiosk.start(data, StorageSettings.defaults(), config)) {
                l.readCard("nguyen-van-a");
                answers.add(expect(l.staff("POST", "/api/lodging/guests", stay), 201).body());
                // the portal is down: the kiosk keeps trying
                await(() -> l.night(today).path("police").path("attempts").asInt() >= 2);
                JsonNode night = l.night(today);
                answers.add(night.toString());
                assertThat(night.path("police").path("state").asText()).isEqualTo("SENDING");
                assertThat(night.path("police").path("problem").asText()).contains("no answer from the police API");
            }
            try (FakePolicePortal fake = new FakePolicePortal(portal, port);
                    LodgingKiosk l = LodgingKiosk.start(data, StorageSettings.defaults(), config)) {
                assertThat(fake.port()).isEqualTo(port);
                // a new kiosk on the same data directory sends what the first one queued
                await(() -> l.night(today).path("police").path("state").asText().equals("NOTIFIED"));
                JsonNode night = l.night(today);
                answers.add(night.toString());
                assertThat(night.path("police").path("at").asText()).isNotEmpty();
                assertThat(night.path("guests").get(0).path("notifiedAt").asText()).isNotEmpty();
                assertThat(portal.imported(guest.idNumber())).isEqualTo(1);
            }
            long sent = portal.calls(PoliceClient.VIETNAMESE);
            try (FakePolicePortal fake = new FakePolicePortal(portal, port);
                    LodgingKiosk l = LodgingKiosk.start(data, StorageSettings.defaults(), config)) {
                assertThat(fake.port()).isEqualTo(port);
                l.k.app.police().sendDue();
                answers.add(json(expect(l.staff("GET", "/api/lodging/police", null), 200)).toString());
                answers.add(l.night(today).toString());
                assertThat(l.night(today).path("police").path("state").asText()).isEqualTo("NOTIFIED");
            }
            assertThat(portal.calls(PoliceClient.VIETNAMESE)).isEqualTo(sent);
            assertThat(portal.imported(guest.idNumber())).isEqualTo(1);
        } finally {
            root.detachAppender(logs);
        }
        String logged = String.join("\n", logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        String processing = Files.readString(data.resolve(ProcessingLog.FILE_NAME), StandardCharsets.UTF_8);
        assertThat(processing).contains("lodging-police-notified").contains("lodging-police-retry");
        List<String> secrets = new ArrayList<>(List.of(FakePolicePortal.PASSWORD, "client-secret-4821",
                Base64.getEncoder().encodeToString(FakePolicePortal.CLIENT.getBytes(StandardCharsets.UTF_8))));
        assertThat(portal.issuedTokens).isNotEmpty();
        secrets.addAll(portal.issuedTokens);
        String everything = logged + "\n" + processing + "\n" + String.join("\n", answers);
        for (String secret : secrets) {
            assertThat(everything).as("a secret was shown").doesNotContain(secret);
        }
        for (String personal : List.of(guest.idNumber(), guest.fullName())) {
            assertThat(logged + processing).as("a guest datum was logged").doesNotContain(personal);
        }
    }
}
