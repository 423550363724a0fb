package vn.cccd.kiosk.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the kiosk is started with, validated ({@link ConfigLoader} reads it from
 * {@code config/kiosk.properties}). Immutable; tests build one with {@link #builder()}.
 *
 * @param host loopback address the server binds to
 * @param port TCP port; 0 picks a free one (tests)
 * @param dataDir where the kiosk stores what it keeps (processing log, register database and its key)
 * @param stationName shown in the UI and printed on forms
 * @param mode what the kiosk is set up for
 * @param languages UI languages, the first is the default ("vi", "en")
 * @param idleTimeout inactivity after which the session is wiped
 * @param idleWarning how long before the wipe the person is warned and can ask for more time
 * @param formsDir directory of form definitions, or null for the definitions bundled in the jar
 * @param enabledForms ids of the procedures offered; empty means every form of the mode's audience
 * @param trustDirs CSCA certificates and master lists for Passive Authentication
 * @param pcscReaders whether to watch the machine's PC/SC readers
 * @param pollInterval how often readers and cards are polled
 * @param readFace whether to read the portrait (DG2) to show it on screen
 * @param operatorPin hash of the staff PIN, or null when staff functions are off
 * @param demo whether the in-process mock reader with the built-in personas is added
 * @param fontPath TrueType font for PDFs, or null for the bundled DejaVu Sans
 * @param printCommand command that prints a PDF given on standard input (e.g. {@code lp -d Kiosk}), or empty
 * @param prefill station values forms can use ({@code config:NAME} sources), e.g. {@code authority.police}
 * @param maxJsonBytes largest JSON request body accepted
 * @param maxImageBytes largest image upload accepted ({@code POST /api/qr})
 * @param storage the register database ({@code storage.*})
 * @param lodging the lodging establishment ({@code lodging.*})
 * @param hospital hospital reception settings (departments, webhook), used in hospital mode
 * @param uiSecretFile file holding the per-install UI secret ({@code ui.secretFile}); when set, the API answers only
 *     a browser opened through {@code /ui/start?secret=...} (the kiosk launcher); null: no secret (any local program
 *     can read the API)
 */
public record KioskConfig(
        String host,
        int port,
        Path dataDir,
        String stationName,
        Mode mode,
        List<String> languages,
        Duration idleTimeout,
        Duration idleWarning,
        Path formsDir,
        Set<String> enabledForms,
        List<Path> trustDirs,
        boolean pcscReaders,
        Duration pollInterval,
        boolean readFace,
        PinHash operatorPin,
        boolean demo,
        Path fontPath,
        List<String> printCommand,
        Map<String, String> prefill,
        int maxJsonBytes,
        int maxImageBytes,
        StorageSettings storage,
        LodgingSettings lodging,
        HospitalConfig hospital,
        Path uiSecretFile) {

    /** The staff PIN in demo mode; the UI says so. */
    public static final String DEMO_PIN = "0000";

    public KioskConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(mode, "mode");
        languages = List.copyOf(languages);
        enabledForms = Set.copyOf(new LinkedHashSet<>(enabledForms));
        trustDirs = List.copyOf(trustDirs);
        printCommand = List.copyOf(printCommand);
        prefill = Map.copyOf(prefill);
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(lodging, "lodging");
        Objects.requireNonNull(hospital, "hospital");
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.port = port;
        b.dataDir = dataDir;
        b.stationName = stationName;
        b.mode = mode;
        b.languages = new ArrayList<>(languages);
        b.idleTimeout = idleTimeout;
        b.idleWarning = idleWarning;
        b.formsDir = formsDir;
        b.enabledForms = new LinkedHashSet<>(enabledForms);
        b.trustDirs = new ArrayList<>(trustDirs);
        b.pcscReaders = pcscReaders;
        b.pollInterval = pollInterval;
        b.readFace = readFace;
        b.operatorPin = operatorPin;
        b.demo = demo;
        b.fontPath = fontPath;
        b.printCommand = new ArrayList<>(printCommand);
        b.prefill = new LinkedHashMap<>(prefill);
        b.maxJsonBytes = maxJsonBytes;
        b.maxImageBytes = maxImageBytes;
        b.storage = storage;
        b.lodging = lodging;
        b.hospital = hospital;
        b.uiSecretFile = uiSecretFile;
        return b;
    }

    /** The PIN hash staff log in with: the configured one, or the demo PIN's in demo mode. */
    public PinHash effectiveOperatorPin() {
        if (demo) {
            return DemoPin.HASH;
        }
        return operatorPin;
    }

    /** Hashing costs ~0.1 s: done once, when demo mode first needs it. */
    private static final class DemoPin {
        static final PinHash HASH = PinHash.create(DEMO_PIN, 10_000);
    }

    /** Defaults as documented in config/kiosk.properties. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8080;
        private Path dataDir = Path.of("data");
        private String stationName = "Kiosk";
        private Mode mode = Mode.CITIZEN;
        private List<String> languages = new ArrayList<>(List.of("vi", "en"));
        private Duration idleTimeout = Duration.ofSeconds(120);
        private Duration idleWarning = Duration.ofSeconds(30);
        private Path formsDir;
        private Set<String> enabledForms = new LinkedHashSet<>();
        private List<Path> trustDirs = new ArrayList<>();
        private boolean pcscReaders = true;
        private Duration pollInterval = Duration.ofMillis(500);
        private boolean readFace = true;
        private PinHash operatorPin;
        private boolean demo;
        private Path fontPath;
        private List<String> printCommand = new ArrayList<>();
        private Map<String, String> prefill = new LinkedHashMap<>();
        private int maxJsonBytes = 64 * 1024;
        private int maxImageBytes = 8 * 1024 * 1024;
        private StorageSettings storage = StorageSettings.defaults();
        private LodgingSettings lodging = LodgingSettings.none();
        private HospitalConfig hospital = HospitalConfig.defaults();
        private Path uiSecretFile;

        public Builder host(String v) {
            host = v;
            return this;
        }

        public Builder port(int v) {
            port = v;
            return this;
        }

        public Builder dataDir(Path v) {
            dataDir = v;
            return this;
        }

        public Builder stationName(String v) {
            stationName = v;
            return this;
        }

        public Builder mode(Mode v) {
            mode = v;
            return this;
        }

        public Builder languages(List<String> v) {
            languages = new ArrayList<>(v);
            return this;
        }

        public Builder idleTimeout(Duration v) {
            idleTimeout = v;
            return this;
        }

        public Builder idleWarning(Duration v) {
            idleWarning = v;
            return this;
        }

        public Builder formsDir(Path v) {
            formsDir = v;
            return this;
        }

        public Builder enabledForms(Set<String> v) {
            enabledForms = new LinkedHashSet<>(v);
            return this;
        }

        public Builder trustDirs(List<Path> v) {
            trustDirs = new ArrayList<>(v);
            return this;
        }

        public Builder pcscReaders(boolean v) {
            pcscReaders = v;
            return this;
        }

        public Builder pollInterval(Duration v) {
            pollInterval = v;
            return this;
        }

        public Builder readFace(boolean v) {
            readFace = v;
            return this;
        }

        public Builder operatorPin(PinHash v) {
            operatorPin = v;
            return this;
        }

        public Builder demo(boolean v) {
            demo = v;
            return this;
        }

        public Builder fontPath(Path v) {
            fontPath = v;
            return this;
        }

        public Builder printCommand(List<String> v) {
            printCommand = new ArrayList<>(v);
            return this;
        }

        public Builder prefill(String name, String value) {
            prefill.put(name, value);
            return this;
        }

        public Builder prefill(Map<String, String> v) {
            prefill = new LinkedHashMap<>(v);
            return this;
        }

        public Builder maxJsonBytes(int v) {
            maxJsonBytes = v;
            return this;
        }

        public Builder maxImageBytes(int v) {
            maxImageBytes = v;
            return this;
        }

        public Builder storage(StorageSettings v) {
            storage = v;
            return this;
        }

        public Builder lodging(LodgingSettings v) {
            lodging = v;
            return this;
        }

        public Builder hospital(HospitalConfig v) {
            hospital = v;
            return this;
        }

        public Builder uiSecretFile(Path v) {
            uiSecretFile = v;
            return this;
        }

        public KioskConfig build() {
            return new KioskConfig(host, port, dataDir, stationName, mode, languages, idleTimeout, idleWarning,
                    formsDir, enabledForms, trustDirs, pcscReaders, pollInterval, readFace, operatorPin, demo,
                    fontPath, printCommand, prefill, maxJsonBytes, maxImageBytes, storage, lodging, hospital,
                    uiSecretFile);
        }
    }
}
