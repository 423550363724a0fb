package vn.cccd.kiosk.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.cccd.kiosk.cards.CardService;
import vn.cccd.kiosk.cards.CardSource;
import vn.cccd.kiosk.cards.CompositeCardSource;
import vn.cccd.kiosk.cards.DemoCards;
import vn.cccd.kiosk.cards.DocumentReading;
import vn.cccd.kiosk.cards.DemoCardsProvider;
import vn.cccd.kiosk.cards.PcscCardSource;
import vn.cccd.kiosk.config.ConfigException;
import vn.cccd.kiosk.config.KioskConfig;
import vn.cccd.kiosk.config.Mode;
import vn.cccd.kiosk.forms.FormRegistry;
import vn.cccd.kiosk.forms.FormValidator;
import vn.cccd.kiosk.forms.PrefillEngine;
import vn.cccd.kiosk.hospital.HospitalService;
import vn.cccd.kiosk.hospital.JdbcCheckinStore;
import vn.cccd.kiosk.lodging.GuestRegister;
import vn.cccd.kiosk.lodging.police.PoliceSubmission;
import vn.cccd.kiosk.metrics.KioskMetrics;
import vn.cccd.kiosk.output.FormPdfRenderer;
import vn.cccd.kiosk.output.PdfFonts;
import vn.cccd.kiosk.store.Database;
import vn.cccd.kiosk.store.ProcessingLog;
import vn.cccd.kiosk.web.LoginLockout;
import vn.cccd.kiosk.web.OperatorAuth;
import vn.cccd.kiosk.web.http.EventHub;

/**
 * The kiosk's parts, wired from the configuration: forms, the card service with its readers (PC/SC, and the mock
 * reader in demo mode), events, staff login, PDF output. {@link KioskServer} serves them over HTTP.
 */
public final class KioskApp implements AutoCloseable {
    private final KioskConfig config;
    private final Clock clock;
    private final Instant started;
    private final FormRegistry forms;
    private final PrefillEngine prefill;
    private final FormValidator validator;
    private final FormPdfRenderer pdf;
    private final EventHub events;
    private final CardService cards;
    private final DemoCards demo;
    private final OperatorAuth operator;
    private final QrService qr;
    private final ProcessingLog log;
    private final Database database;
    private final GuestRegister lodging;
    private final PoliceSubmission police;
    private final HospitalService hospital;
    private final KioskMetrics metrics;

    private KioskApp(KioskConfig config, CardSource source, DemoCards demo, QrService qr, Clock clock) {
        // before any part decodes an image (QR uploads, portraits, PDF previews): never via a temp file
        vn.cccd.reader.util.NoDiskImaging.ensure();
        this.config = config;
        this.clock = clock;
        this.started = clock.instant();
        this.forms = FormRegistry.load(config, clock);
        this.prefill = new PrefillEngine(config.prefill());
        this.validator = new FormValidator(prefill, clock, config.stationName());
        this.pdf = new FormPdfRenderer(PdfFonts.of(config.fontPath()));
        this.events = new EventHub();
        List<Path> trust = new ArrayList<>(config.trustDirs());
        if (demo != null) {
            trust.addAll(demo.trustDirs());
        }
        // authenticated with a key derived from the storage key (kept off the data directory when configured so)
        this.log = new ProcessingLog(dataDir(config), config.stationName(), clock,
                vn.cccd.kiosk.store.StorageKey.load(config.storage(), config.dataDir(), System.getenv()));
        log.open();
        this.metrics = new KioskMetrics(config.mode().id());
        log.listen(metrics::event);
        this.database = openDatabase(config, clock);
        // a register's table is registered (retention, data-subject requests) whenever its data may be there
        this.lodging = database == null || (config.mode() != Mode.LODGING && database.schemaVersion("lodging") == 0)
                ? null : new GuestRegister(database, config.lodging(), config.stationName(), clock);
        // the direct submission to the police API: only when the establishment's account is configured
        this.police = lodging == null || config.mode() != Mode.LODGING || config.lodging().police() == null ? null
                : new PoliceSubmission(config.lodging().police(), database, lodging, clock, log::record);
        this.cards = new CardService(source, events, clock, new CardService.Settings(config.pollInterval(),
                config.idleTimeout(), config.idleWarning(), trust, config.readFace()), log);
        metrics.watch(cards);
        this.demo = demo;
        // demo mode's PIN is the published 0000; configured staff PINs have at least six digits
        this.operator = new OperatorAuth(config.effectiveOperatorPin(),
                config.demo() ? KioskConfig.DEMO_PIN.length() : vn.cccd.kiosk.config.PinHash.MIN_STAFF_PIN_DIGITS,
                dataDir(config).resolve(LoginLockout.FILE), clock);
        this.qr = qr;
        this.hospital = config.mode() == Mode.HOSPITAL ? new HospitalService(config.hospital(),
                new JdbcCheckinStore(database, config.stationName()), clock, PdfFonts.of(config.fontPath()), config.stationName()) : null;
        if (hospital != null) {
            metrics.watchOutbox(hospital.store(), clock);
        }
        if (hospital == null && database != null && database.schemaVersion(JdbcCheckinStore.MODULE) > 0) {
            // check-ins kept from an earlier hospital mode stay findable, erasable and subject to retention
            new JdbcCheckinStore(database, config.stationName());
        }
    }

    /**
     * The register database when the mode keeps records, when PostgreSQL is configured, or when a SQLite file is
     * already there (so that its retention purge and the data-subject endpoints keep working after a mode change).
     */
    private static Database openDatabase(KioskConfig config, Clock clock) {
        boolean needed = config.mode().storesRecords() || config.storage().postgres()
                || Files.exists(config.dataDir().resolve(Database.SQLITE_FILE));
        return needed ? Database.open(config.storage(), config.dataDir(), clock) : null;
    }

    /** The kiosk as configured: PC/SC readers, plus the mock reader with {@code --demo}. */
    public static KioskApp create(KioskConfig config) {
        return create(config, Clock.systemDefaultZone());
    }

    /**
     * The kiosk as configured, on the given clock (its zone decides which night a stay belongs to; tests that
     * must not depend on the hour they run at pass a clock in a zone where it is daytime).
     */
    public static KioskApp create(KioskConfig config, Clock clock) {
        DocumentReading reading = DocumentReading.library();
        List<CardSource> sources = new ArrayList<>();
        DemoCards demo = null;
        if (config.demo()) {
            // the optional demo part (cccd-kiosk-demo.jar), never inside cccd-kiosk.jar
            DemoCardsProvider provider = DemoCardsProvider.find(KioskApp.class.getClassLoader())
                    .orElseThrow(() -> new ConfigException("--demo", DemoCardsProvider.MISSING));
            demo = provider.create(dataDir(config).resolve("demo-trust"), reading);
            sources.add(demo.source());
        }
        if (config.pcscReaders()) {
            sources.add(PcscCardSource.system(reading));
        }
        return new KioskApp(config, new CompositeCardSource(sources), demo, new ReaderQrService(clock), clock);
    }

    /** A kiosk over the given card source (tests: a fake source, fake demo cards). */
    public static KioskApp create(KioskConfig config, CardSource source, DemoCards demo, QrService qr, Clock clock) {
        dataDir(config);
        return new KioskApp(config, source, demo, qr, clock);
    }

    private static Path dataDir(KioskConfig config) {
        Path dir = config.dataDir();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ConfigException("data.dir", "cannot create " + dir + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(dir)) {
            throw new ConfigException("data.dir", dir + " is not writable");
        }
        return dir;
    }

    public KioskConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public Instant started() {
        return started;
    }

    public FormRegistry forms() {
        return forms;
    }

    public PrefillEngine prefill() {
        return prefill;
    }

    public FormValidator validator() {
        return validator;
    }

    public FormPdfRenderer pdf() {
        return pdf;
    }

    public EventHub events() {
        return events;
    }

    public CardService cards() {
        return cards;
    }

    /** Null unless in demo mode. */
    public DemoCards demo() {
        return demo;
    }

    public OperatorAuth operator() {
        return operator;
    }

    /** The register database, or null when this kiosk keeps no records (citizen mode). */
    public Database database() {
        return database;
    }

    /** The guest register: in lodging mode, or when a register is left in the database; else null. */
    public GuestRegister lodging() {
        return lodging;
    }

    /** The direct submission to the police API, or null when not configured ({@code lodging.police.*}). */
    public PoliceSubmission police() {
        return police;
    }

    /** The processing log (no personal data; see {@link ProcessingLog}). */
    public ProcessingLog processingLog() {
        return log;
    }

    /** Null when this kiosk decodes no QR codes (tests of the rest). */
    public QrService qr() {
        return qr;
    }

    /** The metrics served at {@code GET /metrics}. */
    public KioskMetrics metrics() {
        return metrics;
    }

    /** Hospital reception, or null unless in hospital mode. */
    public HospitalService hospital() {
        return hospital;
    }

    /** Starts watching readers (and, in hospital mode, delivering check-ins to the hospital system). */
    public void open() {
        cards.open();
        if (database != null) {
            database.startMaintenance();
        }
        if (hospital != null) {
            hospital.startWebhook(cards::record);
        }
        if (police != null) {
            police.start();
        }
    }

    @Override
    public void close() {
        cards.close();
        events.close();
        metrics.close();
        if (hospital != null) {
            hospital.close();
        }
        if (police != null) {
            police.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
