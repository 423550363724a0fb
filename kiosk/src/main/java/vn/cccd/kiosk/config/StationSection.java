package vn.cccd.kiosk.config;

import static vn.cccd.kiosk.config.ConfigValues.integer;
import static vn.cccd.kiosk.config.ConfigValues.list;
import static vn.cccd.kiosk.config.ConfigValues.resolve;
import static vn.cccd.kiosk.config.ConfigValues.text;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * The station itself: where its API listens, its data folder and name, its mode, the UI languages and secret, the
 * idle session times, the staff PIN and the request size limits.
 */
final class StationSection {
    static final Set<String> KEYS = Set.of("server.host", "server.port", "data.dir", "station.name", "kiosk.mode",
            "ui.languages", "session.idleTimeoutSeconds", "session.idleWarningSeconds", "operator.pinHash",
            "limits.maxJsonBytes", "limits.maxImageBytes", "ui.secretFile");
    private static final Set<String> LANGUAGES = Set.of("vi", "en");

    private StationSection() {
    }

    /** {@code server.*}, {@code data.dir}, {@code station.name}, {@code kiosk.mode}, languages and session times. */
    static Mode read(Properties p, KioskConfig.Builder b) {
        String host = text(p, "server.host", "127.0.0.1");
        b.host(loopback("server.host", host));
        b.port(integer(p, "server.port", 8080, 0, 65535));
        b.dataDir(Path.of(text(p, "data.dir", "data")));
        b.stationName(text(p, "station.name", "Kiosk"));
        Mode mode;
        try {
            mode = Mode.parse(text(p, "kiosk.mode", "citizen"));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("kiosk.mode", e.getMessage());
        }
        if (!mode.available()) {
            throw new ConfigException("kiosk.mode", "'" + mode.id() + "' is planned but not in this version; use one of"
                    + java.util.Arrays.stream(Mode.values()).filter(Mode::available).map(m -> " " + m.id()).toList());
        }
        b.mode(mode);
        b.languages(languages(text(p, "ui.languages", "vi,en")));
        int timeout = integer(p, "session.idleTimeoutSeconds", 120, 5, 3600);
        int warning = integer(p, "session.idleWarningSeconds", 30, 1, 3600);
        if (warning >= timeout) {
            throw new ConfigException("session.idleWarningSeconds", "must be less than session.idleTimeoutSeconds ("
                    + timeout + ")");
        }
        b.idleTimeout(Duration.ofSeconds(timeout)).idleWarning(Duration.ofSeconds(warning));
        return mode;
    }

    /** {@code operator.pinHash}: the staff PIN, hashed with {@code --hash-pin}; none when empty. */
    static void operatorPin(Properties p, KioskConfig.Builder b) {
        String pin = text(p, "operator.pinHash", "");
        if (!pin.isEmpty()) {
            try {
                b.operatorPin(PinHash.parse(pin));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("operator.pinHash", e.getMessage() + " (a staff PIN of "
                        + PinHash.MIN_STAFF_PIN_DIGITS + " to 12 digits, hashed with --hash-pin)");
            }
        }
    }

    /** {@code limits.*}: the largest JSON body and image the API accepts. */
    static void limits(Properties p, KioskConfig.Builder b) {
        b.maxJsonBytes(integer(p, "limits.maxJsonBytes", 64 * 1024, 1024, 4 * 1024 * 1024));
        b.maxImageBytes(integer(p, "limits.maxImageBytes", 8 * 1024 * 1024, 64 * 1024, 64 * 1024 * 1024));
    }

    /** {@code ui.secretFile}: only the path here; the file is read and checked at start (UiSecret). */
    static void uiSecret(Properties p, Path baseDir, KioskConfig.Builder b) {
        String secret = text(p, "ui.secretFile", "");
        if (!secret.isEmpty()) {
            b.uiSecretFile(resolve(baseDir, secret));
        }
    }

    private static List<String> languages(String v) {
        List<String> langs = list(v.toLowerCase(Locale.ROOT));
        if (langs.isEmpty()) {
            throw new ConfigException("ui.languages", "name at least one language (vi, en)");
        }
        for (String l : langs) {
            if (!LANGUAGES.contains(l)) {
                throw new ConfigException("ui.languages", "unsupported language '" + l + "' (supported: vi, en)");
            }
        }
        return List.copyOf(new LinkedHashSet<>(langs));
    }

    /** The API serves personal data without a login: it must not be reachable from the network. */
    private static String loopback(String key, String host) {
        try {
            InetAddress a = InetAddress.getByName(host);
            if (!a.isLoopbackAddress()) {
                throw new ConfigException(key, "must be a loopback address (127.0.0.1, ::1, localhost), got '" + host
                        + "': the API serves personal data and must not be reachable from the network");
            }
            return host;
        } catch (UnknownHostException e) {
            throw new ConfigException(key, "unknown host '" + host + "'");
        }
    }
}
