package vn.cccd.reader.qr.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import vn.cccd.reader.qr.QrImageDecoder;
import vn.cccd.reader.qr.QrSamples;
import vn.cccd.reader.qr.QrTestImages;
import vn.cccd.reader.qr.QrTestImages.Distortion;

/**
 * QR decoding benchmark: generates a seeded set of distorted camera-like frames (1280 × 720 by default) holding CCCD
 * / Căn cước payloads, then decodes every frame with our decoder and with {@code zbarimg --raw -Sbinary} and reports
 * success rate (exact payload, diacritics included) and time per frame, side by side. Run through {@link
 * QrBenchmark} (JUnit tag "bench", see docs/BENCHMARKS.md):
 *
 * <pre>
 * mvn -B -o -Pbench test -pl reader/qr -am -Dtest=QrBenchmark \
 *     -Dqr.bench.args="--per-kind 40 --seed 2026 --markdown ../../docs/BENCHMARKS.md"
 * </pre>
 *
 * Options: {@code --per-kind N}, {@code --seed S}, {@code --size 1280x720}, {@code --dir target/qr-bench} (the frames
 * are kept there), {@code --markdown FILE} (the section between the qr-bench markers is replaced), {@code --no-zbar}.
 */
public final class QrBench {
    private static final String START = "<!-- qr-bench:start -->";
    private static final String END = "<!-- qr-bench:end -->";

    record Frame(Distortion kind, String payload, Path file) {
    }

    /** One decoding: right, wrong, wall time and (ours only) the decoding thread's CPU time, NaN when unknown. */
    record Outcome(boolean ok, boolean wrong, double millis, double cpuMillis) {
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** What a run found: the report (Markdown) and the wrong payloads our decoder returned (must be 0). */
    public record Result(String markdown, int oursWrong) {
    }

    private QrBench() {
    }

    /** Runs the benchmark with command-line style options (relative paths against the working directory). */
    public static Result run(List<String> args) throws IOException, InterruptedException {
        int perKind = 40;
        long seed = 2026;
        int width = 1280;
        int height = 720;
        Path dir = Path.of("target", "qr-bench");
        Path markdown = null;
        boolean zbar = true;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--per-kind" -> perKind = Integer.parseInt(value(args, ++i, a));
                case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
                case "--size" -> {
                    String[] s = value(args, ++i, a).split("x");
                    width = Integer.parseInt(s[0]);
                    height = Integer.parseInt(s[1]);
                }
                case "--dir" -> dir = Path.of(value(args, ++i, a));
                case "--markdown" -> markdown = Path.of(value(args, ++i, a));
                case "--no-zbar" -> zbar = false;
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        List<Frame> frames = generate(perKind, seed, width, height, dir);
        System.err.printf("%d frames in %s%n", frames.size(), dir);

        QrImageDecoder decoder = new QrImageDecoder();
        // warm-up: the kiosk is a long-running JVM, so steady-state time is what a person waits for
        for (int round = 0; round < 2; round++) {
            for (Frame f : frames) {
                decoder.decodeTexts(Files.readAllBytes(f.file()), QrImageDecoder.Effort.THOROUGH);
                decoder.decodeTexts(Files.readAllBytes(f.file()), QrImageDecoder.Effort.FRAME);
            }
        }
        List<Outcome> ours = new ArrayList<>();
        List<Outcome> oursFrame = new ArrayList<>();
        for (Frame f : frames) {
            byte[] bytes = Files.readAllBytes(f.file());
            ours.add(ours(decoder, bytes, f.payload(), QrImageDecoder.Effort.THOROUGH));
            oursFrame.add(ours(decoder, bytes, f.payload(), QrImageDecoder.Effort.FRAME));
        }
        // frames without a code: what every frame costs while the camera view waits for a card
        List<Outcome> emptyFrame = new ArrayList<>();
        Random emptyRnd = new Random(seed * 17 + 3);
        for (int i = 0; i < perKind; i++) {
            byte[] bytes = QrTestImages.jpeg(QrTestImages.emptyScene(emptyRnd, width, height), 0.85f);
            decoder.decodeTexts(bytes, QrImageDecoder.Effort.FRAME); // warm-up
            emptyFrame.add(ours(decoder, bytes, null, QrImageDecoder.Effort.FRAME));
        }
        List<Outcome> theirs = null;
        double zbarBatchMillis = Double.NaN;
        String zbarVersion = null;
        if (zbar) {
            zbarVersion = zbarVersion();
        }
        if (zbarVersion != null) {
            theirs = new ArrayList<>();
            for (Frame f : frames) {
                theirs.add(zbar(f));
            }
            zbarBatchMillis = zbarBatch(frames);
        }
        String report = report(frames, ours, oursFrame, theirs, zbarBatchMillis, zbarVersion, perKind, seed, width,
                height, loadAtStart) + emptyReport(emptyFrame);
        if (markdown != null) {
            writeSection(markdown, report);
            System.err.println("written to " + markdown);
        }
        int wrong = (int) (ours.stream().filter(Outcome::wrong).count()
                + oursFrame.stream().filter(Outcome::wrong).count() + emptyFrame.stream().filter(Outcome::wrong).count());
        return new Result(report, wrong);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    /** The version of zbarimg, or null when it is not installed (Debian package zbar-tools). */
    private static String zbarVersion() throws InterruptedException {
        try {
            return command(List.of("zbarimg", "--version")).trim();
        } catch (IOException e) {
            System.err.println("zbarimg not found (Debian package zbar-tools): compared with nothing");
            return null;
        }
    }

    static List<Frame> generate(int perKind, long seed, int width, int height, Path dir) throws IOException {
        Files.createDirectories(dir);
        QrSamples samples = new QrSamples(seed);
        Random rnd = new Random(seed * 31 + 7);
        List<Frame> frames = new ArrayList<>();
        for (Distortion kind : Distortion.values()) {
            for (int i = 0; i < perKind; i++) {
                String payload = samples.next().payload();
                QrTestImages.Picture p = QrTestImages.picture(payload, kind, rnd, width, height);
                Path file = dir.resolve(String.format(Locale.ROOT, "%s-%03d.%s", kind.name().toLowerCase(Locale.ROOT),
                        i, p.extension()));
                Files.write(file, p.bytes());
                frames.add(new Frame(kind, payload, file));
            }
        }
        return frames;
    }

    static Outcome ours(QrImageDecoder decoder, byte[] bytes, String expected, QrImageDecoder.Effort effort) {
        boolean cpu = THREADS.isCurrentThreadCpuTimeSupported();
        long c0 = cpu ? THREADS.getCurrentThreadCpuTime() : 0;
        long t0 = System.nanoTime();
        List<String> texts = decoder.decodeTexts(bytes, effort);
        double ms = (System.nanoTime() - t0) / 1e6;
        double cpuMs = cpu ? (THREADS.getCurrentThreadCpuTime() - c0) / 1e6 : Double.NaN;
        // no code expected: anything found is wrong
        boolean ok = expected == null ? texts.isEmpty() : texts.contains(expected);
        return new Outcome(ok, !ok && !texts.isEmpty(), ms, cpuMs);
    }

    static Outcome zbar(Frame f) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("zbarimg", "--raw", "-Sbinary", "-q", f.file().toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        p.waitFor(60, TimeUnit.SECONDS);
        double ms = (System.nanoTime() - t0) / 1e6;
        byte[] expected = f.payload().getBytes(StandardCharsets.UTF_8);
        byte[] got = out;
        if (got.length == expected.length + 1 && got[got.length - 1] == '\n') {
            got = Arrays.copyOf(got, got.length - 1);
        }
        boolean ok = Arrays.equals(got, expected);
        return new Outcome(ok, !ok && out.length > 0, ms, Double.NaN);
    }

    /** One zbarimg process over every frame: its time per frame without process start-up. */
    static double zbarBatch(List<Frame> frames) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("zbarimg", "--raw", "-Sbinary", "-q"));
        for (Frame f : frames) {
            cmd.add(f.file().toString());
        }
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor(30, TimeUnit.MINUTES);
        return (System.nanoTime() - t0) / 1e6 / frames.size();
    }

    static String command(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        p.waitFor(30, TimeUnit.SECONDS);
        return out.toString(StandardCharsets.UTF_8);
    }

    static String report(List<Frame> frames, List<Outcome> ours, List<Outcome> oursFrame, List<Outcome> theirs,
            double zbarBatch, String zbarVersion, int perKind, long seed, int width, int height, double loadAtStart) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Run: %d frames (%d per kind), %dx%d, seed %d; %d CPU cores; Java %s; "
                + "zbarimg %s; load average %.1f at the start, %.1f at the end (the machine is shared: wall times "
                + "grow with the load, CPU times much less).%n%n", frames.size(), perKind, width, height, seed,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                zbarVersion == null ? "not run" : zbarVersion, loadAtStart,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        sb.append("| Kind | ours: decoded | ours: wrong text | ours (frame effort): decoded | ours (frame effort): "
                + "wrong text | zbarimg: decoded | zbarimg: wrong bytes |\n|---|---|---|---|---|---|---|\n");
        Map<Distortion, int[]> counts = new EnumMap<>(Distortion.class);
        for (int i = 0; i < frames.size(); i++) {
            int[] c = counts.computeIfAbsent(frames.get(i).kind(), k -> new int[7]);
            c[0] += ours.get(i).ok() ? 1 : 0;
            c[1] += ours.get(i).wrong() ? 1 : 0;
            c[2] += oursFrame.get(i).ok() ? 1 : 0;
            c[3] += theirs != null && theirs.get(i).ok() ? 1 : 0;
            c[4] += theirs != null && theirs.get(i).wrong() ? 1 : 0;
            c[5]++;
            c[6] += oursFrame.get(i).wrong() ? 1 : 0;
        }
        int[] total = new int[7];
        for (Map.Entry<Distortion, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            sb.append(row(e.getKey().name().toLowerCase(Locale.ROOT), c, theirs != null));
            for (int k = 0; k < 7; k++) {
                total[k] += c[k];
            }
        }
        sb.append(row("**all**", total, theirs != null));
        sb.append("\n| Time per frame (ms) | median | p90 | max | mean |\n|---|---|---|---|---|\n");
        sb.append(times("ours, every pass (file bytes → text: image decoding included)", ours, Outcome::millis));
        sb.append(times("ours, frame effort (camera frames in the kiosk)", oursFrame, Outcome::millis));
        sb.append(times("ours, every pass: CPU time of the decoding thread", ours, Outcome::cpuMillis));
        sb.append(times("ours, frame effort: CPU time of the decoding thread", oursFrame, Outcome::cpuMillis));
        if (theirs != null) {
            sb.append(times("zbarimg, one process per frame (start-up included)", theirs, Outcome::millis));
            sb.append(String.format(Locale.ROOT, "| zbarimg, one process for all frames (mean) | | | | %.1f |%n",
                    zbarBatch));
        }
        return sb.toString();
    }

    private static String emptyReport(List<Outcome> empty) {
        return String.format(Locale.ROOT, "%nFrames without a code (%d, the same background, JPEG 85; frame effort: "
                + "every camera-frame pass runs): %d with a text found (must be 0).%n%n"
                + "| Time per frame without a code (ms) | median | p90 | max | mean |%n|---|---|---|---|---|%n",
                empty.size(), empty.stream().filter(Outcome::wrong).count())
                + times("ours, frame effort: wall time", empty, Outcome::millis)
                + times("ours, frame effort: CPU time of the decoding thread", empty, Outcome::cpuMillis);
    }

    private static String row(String name, int[] c, boolean zbar) {
        return String.format(Locale.ROOT, "| %s | %d/%d (%.0f %%) | %d | %d/%d (%.0f %%) | %d | %s | %s |%n", name, c[0],
                c[5], 100.0 * c[0] / c[5], c[1], c[2], c[5], 100.0 * c[2] / c[5], c[6],
                zbar ? String.format(Locale.ROOT, "%d/%d (%.0f %%)", c[3], c[5], 100.0 * c[3] / c[5]) : "not run",
                zbar ? Integer.toString(c[4]) : "");
    }

    private static String times(String name, List<Outcome> outcomes, ToDoubleFunction<Outcome> time) {
        double[] t = outcomes.stream().mapToDouble(time).sorted().toArray();
        double mean = Arrays.stream(t).average().orElse(Double.NaN);
        return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f |%n", name, pct(t, 50), pct(t, 90),
                t[t.length - 1], mean);
    }

    private static double pct(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** Replaces the generated section of the benchmark page, keeping everything around it. */
    static void writeSection(Path file, String report) throws IOException {
        String section = START + "\n" + report.strip() + "\n" + END;
        String text = Files.exists(file) ? Files.readString(file) : "";
        int a = text.indexOf(START);
        int b = text.indexOf(END);
        if (a >= 0 && b > a) {
            text = text.substring(0, a) + section + text.substring(b + END.length());
        } else {
            text = text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + section + "\n";
        }
        Files.writeString(file, text);
    }
}
