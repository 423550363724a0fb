package vn.cccd.kiosk.cards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.kiosk.store.ProcessingLog;
import vn.cccd.mock.MockCards;
import vn.cccd.mock.pcsc.VirtualTerminals;
import vn.cccd.mock.persona.DocumentFactory;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;
import vn.cccd.mock.pki.MockPki;
import vn.cccd.reader.keys.AccessKey;

/**
 * Soak (issue 8, item 6): N consecutive sessions through the kiosk's {@link CardService} in-process (consent, key,
 * full read with the portrait and verification, done), over the PC/SC card source and the mock card's
 * javax.smartcardio provider. Heap after GC, live threads and open file descriptors are sampled after a warm-up
 * and every N/10 sessions; at the end the heap is within 10 % of the start and there is no growth in threads or
 * descriptors. Tag {@code soak}: excluded from the normal build; run with
 * {@code mvn -B -o -Psoak test -pl kiosk -am -Dsoak.reads=10000} (default 10000). Figures go to
 * {@code kiosk/target/soak/soak.md} (docs/SOAK.md has a recorded run).
 */
@Tag("soak")
class CardServiceSoakTest {
    private static final String READER = "Soak Reader 00";
    private static final int WARM_UP = 100;

    @TempDir
    Path trust;

    record Sample(int reads, double seconds, long heapBytes, int threads, long fds) {
    }

    @Test
    void consecutiveReadsLeaveHeapThreadsAndFileDescriptorsFlat() throws Exception {
        int reads = Integer.getInteger("soak.reads", 10_000);
        MockPki.instance().writeTrustAnchors(trust);
        Persona p = Personas.builtIn("nguyen-thi-hong-nhung");
        List<AccessKey> keys = List.of(DocumentFactory.profile(p, List.of()).bacKey());
        VirtualTerminals terminals = new VirtualTerminals(READER);
        terminals.terminal(READER).insert(MockCards.chip(p.name()));
        BlockingQueue<String> outcomes = new LinkedBlockingQueue<>();
        CardService service = new CardService(new PcscCardSource(terminals::terminalFactory, DocumentReading.library()),
                (name, data) -> {
                    if (name.equals("read-complete")) {
                        outcomes.add(String.valueOf(((Map<?, ?>) data).get("overall")));
                    } else if (name.equals("read-failed")) {
                        outcomes.add("failed: " + data);
                    }
                }, Clock.systemUTC(), new CardService.Settings(Duration.ofMillis(20), Duration.ofMinutes(30),
                        Duration.ofMinutes(1), List.of(trust), true), ProcessingLog.none());
        service.open();
        List<Sample> samples = new ArrayList<>();
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (service.readers().stream().noneMatch(ReaderStatus::cardPresent)) {
                assertThat(System.nanoTime()).as("the card is seen").isLessThan(until);
                Thread.sleep(20);
            }
            for (int i = 0; i < WARM_UP; i++) {
                session(service, keys, outcomes);
            }
            long t0 = System.nanoTime();
            samples.add(sample(0, t0));
            int every = Math.max(1, reads / 10);
            for (int i = 1; i <= reads; i++) {
                session(service, keys, outcomes);
                if (i % every == 0 || i == reads) {
                    samples.add(sample(i, t0));
                    write(reads, samples); // also while running: a long run shows where it stands
                }
            }
        } finally {
            service.close();
        }
        Sample start = samples.get(0);
        Sample end = samples.get(samples.size() - 1);
        assertThat(end.reads()).isEqualTo(reads);
        assertThat(end.heapBytes()).as("heap after GC at the end vs the start").isLessThanOrEqualTo(start.heapBytes() * 11 / 10);
        // the poll thread and the JDK's own may come and go by one or two
        assertThat(end.threads()).as("live threads").isLessThanOrEqualTo(start.threads() + 2);
        assertThat(end.fds()).as("open file descriptors").isLessThanOrEqualTo(start.fds() + 2);
    }

    /** One person: start, agree, key, the read, done. */
    private static void session(CardService service, List<AccessKey> keys, BlockingQueue<String> outcomes)
            throws InterruptedException {
        service.begin();
        service.consent(new Consent("soak", "vi", "prefill-forms", Instant.now()));
        service.key(keys);
        String outcome = outcomes.poll(60, TimeUnit.SECONDS);
        assertThat(outcome).as("the read's outcome").isEqualTo("AUTHENTIC");
        assertThat(service.cards()).hasSize(1);
        service.done();
        assertThat(service.cards()).isEmpty();
    }

    private static Sample sample(int reads, long t0) throws IOException, InterruptedException {
        double seconds = (System.nanoTime() - t0) / 1e9;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100); // also lets a finished read's exchange thread end
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        long fds;
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            fds = s.count();
        }
        return new Sample(reads, seconds, heap, threads, fds);
    }

    private static void write(int reads, List<Sample> samples) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Soak: ").append(reads).append(" consecutive sessions through CardService\n\n");
        md.append("JVM ").append(System.getProperty("java.vm.version")).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" processors, max heap ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MiB; sampled after ")
                .append(WARM_UP).append(" warm-up sessions.\n\n");
        md.append("| sessions | elapsed s | heap after GC (MiB) | threads | open fds |\n|---:|---:|---:|---:|---:|\n");
        for (Sample s : samples) {
            md.append(String.format("| %d | %.1f | %.2f | %d | %d |%n", s.reads(), s.seconds(),
                    s.heapBytes() / (1024.0 * 1024.0), s.threads(), s.fds()));
        }
        Sample first = samples.get(0);
        Sample last = samples.get(samples.size() - 1);
        md.append(String.format("%nHeap change %+.1f %%, threads %+d, fds %+d; %.1f ms per session.%n",
                100.0 * (last.heapBytes() - first.heapBytes()) / first.heapBytes(), last.threads() - first.threads(),
                last.fds() - first.fds(), last.reads() == 0 ? 0 : 1000 * last.seconds() / last.reads()));
        Path dir = Path.of("target", "soak");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("soak.md"), md.toString(), StandardCharsets.UTF_8);
    }
}
