package vn.cccd.kiosk;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.cccd.kiosk.config.ConfigException;
import vn.cccd.kiosk.config.ConfigLoader;
import vn.cccd.kiosk.config.KioskConfig;
import vn.cccd.kiosk.config.PinHash;
import vn.cccd.kiosk.server.KioskServer;

/**
 * Entry point of cccd-kiosk.jar: {@code [--config FILE] [--port N] [--data-dir DIR] [--demo]}, or
 * {@code --hash-pin} to make an {@code operator.pinHash} value.
 */
@Command(name = "cccd-kiosk", mixinStandardHelpOptions = true, version = "cccd-kiosk 0.1",
        description = "Local web UI and API that reads the CCCD chip and pre-fills one-stop procedure forms.")
public final class KioskMain implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(KioskMain.class);
    static final int EXIT_OK = 0;
    static final int EXIT_CONFIG = 2;
    static final int EXIT_START = 1;

    @Option(names = "--config", paramLabel = "FILE",
            description = "kiosk.properties to use (default: config/kiosk.properties, else the bundled defaults)")
    Path config;

    @Option(names = "--port", paramLabel = "N", description = "TCP port (default from the configuration, 8080)")
    Integer port;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "where the kiosk stores what it keeps")
    Path dataDir;

    @Option(names = "--ui-secret-file", paramLabel = "FILE", description = "file holding the UI secret (as"
            + " ui.secretFile): only a browser opened through /ui/start?secret=... may call the API")
    Path uiSecretFile;

    @Option(names = "--demo", description = "add an in-process mock reader with the built-in personas (staff PIN 0000)")
    boolean demo;

    @Option(names = "--verify-log", description = "check that the processing log in the data directory is intact"
            + " (no record edited, removed or reordered), then exit: 0 intact, 1 broken")
    boolean verifyLog;

    @Option(names = "--hash-pin", description = "read a staff PIN from standard input and print its operator.pinHash")
    boolean hashPin;

    private final PrintWriter out;
    private final PrintWriter err;
    private final BufferedReader in;

    KioskMain(PrintWriter out, PrintWriter err, BufferedReader in) {
        this.out = out;
        this.err = err;
        this.in = in;
    }

    public static void main(String[] args) {
        vn.cccd.reader.util.NoDiskImaging.ensure();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int code = new CommandLine(new KioskMain(out, err, in)).setOut(out).setErr(err).execute(args);
        if (code != EXIT_OK) {
            System.exit(code);
        }
    }

    /** The configuration from the file and the command line. */
    KioskConfig configuration() {
        KioskConfig c = ConfigLoader.load(config);
        KioskConfig.Builder b = c.toBuilder();
        if (port != null) {
            if (port < 0 || port > 65535) {
                throw new ConfigException("--port", "must be between 0 and 65535");
            }
            b.port(port);
        }
        if (dataDir != null) {
            b.dataDir(dataDir);
        }
        if (demo) {
            b.demo(true);
        }
        if (uiSecretFile != null) {
            b.uiSecretFile(uiSecretFile);
        }
        return b.build();
    }

    @Override
    public Integer call() throws Exception {
        if (hashPin) {
            return hashPin();
        }
        if (verifyLog) {
            return verifyLog();
        }
        KioskConfig c;
        Server server;
        try {
            c = configuration();
            server = KioskServer.newServer(c);
        } catch (ConfigException e) {
            err.println("cccd-kiosk: configuration error: " + e.getMessage());
            return EXIT_CONFIG;
        } catch (vn.cccd.kiosk.store.StorageException e) {
            err.println("cccd-kiosk: storage error (" + e.code() + "): " + e.getMessage());
            return EXIT_CONFIG;
        }
        try {
            server.start();
        } catch (Exception e) {
            err.println("cccd-kiosk: cannot start on " + c.host() + ":" + c.port() + ": " + e.getMessage());
            server.stop();
            return EXIT_START;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop();
            } catch (Exception e) {
                LOG.warn("stopping: {}", e.toString());
            }
        }, "kiosk-shutdown"));
        String url = server.getURI().toString();
        out.println("CCCD kiosk: " + url + (c.demo() ? "  (demo mode, staff PIN " + KioskConfig.DEMO_PIN + ")" : ""));
        if (c.uiSecretFile() == null) {
            String open = "no UI secret (ui.secretFile): any program on this machine can read the API, personal data"
                    + " included";
            out.println("  " + open + (c.demo() ? " (fine for a demo with invented people)" : ""));
            LOG.warn(open);
        } else {
            out.println("  the API answers only the browser opened at " + url + "ui/start?secret=...");
        }
        out.flush();
        server.join();
        return EXIT_OK;
    }

    private int verifyLog() throws IOException {
        KioskConfig c;
        try {
            c = configuration();
        } catch (ConfigException e) {
            err.println("cccd-kiosk: configuration error: " + e.getMessage());
            return EXIT_CONFIG;
        }
        var storage = c.storage();
        boolean keyInDataDir = (storage.keyEnv() == null || storage.keyEnv().isBlank()) && storage.keyFile() == null;
        vn.cccd.kiosk.store.ProcessingLog.Check check;
        try {
            check = keyInDataDir ? vn.cccd.kiosk.store.ProcessingLog.verify(c.dataDir())
                    : vn.cccd.kiosk.store.ProcessingLog.verify(c.dataDir(),
                            vn.cccd.kiosk.store.StorageKey.load(storage, c.dataDir(), System.getenv()));
        } catch (vn.cccd.kiosk.store.StorageException e) {
            err.println("cccd-kiosk: storage key (" + e.code() + "): " + e.getMessage());
            return EXIT_START;
        }
        if (keyInDataDir) {
            out.println("Cảnh báo / warning: the storage key is in the data directory; the log is tamper-evident only"
                    + " against someone who cannot read it (set storage.keyFile or storage.keyEnv)");
        }
        if (check.intact()) {
            out.println("Nhật ký xử lý nguyên vẹn / processing log intact: " + check.records() + " records in "
                    + c.dataDir());
            return EXIT_OK;
        }
        out.println("Nhật ký xử lý bị sửa / processing log BROKEN at record " + check.brokenLine() + ": "
                + check.problem());
        return EXIT_START;
    }

    private int hashPin() throws IOException {
        Console console = System.console();
        String pin;
        if (console != null) {
            char[] chars = console.readPassword("Staff PIN: ");
            pin = chars == null ? null : new String(chars);
        } else {
            pin = in.readLine();
        }
        if (pin == null || !pin.strip().matches("[0-9]{" + PinHash.MIN_STAFF_PIN_DIGITS + ",12}")) {
            err.println("cccd-kiosk: the PIN must be " + PinHash.MIN_STAFF_PIN_DIGITS + " to 12 digits");
            return EXIT_CONFIG;
        }
        out.println("operator.pinHash=" + PinHash.create(pin.strip()).encoded());
        return EXIT_OK;
    }
}
