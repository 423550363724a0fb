package vn.cccd.kiosk.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.openqa.selenium.chrome.ChromeDriver;
import vn.cccd.kiosk.config.KioskConfig;
import vn.cccd.kiosk.server.KioskApp;
import vn.cccd.kiosk.server.KioskServer;

/** A kiosk started from a configuration and a headless Chromium showing its first page, ready for the person. */
final class KioskInBrowser implements AutoCloseable {
    final Server server;
    final Browser browser;
    final URI base;

    private KioskInBrowser(Server server, Browser browser, URI base) {
        this.server = server;
        this.browser = browser;
        this.base = base;
    }

    static KioskInBrowser open(KioskConfig config, Path profile) throws Exception {
        return open(config, profile, null);
    }

    /**
     * The kiosk and the browser both in {@code zone} (null: the machine's), so that a flow whose meaning depends on
     * the hour (which night a stay belongs to) runs the same whenever the test runs.
     */
    static KioskInBrowser open(KioskConfig config, Path profile, ZoneId zone) throws Exception {
        Clock clock = zone == null ? Clock.systemDefaultZone() : Clock.system(zone);
        Server server = KioskServer.newServer(KioskApp.create(config, clock));
        server.start();
        Browser b = null;
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getURI().getPort());
            b = Browser.start(profile);
            Browser page = b;
            if (zone != null) {
                ((ChromeDriver) page.driver).executeCdpCommand("Emulation.setTimezoneOverride",
                        Map.of("timezoneId", zone.getId()));
            }
            page.driver.get(base.toString());
            page.until(d -> "true".equals(page.js("return document.body.dataset.ready")), 15);
            return new KioskInBrowser(server, page, base);
        } catch (Exception | Error e) {
            if (b != null) {
                b.close();
            }
            server.stop();
            throw e;
        }
    }

    /**
     * A zone where it is now about noon (fixed offset, "Etc/GMT-7" meaning UTC+7 as the tz database writes it),
     * far from the 06:00 night boundary and the 23:00 notification deadline.
     */
    static ZoneId daytimeZone() {
        int utcHour = Instant.now().atZone(ZoneOffset.UTC).getHour();
        int offset = 12 - utcHour;
        if (offset < -12) {
            offset += 24;
        }
        return ZoneId.of(offset == 0 ? "Etc/UTC" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset));
    }

    /** POSTs a JSON body to the kiosk (the demo reader's insert and remove) and returns the answer. */
    HttpResponse<String> post(String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            try {
                server.stop();
            } catch (Exception e) {
                throw new IllegalStateException("the kiosk did not stop", e);
            }
        }
    }
}
