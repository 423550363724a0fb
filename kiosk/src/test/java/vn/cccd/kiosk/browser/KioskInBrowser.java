package vn.cccd.kiosk.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.eclipse.jetty.server.Server;
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
        Server server = KioskServer.newServer(KioskApp.create(config));
        server.start();
        Browser b = null;
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getURI().getPort());
            b = Browser.start(profile);
            Browser page = b;
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
