package vn.cccd.kiosk.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import vn.cccd.reader.util.Text;

/**
 * Reads {@code kiosk.properties} (UTF-8). Every value is checked when the kiosk starts; a bad one stops it with a
 * {@link ConfigException} that names the key. Unknown keys are refused too, so that a typo does not silently
 * leave a default in place. Relative paths are relative to the directory of the properties file.
 *
 * <p>Without {@code --config} the kiosk uses {@code config/kiosk.properties} under the working directory when
 * there is one, else the copy bundled in the jar (with the bundled forms).
 */
public final class ConfigLoader {
    /** Where the bundled defaults live on the class path. */
    public static final String BUNDLED = "/config/kiosk.properties";
    static final String PREFILL_PREFIX = "prefill.";

    private static final Set<String> KNOWN = Set.of(
            "server.host", "server.port", "data.dir", "station.name", "kiosk.mode", "ui.languages",
            "session.idleTimeoutSeconds", "session.idleWarningSeconds", "forms.dir", "forms.enabled",
            "trust.dirs", "readers.pcsc", "readers.pollMillis", "read.face", "operator.pinHash", "pdf.fontPath",
            "print.command", "limits.maxJsonBytes", "limits.maxImageBytes",
            "storage.url", "storage.user", "storage.password", "storage.keyFile", "storage.keyEnv",
            "storage.retentionDays", "storage.purgeIntervalMinutes", "lodging.name", "lodging.address",
            "hospital.departments", "hospital.webhook.url", "hospital.webhook.timeoutSeconds",
            "hospital.webhook.firstRetrySeconds", "hospital.webhook.maxRetrySeconds", "ui.secretFile",
            "hospital.bhyt.url", "hospital.bhyt.username", "hospital.bhyt.passwordEnv", "hospital.bhyt.passwordMd5",
            "hospital.bhyt.officerName", "hospital.bhyt.officerIdNumber", "hospital.bhyt.timeoutSeconds",
            "lodging.police.url", "lodging.police.username", "lodging.police.passwordEnv", "lodging.police.clientEnv",
            "lodging.police.timeoutSeconds", "lodging.police.firstRetrySeconds", "lodging.police.maxRetrySeconds");
    private static final Set<String> LANGUAGES = Set.of("vi", "en");

    private ConfigLoader() {
    }

    /** The configuration file to use when none is given: {@code config/kiosk.properties} under {@code workDir}. */
    public static Path defaultFile(Path workDir) {
        return workDir.resolve("config").resolve("kiosk.properties");
    }

    /**
     * Loads {@code file}, or when it is null the default file under the working directory, or else the bundled
     * defaults.
     */
    public static KioskConfig load(Path file) {
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("--config", "no such file: " + file);
            }
            return fromFile(file);
        }
        Path local = defaultFile(Path.of("").toAbsolutePath());
        if (Files.isRegularFile(local)) {
            return fromFile(local);
        }
        return bundled();
    }

    /** The defaults bundled in the jar; forms come from the jar too. */
    public static KioskConfig bundled() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new ConfigException("--config", "no configuration given and none bundled in the jar");
            }
            return parse(read(in, BUNDLED), null);
        } catch (IOException e) {
            throw new ConfigException("--config", "cannot read the bundled configuration: " + e.getMessage(), e);
        }
    }

    public static KioskConfig fromFile(Path file) {
        Properties p;
        try (InputStream in = Files.newInputStream(file)) {
            p = read(in, file.toString());
        } catch (IOException e) {
            throw new ConfigException("--config", "cannot read " + file + ": " + e.getMessage(), e);
        }
        Path base = file.toAbsolutePath().getParent();
        return parse(p, base);
    }

    private static Properties read(InputStream in, String what) throws IOException {
        Properties p = new Properties();
        // strict UTF-8: a file saved in another encoding would garble Vietnamese names silently
        Reader r = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        try {
            p.load(r);
        } catch (CharacterCodingException e) {
            throw new ConfigException("--config", what + " is not UTF-8 text");
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--config", what + " is not a valid properties file: " + e.getMessage());
        }
        return p;
    }

    /**
     * Parses properties; relative paths resolve against {@code baseDir}, or stay unset (bundled) when it is null.
     */
    public static KioskConfig parse(Properties p, Path baseDir) {
        Set<String> unknown = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            if (!KNOWN.contains(key) && !key.startsWith(PREFILL_PREFIX)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            String first = unknown.iterator().next();
            throw new ConfigException(first, "unknown key (known: " + String.join(", ", new TreeSet<>(KNOWN))
                    + ", prefill.*)");
        }
        KioskConfig.Builder b = KioskConfig.builder();
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
        String forms = text(p, "forms.dir", "forms");
        if (baseDir != null || Path.of(forms).isAbsolute()) {
            Path dir = resolve(baseDir, forms);
            if (!Files.isDirectory(dir)) {
                throw new ConfigException("forms.dir", "not a directory: " + dir);
            }
            b.formsDir(dir);
        }
        b.enabledForms(new LinkedHashSet<>(list(text(p, "forms.enabled", ""))));
        List<Path> trust = new ArrayList<>();
        for (String dir : list(text(p, "trust.dirs", ""))) {
            if (baseDir == null && !Path.of(dir).isAbsolute()) {
                continue; // bundled defaults: a relative trust folder exists only in a checkout
            }
            Path d = resolve(baseDir, dir);
            if (!Files.isDirectory(d)) {
                throw new ConfigException("trust.dirs", "not a directory: " + d);
            }
            trust.add(d);
        }
        b.trustDirs(trust);
        b.pcscReaders(bool(p, "readers.pcsc", true));
        b.pollInterval(Duration.ofMillis(integer(p, "readers.pollMillis", 500, 50, 10_000)));
        b.readFace(bool(p, "read.face", true));
        String pin = text(p, "operator.pinHash", "");
        if (!pin.isEmpty()) {
            try {
                b.operatorPin(PinHash.parse(pin));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("operator.pinHash", e.getMessage() + " (a staff PIN of "
                        + PinHash.MIN_STAFF_PIN_DIGITS + " to 12 digits, hashed with --hash-pin)");
            }
        }
        String font = text(p, "pdf.fontPath", "");
        if (!font.isEmpty()) {
            Path f = resolve(baseDir, font);
            if (!Files.isRegularFile(f)) {
                throw new ConfigException("pdf.fontPath", "no such font file: " + f);
            }
            b.fontPath(f);
        }
        String print = text(p, "print.command", "");
        b.printCommand(print.isEmpty() ? List.of() : List.of(print.split("\\s+")));
        b.maxJsonBytes(integer(p, "limits.maxJsonBytes", 64 * 1024, 1024, 4 * 1024 * 1024));
        b.maxImageBytes(integer(p, "limits.maxImageBytes", 8 * 1024 * 1024, 64 * 1024, 64 * 1024 * 1024));
        Map<String, String> prefill = new LinkedHashMap<>();
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            if (key.startsWith(PREFILL_PREFIX)) {
                String name = key.substring(PREFILL_PREFIX.length());
                if (!name.matches("[a-zA-Z0-9]+([.-][a-zA-Z0-9]+)*")) {
                    throw new ConfigException(key, "prefill names are letters and digits separated by . or -");
                }
                prefill.put(name, Text.nfc(p.getProperty(key).strip()));
            }
        }
        b.prefill(prefill);
        b.storage(storage(p, baseDir));
        LodgingSettings lodging = new LodgingSettings(text(p, "lodging.name", ""), text(p, "lodging.address", ""),
                police(p, System::getenv));
        if (mode == Mode.LODGING && lodging.address().isEmpty()) {
            throw new ConfigException("lodging.address", "the lodging mode needs the establishment's address (the"
                    + " address of stay on every guest record)");
        }
        b.lodging(lodging);
        b.hospital(hospital(p));
        String secret = text(p, "ui.secretFile", "");
        if (!secret.isEmpty()) {
            b.uiSecretFile(resolve(baseDir, secret)); // read and checked at start (UiSecret)
        }
        return b.build();
    }

    private static StorageSettings storage(Properties p, Path baseDir) {
        String url = text(p, "storage.url", "");
        if (!url.isEmpty() && !url.startsWith("jdbc:postgresql://")) {
            throw new ConfigException("storage.url", "empty (SQLite file kiosk.db in data.dir) or a"
                    + " jdbc:postgresql://host:port/database URL");
        }
        String keyFile = text(p, "storage.keyFile", "");
        String keyEnv = text(p, "storage.keyEnv", "");
        if (!keyFile.isEmpty() && !keyEnv.isEmpty()) {
            throw new ConfigException("storage.keyEnv", "set storage.keyFile or storage.keyEnv, not both");
        }
        if (!keyEnv.isEmpty() && !keyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new ConfigException("storage.keyEnv", "must be an environment variable name, got '" + keyEnv + "'");
        }
        int days = integer(p, "storage.retentionDays", StorageSettings.DEFAULT_RETENTION_DAYS, 1, 36_500);
        int purge = integer(p, "storage.purgeIntervalMinutes", 60, 1, 24 * 60);
        String user = text(p, "storage.user", "");
        String password = p.getProperty("storage.password", "");
        return new StorageSettings(url, user.isEmpty() ? null : user, password.isEmpty() ? null : password,
                keyFile.isEmpty() ? null : resolve(baseDir, keyFile), keyEnv.isEmpty() ? null : keyEnv, days,
                Duration.ofMinutes(purge));
    }

    private static final int MAX_DEPARTMENTS = 60;

    /** {@code hospital.*}: departments as {@code code:Tên tiếng Việt|English name}, semicolon-separated; webhook. */
    private static HospitalConfig hospital(Properties p) {
        HospitalConfig h = HospitalConfig.defaults();
        String deps = text(p, "hospital.departments", "");
        if (!deps.isEmpty()) {
            List<HospitalConfig.Department> list = new ArrayList<>();
            Set<String> codes = new LinkedHashSet<>();
            // semicolons: a department's name may contain commas ("Tai, Mũi, Họng")
            for (String entry : deps.split(";")) {
                if (entry.isBlank()) {
                    continue;
                }
                entry = entry.strip();
                int colon = entry.indexOf(':');
                if (colon <= 0) {
                    throw new ConfigException("hospital.departments", "each department is code:Tên khoa (optionally"
                            + " |English name), e.g. noi:Khám Nội|Internal medicine; got '" + entry + "'");
                }
                String code = entry.substring(0, colon).strip();
                if (!code.matches("[A-Za-z0-9_-]{1,20}")) {
                    throw new ConfigException("hospital.departments", "a department code is 1 to 20 letters, digits,"
                            + " _ or -; got '" + code + "'");
                }
                if (!codes.add(code)) {
                    throw new ConfigException("hospital.departments", "department code '" + code + "' appears twice");
                }
                String names = entry.substring(colon + 1);
                int bar = names.indexOf('|');
                String vi = (bar < 0 ? names : names.substring(0, bar)).strip();
                String en = bar < 0 ? null : names.substring(bar + 1).strip();
                if (vi.isEmpty() || vi.length() > 80 || (en != null && (en.isEmpty() || en.length() > 80))) {
                    throw new ConfigException("hospital.departments", "department '" + code + "' needs a Vietnamese"
                            + " name (and an English one after |) of 1 to 80 characters");
                }
                list.add(new HospitalConfig.Department(code, vi, en));
            }
            if (list.size() > MAX_DEPARTMENTS) {
                throw new ConfigException("hospital.departments", "at most " + MAX_DEPARTMENTS + " departments");
            }
            h = h.withDepartments(list);
        }
        String url = text(p, "hospital.webhook.url", "");
        java.net.URI webhook = null;
        if (!url.isEmpty()) {
            try {
                webhook = new java.net.URI(url);
            } catch (java.net.URISyntaxException e) {
                throw new ConfigException("hospital.webhook.url", "not a URL: " + e.getMessage());
            }
            String scheme = webhook.getScheme() == null ? "" : webhook.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || webhook.getHost() == null) {
                throw new ConfigException("hospital.webhook.url", "must be an http:// or https:// URL with a host");
            }
        }
        int timeout = integer(p, "hospital.webhook.timeoutSeconds", 10, 1, 300);
        int first = integer(p, "hospital.webhook.firstRetrySeconds", 2, 1, 3600);
        int max = integer(p, "hospital.webhook.maxRetrySeconds", 300, 1, 86_400);
        if (max < first) {
            throw new ConfigException("hospital.webhook.maxRetrySeconds", "must be at least"
                    + " hospital.webhook.firstRetrySeconds (" + first + ")");
        }
        return h.withWebhook(webhook, Duration.ofSeconds(timeout), Duration.ofSeconds(first), Duration.ofSeconds(max))
                .withBhyt(bhyt(p));
    }

    /**
     * {@code hospital.bhyt.*}: the BHXH gateway account, or null when {@code hospital.bhyt.url} is empty. The
     * password is given as the MD5 the gateway takes ({@code passwordMd5}) or read from an environment variable
     * ({@code passwordEnv}) and hashed here; it is never in the configuration in plain text.
     */
    private static BhytGatewayConfig bhyt(Properties p) {
        String url = text(p, "hospital.bhyt.url", "");
        if (url.isEmpty()) {
            return null;
        }
        java.net.URI uri;
        try {
            uri = new java.net.URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException("hospital.bhyt.url", "not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new ConfigException("hospital.bhyt.url", "must be an http:// or https:// URL with a host");
        }
        String user = text(p, "hospital.bhyt.username", "");
        if (user.isEmpty()) {
            throw new ConfigException("hospital.bhyt.username", "required with hospital.bhyt.url");
        }
        String md5 = text(p, "hospital.bhyt.passwordMd5", "").toLowerCase(Locale.ROOT);
        String env = text(p, "hospital.bhyt.passwordEnv", "");
        if (md5.isEmpty() == env.isEmpty()) {
            throw new ConfigException("hospital.bhyt.passwordMd5", "set exactly one of hospital.bhyt.passwordMd5 and"
                    + " hospital.bhyt.passwordEnv");
        }
        if (!env.isEmpty()) {
            String plain = System.getenv(env);
            if (plain == null || plain.isEmpty()) {
                throw new ConfigException("hospital.bhyt.passwordEnv", "the environment variable " + env + " is not set");
            }
            md5 = BhytGatewayConfig.md5(plain);
        } else if (!md5.matches("[0-9a-f]{32}")) {
            throw new ConfigException("hospital.bhyt.passwordMd5", "must be 32 hexadecimal digits (the password's MD5)");
        }
        String officer = text(p, "hospital.bhyt.officerName", "");
        if (officer.isEmpty()) {
            throw new ConfigException("hospital.bhyt.officerName", "the gateway names the officer in each look-up");
        }
        String officerId = text(p, "hospital.bhyt.officerIdNumber", "");
        if (!officerId.matches("[0-9]{12}")) {
            throw new ConfigException("hospital.bhyt.officerIdNumber", "the officer's 12-digit ID number");
        }
        int seconds = integer(p, "hospital.bhyt.timeoutSeconds", 5, 1, 60);
        return new BhytGatewayConfig(uri, user, md5, vn.cccd.reader.util.Text.nfc(officer), officerId,
                Duration.ofSeconds(seconds));
    }

    /**
     * {@code lodging.police.*}: the establishment's account for the direct submission to the police API, or null
     * (the default) when {@code lodging.police.username} is empty. The password and the API client credential are
     * read from the environment variables named by {@code passwordEnv} and {@code clientEnv}, never from the file.
     */
    static PoliceApiConfig police(Properties p, java.util.function.UnaryOperator<String> env) {
        String user = text(p, "lodging.police.username", "");
        if (user.isEmpty()) {
            return null;
        }
        String url = text(p, "lodging.police.url", "");
        url = url.isEmpty() ? PoliceApiConfig.PRODUCTION.toString() : url;
        java.net.URI uri;
        try {
            uri = new java.net.URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException("lodging.police.url", "not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new ConfigException("lodging.police.url", "must be an http:// or https:// URL with a host");
        }
        String password = secret(p, "lodging.police.passwordEnv", env);
        String client = secret(p, "lodging.police.clientEnv", env);
        if (!client.contains(":")) {
            throw new ConfigException("lodging.police.clientEnv", "the API client credential is id:secret");
        }
        return new PoliceApiConfig(uri, user, password, client,
                Duration.ofSeconds(integer(p, "lodging.police.timeoutSeconds", 20, 1, 120)),
                Duration.ofSeconds(integer(p, "lodging.police.firstRetrySeconds", 30, 1, 3600)),
                Duration.ofSeconds(integer(p, "lodging.police.maxRetrySeconds", 1800, 1, 86400)));
    }

    /** A secret from the environment variable that {@code key} names; the message never shows the value. */
    private static String secret(Properties p, String key, java.util.function.UnaryOperator<String> env) {
        String name = text(p, key, "");
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new ConfigException(key, "required with lodging.police.username: the name of an environment"
                    + " variable");
        }
        String value = env.apply(name);
        if (value == null || value.isEmpty()) {
            throw new ConfigException(key, "the environment variable " + name + " is not set");
        }
        return value;
    }

    private static Path resolve(Path base, String path) {
        Path p = Path.of(path);
        return p.isAbsolute() || base == null ? p : base.resolve(p).normalize();
    }

    private static String text(Properties p, String key, String dflt) {
        String v = p.getProperty(key);
        return v == null ? dflt : Text.nfc(v.strip());
    }

    private static int integer(Properties p, String key, int dflt, int min, int max) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) {
                throw new ConfigException(key, "must be between " + min + " and " + max + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(key, "must be a whole number, got '" + v.strip() + "'");
        }
    }

    private static boolean bool(Properties p, String key, boolean dflt) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true":
            case "yes":
                return true;
            case "false":
            case "no":
                return false;
            default:
                throw new ConfigException(key, "must be true or false, got '" + v.strip() + "'");
        }
    }

    private static List<String> list(String v) {
        List<String> out = new ArrayList<>();
        for (String s : v.split(",")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
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
