package vn.cccd.kiosk.server;

import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import vn.cccd.kiosk.config.KioskConfig;
import vn.cccd.kiosk.web.http.ApiHandler;
import vn.cccd.kiosk.web.http.FontHandler;
import vn.cccd.kiosk.web.http.MetricsHandler;
import vn.cccd.kiosk.web.http.SecurityHandler;
import vn.cccd.kiosk.web.http.UiAccess;
import vn.cccd.kiosk.web.http.UiAccessHandler;

/**
 * The kiosk's HTTP server: Jetty 12 core handlers (no servlets) on a loopback address, serving the UI (static files
 * from the jar) and the API. {@link #newServer(KioskConfig)} returns it unstarted; starting it starts the card
 * service, stopping it wipes the session and stops watching readers.
 */
public final class KioskServer {
    private KioskServer() {
    }

    /** The kiosk as configured (PC/SC readers; the mock reader with {@code demo}). Port 0 picks a free port. */
    public static Server newServer(KioskConfig config) {
        return newServer(KioskApp.create(config));
    }

    /** A server for an assembled kiosk (tests pass one with a fake card source). */
    public static Server newServer(KioskApp app) {
        KioskConfig config = app.config();
        QueuedThreadPool threads = new QueuedThreadPool(32, 4);
        threads.setName("kiosk-http");
        Server server = new Server(threads);
        HttpConfiguration httpConfig = new HttpConfiguration();
        httpConfig.setSendServerVersion(false);
        httpConfig.setSendXPoweredBy(false);
        ServerConnector http = new ServerConnector(server, 1, 1, new HttpConnectionFactory(httpConfig));
        http.setHost(config.host());
        http.setPort(config.port());
        http.setIdleTimeout(60_000);
        server.addConnector(http);

        ResourceHandler web = new ResourceHandler();
        web.setBaseResource(ResourceFactory.of(web).newClassLoaderResource("/web/"));
        web.setWelcomeFiles(List.of("index.html"));
        web.setDirAllowed(false);
        web.setCacheControl("no-cache");

        UiAccess access = config.uiSecretFile() == null ? UiAccess.open() : UiAccess.fromFile(config.uiSecretFile());
        KioskApi api = new KioskApi(app);
        var router = api.routes();
        Handler.Sequence all = new Handler.Sequence(
                new MetricsHandler(app.metrics()::scrape),
                new UiAccessHandler(access),
                new ApiHandler(router, app.events(), config.maxJsonBytes(), config.maxImageBytes(),
                        new ApiErrors(app.metrics()::storageError)),
                new FontHandler(),
                web);
        // the API refuses a body above its own limits itself, after reading and dropping it (up to
        // ApiHandler.DRAIN_LIMIT) so that the client sees the 413; this outer limit only stops absurd bodies, which
        // Jetty refuses unread (the client may then see a reset connection instead of the answer)
        long requestLimit = Math.max((long) Math.max(config.maxJsonBytes(), config.maxImageBytes()) + 1024,
                ApiHandler.DRAIN_LIMIT);
        // a context handler around the resource handler: welcome files need a context path
        SizeLimitHandler limit = new SizeLimitHandler(requestLimit, -1);
        limit.setHandler(all);
        server.setHandler(new ContextHandler(new SecurityHandler(limit), "/"));
        server.setStopTimeout(3_000);
        app.metrics().watch(server, threads);
        // Jetty's own 400/413/414/431 pages with the same security headers, no stack, no-store
        server.setErrorHandler(new vn.cccd.kiosk.web.http.SecureErrorHandler());

        app.events().welcome(() -> List.of(
                Map.entry("reader", Map.of("readers", app.cards().readers())),
                Map.entry("session-state", app.cards().state())));
        server.addBean(new AbstractLifeCycle() {
            @Override
            protected void doStart() {
                app.open();
            }

            @Override
            protected void doStop() {
                app.close();
                api.close();
            }
        }, true);
        return server;
    }
}
