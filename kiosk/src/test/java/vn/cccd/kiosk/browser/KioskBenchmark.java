package vn.cccd.kiosk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.kiosk.server.KioskApp;
import vn.cccd.kiosk.server.KioskServer;
import vn.cccd.kiosk.testing.KioskHarness;
import vn.cccd.mock.chip.Chip;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;
import vn.cccd.reader.model.Json;

/**
 * Kiosk figures of issue 9, measured and reported, never asserted: the time from a card placed on the reader to the
 * pre-filled form visible in Chromium (link model at 424 kbit/s sleeping for real, the default polling interval),
 * the start-up time of the kiosk process to its first page, and its resident memory after 100 reads. Writes
 * {@code kiosk/target/bench/kiosk-benchmark.md}. Run with the bench profile (docs/BENCHMARKS.md).
 */
@Tag("bench")
class KioskBenchmark {
    private static final List<String> PERSONAS = List.of("dang-quoc-viet", "nguyen-thi-a");
    private static final int WARMUP = 1;
    private static final int RUNS = 5;
    private static final int READS_FOR_MEMORY = 100;
    private static final int STARTS = 2;
    private static final Duration PRODUCTION_POLL = Duration.ofMillis(500);

    @TempDir
    Path data;
    @TempDir
    Path profile;
    @TempDir
    Path work;

    @Test
    void kioskFigures() throws Exception {
        StringBuilder md = new StringBuilder();
        md.append(cardToForm());
        md.append(startUpAndMemory());
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        Files.writeString(out.resolve("kiosk-benchmark.md"), md.toString());
        System.out.println(md);
    }

    // ------------------------------------------------------------------------------------ card placed → form

    /** In-process kiosk with link-modelled demo cards; Chromium goes through the citizen flow for each read. */
    private String cardToForm() throws Exception {
        LinkModelledDemoCards cards = new LinkModelledDemoCards(work.resolve("trust"));
        KioskApp app = KioskApp.create(KioskHarness.config(data).demo(true).pollInterval(PRODUCTION_POLL).build(),
                cards.source(), cards, null, java.time.Clock.systemDefaultZone());
        Server server = KioskServer.newServer(app);
        server.start();
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "#### Card placed to pre-filled form (Chromium headless, link model %d kbit/s"
                + " sleeping for real, typical chip costs, reader polled every %d ms as configured by default; median of"
                + " %d after %d warm-up)%n%n", LinkModelledDemoCards.KBPS, PRODUCTION_POLL.toMillis(), RUNS, WARMUP));
        md.append("| Persona | Card placed → verified identity on screen (ms) | Two clicks (next, CT01) → CT01"
                + " pre-filled on screen (ms) | Card placed → pre-filled CT01, clicking at once (ms) |\n"
                + "|---|---:|---:|---:|\n");
        try (Browser b = Browser.start(profile)) {
            b.driver.get(URI.create("http://127.0.0.1:" + server.getURI().getPort()).toString());
            b.until(d -> "true".equals(b.js("return document.body.dataset.ready")), 15);
            for (String name : PERSONAS) {
                double[] identity = new double[RUNS];
                double[] form = new double[RUNS];
                double[] clicks = new double[RUNS];
                for (int i = -WARMUP; i < RUNS; i++) {
                    long[] t = oneRead(b, cards, Personas.builtIn(name));
                    if (i >= 0) {
                        identity[i] = t[1] - t[0];
                        clicks[i] = t[3] - t[2];
                        form[i] = identity[i] + clicks[i];
                    }
                }
                md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f |%n", name, median(identity),
                        median(clicks), median(form)));
            }
        } finally {
            server.stop();
            app.close();
        }
        return md.append('\n').toString();
    }

    /**
     * One citizen read: consent, key, card placed, identity, CT01. The browser notes (in epoch ms) when each screen
     * appears; returns {placed, identity shown, first click, form shown}.
     */
    private static long[] oneRead(Browser b, LinkModelledDemoCards cards, Persona p) throws Exception {
        b.screen("attract");
        b.find("#start").click();
        b.screen("consent");
        b.find("#consent-check").click();
        b.find("#consent-accept").click();
        b.screen("key");
        b.typeCccdKey(p);
        b.js("window.__shown = {};"
                + "const obs = new MutationObserver(() => document.querySelectorAll('.screen').forEach((s) => {"
                + "  if (!s.hidden && !window.__shown[s.dataset.screen]) window.__shown[s.dataset.screen] = Date.now(); }));"
                + "document.querySelectorAll('.screen').forEach((s) => obs.observe(s, {attributes: true,"
                + "  attributeFilter: ['hidden']}));"
                + "window.__obs = obs;");
        Chip chip = cards.prepare(p.name());
        long placed = System.currentTimeMillis();
        cards.place(chip);
        long identity = awaitShown(b, "identity", 30);
        assertThat(b.find("#id-name").getText()).isEqualTo(p.person().fullName());
        long click = System.currentTimeMillis();
        b.js("document.getElementById('identity-next').click();");
        awaitShown(b, "picker", 10);
        b.js("document.getElementById('proc-ct01').click();");
        long form = awaitShown(b, "form", 10);
        assertThat(b.find("#f-fullName").getAttribute("value")).isEqualTo(p.person().fullName());
        b.js("window.__obs.disconnect();");
        cards.remove();
        b.screen("attract");
        return new long[] {placed, identity, click, form};
    }

    private static long awaitShown(Browser b, String screen, int seconds) {
        Object t = b.until(d -> b.js("return window.__shown && window.__shown['" + screen + "'] || null"), seconds);
        return ((Number) t).longValue();
    }

    // ------------------------------------------------------------------------------- start-up and memory

    /**
     * The kiosk as its own process ({@code KioskMain}, default JVM options, the repository's configuration with PC/SC
     * off so that it cannot touch other readers): time to the first page as configured and in demo mode, then, in demo
     * mode, resident memory and heap after 100 demo reads through the HTTP API.
     */
    private String startUpAndMemory() throws Exception {
        StringBuilder md = new StringBuilder();
        StringBuilder memoryRows = new StringBuilder();
        md.append("#### Kiosk process (`KioskMain`, default JVM options, PC/SC off; demo cards without the link model)"
                + "\n\n| Figure | Value |\n|---|---:|\n");
        try (Browser b = Browser.start(profile.resolve("startup"))) {
            for (boolean demo : new boolean[] {false, true}) {
                double served = Double.MAX_VALUE;
                double page = Double.MAX_VALUE;
                for (int run = 0; run < STARTS; run++) {
                    Kiosk k = Kiosk.start(work.resolve((demo ? "demo" : "plain") + run), demo);
                    try {
                        long firstPage = k.awaitFirstPage();
                        b.driver.get(k.base.toString());
                        b.until(d -> "true".equals(b.js("return document.body.dataset.ready")), 60);
                        long ready = System.nanoTime();
                        served = Math.min(served, (firstPage - k.started) / 1e6);
                        page = Math.min(page, (ready - k.started) / 1e6);
                        if (demo && run == STARTS - 1) {
                            memoryRows.append(memory(k));
                        }
                    } finally {
                        k.stop();
                    }
                }
                String mode = demo ? "with `--demo`" : "as configured";
                md.append(String.format(Locale.ROOT, "| JVM start → first page served (HTTP 200 on /), %s; best of %d |"
                        + " %.0f ms |%n", mode, STARTS, served));
                md.append(String.format(Locale.ROOT, "| JVM start → first page ready in Chromium (already running), %s;"
                        + " best of %d | %.0f ms |%n", mode, STARTS, page));
            }
            md.append(memoryRows);
        }
        md.append(String.format(Locale.ROOT, "| Memory of this machine (a JVM's default maximum heap is a quarter of it)"
                + " | %.0f MB |%n%n", meminfoKb("MemTotal:") / 1024.0));
        return md.toString();
    }

    private String memory(Kiosk k) throws Exception {
        long rssStart = statusKb(k.process.pid(), "VmRSS:");
        long heapStart = heapUsedAfterGcKb(k.process.pid());
        long heapHalf = 0;
        for (int i = 0; i < READS_FOR_MEMORY; i++) {
            demoRead(k.http, k.base, PERSONAS.get(i % PERSONAS.size()));
            if (i + 1 == READS_FOR_MEMORY / 2) {
                heapHalf = heapUsedAfterGcKb(k.process.pid());
            }
        }

        long rssAfter = statusKb(k.process.pid(), "VmRSS:");
        long hwm = statusKb(k.process.pid(), "VmHWM:");
        long heapAfter = heapUsedAfterGcKb(k.process.pid());
        long rssAfterGc = statusKb(k.process.pid(), "VmRSS:");
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "| Resident memory after the first page (demo) | %.0f MB |%n", rssStart / 1024.0));
        md.append(String.format(Locale.ROOT, "| Resident memory after %d reads (portrait, verified; demo) | %.0f MB |%n",
                READS_FOR_MEMORY, rssAfter / 1024.0));
        md.append(String.format(Locale.ROOT, "| Peak resident memory (VmHWM) | %.0f MB |%n", hwm / 1024.0));
        md.append(String.format(Locale.ROOT, "| Resident memory after %d reads and a full GC | %.0f MB |%n",
                READS_FOR_MEMORY, rssAfterGc / 1024.0));
        md.append(String.format(Locale.ROOT, "| Java heap in use after a full GC: after the first page → after %d → after"
                + " %d reads | %.1f MB → %.1f MB → %.1f MB |%n", READS_FOR_MEMORY / 2, READS_FOR_MEMORY,
                heapStart / 1024.0, heapHalf / 1024.0, heapAfter / 1024.0));
        return md.toString();
    }

    /** A kiosk process on a free port. */
    private static final class Kiosk {
        final Process process;
        final long started;
        final HttpClient http = HttpClient.newHttpClient();
        URI base;
        private final CompletableFuture<URI> url = new CompletableFuture<>();

        private Kiosk(Process process, long started) {
            this.process = process;
            this.started = started;
            Thread pump = new Thread(() -> pump(process, url), "kiosk-output");
            pump.setDaemon(true);
            pump.start();
        }

        static Kiosk start(Path dir, boolean demo) throws IOException {
            Files.createDirectories(dir);
            Path repo = Path.of("").toAbsolutePath().getParent();
            Path config = dir.resolve("kiosk.properties");
            String props = Files.readString(repo.resolve("config/kiosk.properties"), StandardCharsets.UTF_8)
                    .replaceAll("(?m)^readers\\.pcsc=.*$", "readers.pcsc=false")
                    .replaceAll("(?m)^readers\\.pollMillis=.*$", "readers.pollMillis=100")
                    .replaceAll("(?m)^forms\\.dir=.*$", "forms.dir=" + repo.resolve("config/forms"))
                    .replaceAll("(?m)^trust\\.dirs=.*$", "trust.dirs=" + repo.resolve("config/trust"));
            Files.writeString(config, props, StandardCharsets.UTF_8);
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-cp", classPath,
                    "vn.cccd.kiosk.KioskMain", "--config", config.toString(), "--port", "0", "--data-dir",
                    dir.resolve("data").toString()));
            if (demo) {
                command.add("--demo");
            }
            long t0 = System.nanoTime();
            return new Kiosk(new ProcessBuilder(command).redirectErrorStream(true).start(), t0);
        }

        /** Waits for the first HTTP 200 on / and returns when it came (System.nanoTime). */
        long awaitFirstPage() throws Exception {
            base = url.get(120, TimeUnit.SECONDS);
            while (http.send(HttpRequest.newBuilder(base).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() != 200) {
                Thread.sleep(5);
            }
            return System.nanoTime();
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Runs a full GC in the process and returns the heap then in use (jcmd GC.run, GC.heap_info). */
    private static long heapUsedAfterGcKb(long pid) throws Exception {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
        if (!m.find()) {
            throw new IOException("no heap use in: " + info);
        }
        return Long.parseLong(m.group(1));
    }

    private static String jcmd(long pid, String command) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("jcmd " + command + " failed: " + out);
        }
        return out;
    }

    private static void pump(Process kiosk, CompletableFuture<URI> url) {
        Pattern started = Pattern.compile("CCCD kiosk: (http://[^ ]+)");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(kiosk.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                Matcher m = started.matcher(line);
                if (m.find()) {
                    url.complete(URI.create(m.group(1)));
                }
            }
            url.completeExceptionally(new IllegalStateException("the kiosk ended before serving"));
        } catch (IOException e) {
            url.completeExceptionally(e);
        }
    }

    /** One demo read through the API: session, consent, key, card on, wait for the read, done, card off. */
    private static void demoRead(HttpClient http, URI base, String persona) throws Exception {
        Persona p = Personas.builtIn(persona);
        post(http, base, "/api/session/start", Map.of(), 201);
        post(http, base, "/api/session/consent", Map.of("accepted", true, "textVersion", "bench", "lang", "vi"), 200);
        post(http, base, "/api/session/key", Map.of("idNumber", p.person().idNumber(), "dateOfBirth",
                p.person().dateOfBirth(), "issueDate", p.person().issueDate()), 200);
        post(http, base, "/api/demo/insert", Map.of("persona", persona), 200);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (get(http, base, "/api/session") != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no read within 30 s");
            }
            Thread.sleep(10);
        }
        send(http, HttpRequest.newBuilder(base.resolve("/api/session")).DELETE(), 204);
        post(http, base, "/api/demo/remove", Map.of(), 200);
        while (Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(base.resolve("/api/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body()).findValues("cardPresent").stream()
                .anyMatch(v -> v.asBoolean())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the card did not leave within 30 s");
            }
            Thread.sleep(10);
        }
    }

    private static void post(HttpClient http, URI base, String path, Object body, int status) throws Exception {
        send(http, HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8)), status);
    }

    private static void send(HttpClient http, HttpRequest.Builder request, int status) throws Exception {
        HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != status) {
            throw new AssertionError(request.build().uri() + ": expected " + status + ", got " + r.statusCode()
                    + ": " + r.body());
        }
    }

    private static int get(HttpClient http, URI base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static long statusKb(long pid, String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException(key + " not in /proc/" + pid + "/status");
    }

    private static long meminfoKb(String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException(key + " not in /proc/meminfo");
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
