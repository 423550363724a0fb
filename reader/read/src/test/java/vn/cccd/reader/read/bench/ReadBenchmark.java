package vn.cccd.reader.read.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.mock.link.ChipCosts;
import vn.cccd.mock.link.LinkModel;
import vn.cccd.mock.link.VirtualClock;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;
import vn.cccd.mock.pki.MockPki;
import vn.cccd.mock.testing.RecordingChip;
import vn.cccd.reader.lds.CardAccessFile;
import vn.cccd.reader.lds.LdsFile;
import vn.cccd.reader.model.Verification;
import vn.cccd.reader.read.DocumentReader;
import vn.cccd.reader.read.ProgressListener;
import vn.cccd.reader.read.ReadRequest;
import vn.cccd.reader.transport.CardTransport;
import vn.cccd.reader.transport.pcsc.PcscReaders;
import vn.cccd.reader.transport.TracingTransport;

/**
 * The read benchmark (issue 9): our reader and JMRTD 0.8.6 read the same persona's mock chip through the same
 * javax.smartcardio path (virtual PC/SC reader) and the same link model at 424 kbit/s, on a virtual clock, so the
 * modelled times are exact and the same on every machine; the link lower bound is computed from the files and the
 * protocol steps. Reports, never asserts speed: the figures go to {@code reader/read/target/bench/read-benchmark.md}
 * and to the console. Run with {@code mvn -B -o -Pbench verify} (see docs/BENCHMARKS.md).
 */
@Tag("bench")
class ReadBenchmark {
    static final int KBPS = 424;
    static final Duration TURNAROUND = LinkModel.DEFAULT_TURNAROUND;
    static final List<String> PERSONAS = List.of("dang-quoc-viet", "nguyen-thi-a");
    static final int HOST_WARMUP = 5;
    static final int HOST_RUNS = 15;
    static final int REAL_TIME_RUNS = 3;

    @TempDir
    static Path trust;

    /** What one read cost on the link. */
    record Cost(String who, long apdus, long sent, long received, Duration link) {
        double millis() {
            return link.toNanos() / 1e6;
        }
    }

    /** One persona, with or without the portrait: every contender and the bound. */
    record Case(String persona, boolean face, boolean extended, ChipCosts costs, Cost ours, Cost jmrtdDefault,
            Cost jmrtdBest, LinkLowerBound.Bound bound, Host host) {
    }

    /**
     * Our reader's own computing per read on this machine (median and best of {@link #HOST_RUNS}), and the wall time
     * of the best of {@link #REAL_TIME_RUNS} reads with the link model sleeping for real (a check of link + host).
     */
    record Host(double medianMillis, double bestMillis, double realTimeWallMillis) {
        static final Host NOT_MEASURED = new Host(Double.NaN, Double.NaN, Double.NaN);
    }

    @Test
    void readsSideBySideWithJmrtdAndTheLinkLimit() throws Exception {
        MockPki.instance().writeTrustAnchors(trust);
        List<Case> cases = new ArrayList<>();
        for (String name : PERSONAS) {
            Persona p = Personas.builtIn(name);
            ChipCosts costs = typicalCosts(p);
            for (boolean face : new boolean[] {true, false}) {
                cases.add(runCase(p, face, KBPS, TURNAROUND, costs, true));
            }
        }
        List<String> sensitivity = new ArrayList<>();
        for (String name : PERSONAS) {
            Persona p = Personas.builtIn(name);
            for (int kbps : new int[] {106, 212, 424, 848}) {
                sensitivity.add(sensitivityRow(runCase(p, true, kbps, TURNAROUND, typicalCosts(p), false), kbps, TURNAROUND));
            }
            for (int ms : new int[] {2, 10, 20}) {
                sensitivity.add(sensitivityRow(runCase(p, true, KBPS, Duration.ofMillis(ms), typicalCosts(p), false),
                        KBPS, Duration.ofMillis(ms)));
            }
            Case linkOnly = runCase(p, true, KBPS, TURNAROUND, ChipCosts.NONE, false);
            sensitivity.add(sensitivityRow(linkOnly, KBPS, TURNAROUND).replace("| " + name + " |", "| " + name
                    + " (no chip costs) |"));
        }
        String report = BenchReport.read(cases, sensitivity);
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        Files.writeString(out.resolve("read-benchmark.md"), report);
        System.out.println(report);
    }

    /** The chip costs the benchmark assumes (ChipCosts.typical: documented estimates), by the persona's AA key. */
    static ChipCosts typicalCosts(Persona p) {
        return ChipCosts.typical(p.activeAuthentication() == Persona.KeyType.RSA);
    }

    private static String sensitivityRow(Case c, int kbps, Duration turnaround) {
        return String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %.0f | %.0f | %.0f | %.2f | %.2f |", c.persona(), kbps,
                turnaround.toMillis(), c.ours().millis(), c.jmrtdDefault().millis(), c.jmrtdBest().millis(),
                c.bound().nanos() / 1e6, c.ours().millis() / c.jmrtdDefault().millis(),
                c.ours().millis() * 1e6 / c.bound().nanos());
    }

    static Case runCase(Persona p, boolean face, int kbps, Duration turnaround, ChipCosts costs, boolean hostTime)
            throws Exception {
        BenchCard ours = new BenchCard(p, kbps, turnaround, costs);
        DocumentReader.Outcome outcome = readWithOurs(ours, face);
        assertThat(outcome.result().verification().overall()).as(p.name()).isEqualTo(Verification.Overall.AUTHENTIC);
        Map<LdsFile, byte[]> files = new EnumMap<>(LdsFile.class);
        for (LdsFile f : outcome.files().present()) {
            if (f != LdsFile.CARD_ACCESS) {
                files.put(f, outcome.files().get(f).orElseThrow());
            }
        }
        Cost oursCost = cost("ours", ours);
        Cost jmrtdDefault = jmrtd(p, face, kbps, turnaround, costs, JmrtdContender.Settings.DEFAULT, files);
        Cost jmrtdBest = jmrtd(p, face, kbps, turnaround, costs, JmrtdContender.Settings.BEST, files);
        byte[] cardAccess = outcome.files().get(LdsFile.CARD_ACCESS).orElse(null);
        int accessBlock = cardAccess == null ? 8
                : CardAccessFile.parse(cardAccess).securityInfos().paceInfos().get(0).protocol().endsWith(".1") ? 8 : 16;
        LinkModel model = new LinkModel(ours.recorder, kbps, turnaround, costs, new VirtualClock());
        LinkLowerBound.Bound bound = LinkLowerBound.of(model, files, ours.recorder.exchanges(), ours.extendedLength,
                accessBlock, cardAccess == null ? 2 : cardAccess.length + 2);
        Host host = hostTime ? host(p, face, kbps, turnaround, costs) : Host.NOT_MEASURED;
        return new Case(p.name(), face, ours.extendedLength, costs, oursCost, jmrtdDefault, jmrtdBest, bound, host);
    }

    private static DocumentReader.Outcome readWithOurs(BenchCard card, boolean face) {
        PcscReaders readers = card.readers();
        CardTransport transport = TracingTransport.standard(readers.connect(readers.terminal(BenchCard.READER)));
        try {
            ReadRequest request = new ReadRequest(List.of(card.bacKey),
                    face, List.of(trust));
            return new DocumentReader().readWithFiles(transport, request, ProgressListener.NONE);
        } finally {
            transport.close();
        }
    }

    /** JMRTD's read of the same card; it must read the same bytes as ours. */
    private static Cost jmrtd(Persona p, boolean face, int kbps, Duration turnaround, ChipCosts costs,
            JmrtdContender.Settings settings, Map<LdsFile, byte[]> ours) throws Exception {
        BenchCard card = new BenchCard(p, kbps, turnaround, costs);
        Map<Integer, byte[]> read = JmrtdContender.read(card, settings, face);
        for (Map.Entry<LdsFile, byte[]> f : ours.entrySet()) {
            assertThat(read.get(f.getKey().fid())).as("JMRTD %s read %s", settings, f.getKey()).isNotNull();
            assertThat(Arrays.equals(read.get(f.getKey().fid()), f.getValue())).as("same %s", f.getKey()).isTrue();
        }
        return cost("JMRTD 0.8.6 " + (settings == JmrtdContender.Settings.DEFAULT ? "default" : "best"), card);
    }

    private static Cost cost(String who, BenchCard card) {
        return new Cost(who, card.link.apdus(), card.link.bytesSent(), card.link.bytesReceived(), card.link.simulatedTime());
    }

    /**
     * Our reader's own computing time per read on this machine: the wall time of a read on the virtual link clock (so
     * no link time in it) less the time the mock chip computed its answers (a real chip does that on the card, and
     * the link model charges it); then a few reads with the link sleeping for real.
     */
    private static Host host(Persona p, boolean face, int kbps, Duration turnaround, ChipCosts costs) {
        double[] runs = new double[HOST_RUNS];
        for (int i = -HOST_WARMUP; i < HOST_RUNS; i++) {
            BenchCard card = new BenchCard(p, kbps, turnaround, costs);
            long t0 = System.nanoTime();
            readWithOurs(card, face);
            long t = System.nanoTime() - t0 - card.recorder.processingNanos();
            if (i >= 0) {
                runs[i] = t / 1e6;
            }
        }
        Arrays.sort(runs);
        double wall = Double.MAX_VALUE;
        for (int i = 0; i < REAL_TIME_RUNS; i++) {
            BenchCard card = new BenchCard(p, kbps, turnaround, costs, true);
            long t0 = System.nanoTime();
            readWithOurs(card, face);
            wall = Math.min(wall, (System.nanoTime() - t0 - card.recorder.processingNanos()) / 1e6);
        }
        return new Host(runs[HOST_RUNS / 2], runs[0], wall);
    }
}
