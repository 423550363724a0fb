package vn.cccd.kiosk.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jetty.JettyConnectionMetrics;
import io.micrometer.core.instrument.binder.jetty.JettyServerThreadPoolMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.ThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cccd.kiosk.cards.CardService;
import vn.cccd.kiosk.cards.ReaderStatus;
import vn.cccd.kiosk.hospital.CheckinStore;

/**
 * The kiosk's metrics for a fleet ({@code GET /metrics}, Prometheus text format; Micrometer with its Prometheus
 * registry). Every label is a value from a closed set (verdicts, error codes, session end reasons, the mode, form and
 * department ids from the configuration), checked again by {@link #label(String)}; no reader name, station name,
 * message or anything of a person is ever a label or a value.
 *
 * <p>Counted from the processing log's events ({@link vn.cccd.kiosk.store.ProcessingLog#listen}), which already
 * hold no personal data, plus the read timings ({@link CardService#onRead}), the readers seen at each scrape, the
 * webhook outbox, storage failures, Jetty (thread pool, connections) and the JVM.
 */
public final class KioskMetrics implements AutoCloseable {
    /** What a label may look like; anything else becomes {@value #OTHER}. */
    private static final Pattern SAFE_LABEL = Pattern.compile("[A-Za-z0-9_.:-]{1,48}");
    static final String OTHER = "other";
    /** Histogram buckets of the read duration: a CCCD read takes seconds (docs/BENCHMARKS.md); few buckets per kiosk. */
    private static final Duration[] READ_BUCKETS = {Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(8), Duration.ofSeconds(13),
        Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(60)};
    private static final Logger LOG = LoggerFactory.getLogger(KioskMetrics.class);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final String mode;
    private final JvmGcMetrics gc = new JvmGcMetrics();

    /** @param mode the kiosk's mode id (citizen, hospital, lodging): a label of the session counters */
    public KioskMetrics(String mode) {
        this.mode = label(mode);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** A label value from a closed set, or {@value #OTHER} when it does not look like one (never free text). */
    static String label(Object value) {
        String v = value == null ? "none" : String.valueOf(value);
        return SAFE_LABEL.matcher(v).matches() ? v : OTHER;
    }

    /** The card service: reads (count, verdict, error code, duration), readers present, reconnects. */
    public void watch(CardService cards) {
        cards.onRead(this::readFinished);
        Gauge.builder("cccd.readers", cards, c -> c.readers().size())
                .strongReference(true).description("card readers present (the demo reader included)").register(registry);
        Gauge.builder("cccd.readers.with.card", cards, c -> c.readers().stream().filter(ReaderStatus::cardPresent).count())
                .description("card readers with a card on them").register(registry);
        Gauge.builder("cccd.reader.service.up", cards, c -> c.sourceProblem() == null ? 1 : 0)
                .description("1 when every card source answers (no readerProblem in /api/health)").register(registry);
        FunctionCounter.builder("cccd.pcsc.reconnects", cards, CardService::readerReconnects)
                .description("times the card readers came back after the smart-card service failed").register(registry);
        // present from the start at zero, so that a fleet's queries see every kiosk
        Counter.builder("cccd.card.reads").tags("verdict", "AUTHENTIC", "code", "none").register(registry);
    }

    private void readFinished(String verdict, String failureCode, Duration took) {
        String v = verdict == null ? "FAILED" : label(verdict);
        String code = failureCode == null ? "none" : label(failureCode);
        Counter.builder("cccd.card.reads").description("card reads by verdict (FAILED: not read) and error code")
                .tags("verdict", v, "code", code).register(registry).increment();
        Timer.builder("cccd.card.read.duration").description("time to read and verify a card")
                .tags("outcome", verdict == null ? "failed" : "read")
                .serviceLevelObjectives(READ_BUCKETS).register(registry).record(took);
    }

    /** One processing log event (details hold no personal data; only closed-set values become labels). */
    public void event(String event, Map<String, ?> details) {
        switch (event) {
            case "session-start" -> count("cccd.sessions.started", "sessions begun", "mode", mode);
            case "session-cleared" -> count("cccd.sessions.ended", "sessions ended, by how", "mode", mode, "reason",
                    label(details.get("reason")));
            case "document", "pdf", "export" -> count("cccd.documents", "documents produced per form",
                    "form", label(details.get("formId")), "kind", event);
            case "printed" -> {
                if (details.containsKey("formId")) {
                    count("cccd.documents", "documents produced per form", "form", label(details.get("formId")),
                            "kind", "printed");
                }
            }
            case "lodging-guest-registered" -> count("cccd.lodging.registrations", "guests registered",
                    "foreign", label(details.get("foreign")));
            case "hospital-checkin" -> count("cccd.hospital.checkins", "hospital check-ins per department",
                    "department", label(details.get("department")));
            case "hospital-webhook-delivered" -> count("cccd.webhook.deliveries", "check-ins delivered to the"
                    + " hospital system");
            default -> {
                // other events (consent, lodging exports, privacy requests) are in the processing log only
            }
        }
    }

    private void count(String name, String description, String... tags) {
        Counter.builder(name).description(description).tags(tags).register(registry).increment();
    }

    /** A storage failure that reached a request ({@code StorageException.Code}). */
    public void storageError(String code) {
        count("cccd.storage.errors", "register storage failures seen by requests", "code", label(code));
    }

    /** The hospital webhook's outbox: how many check-ins wait, and for how long the oldest has waited. */
    public void watchOutbox(CheckinStore store, Clock clock) {
        Gauge.builder("cccd.webhook.outbox.depth", store, s -> safe(() -> (double) s.undelivered()))
                .description("check-ins not yet delivered to the hospital system").register(registry);
        Gauge.builder("cccd.webhook.outbox.oldest.age", store, s -> safe(() -> {
            Optional<Instant> oldest = s.oldestUndelivered();
            return oldest.map(o -> Math.max(0, Duration.between(o, clock.instant()).toMillis() / 1000.0)).orElse(0.0);
        })).baseUnit("seconds").description("how long the oldest undelivered check-in has waited").register(registry);
    }

    private double safe(java.util.function.DoubleSupplier value) {
        try {
            return value.getAsDouble();
        } catch (RuntimeException e) {
            LOG.debug("a metric could not be read: {}", e.toString());
            storageError("UNAVAILABLE");
            return Double.NaN;
        }
    }

    /** Jetty's own metrics: its thread pool and every connector's connections and bytes. */
    public void watch(Server server, ThreadPool threads) {
        new JettyServerThreadPoolMetrics(threads, Tags.empty()).bindTo(registry);
        JettyConnectionMetrics.addToAllConnectors(server, registry);
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
