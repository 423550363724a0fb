package vn.cccd.reader.lds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cccd.reader.apdu.ResponseApdu;
import vn.cccd.reader.error.ReaderException;
import vn.cccd.reader.sm.SmSession;
import vn.cccd.reader.sm.TdesSmCipher;
import vn.cccd.reader.testing.TestPki;
import vn.cccd.reader.tlv.Tlv;
import vn.cccd.reader.verify.PassiveAuthenticator;
import vn.cccd.reader.verify.TrustStore;

/**
 * Seeded mutation fuzzing of every parser a card, a file or a QR code feeds: the TLV reader, every LDS file, the
 * SOD with Passive Authentication and secure messaging unwrapping (the QR text parser: {@code CccdQrParserFuzzTest}
 * in reader/qr). Each input must give a
 * value or a typed {@link ReaderException}, never another exception; the slowest input and the throughput are
 * reported. The normal suite runs a short pass; the long run is
 * {@code mvn -B -o -pl reader/core test -Dtest=ParserFuzzTest -Dfuzz.iterations=1000000} (figures in docs/FUZZING.md).
 */
class ParserFuzzTest {
    static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 400);
    /** Comma-separated parser names to run (all when empty), for splitting the long run. */
    static final List<String> ONLY = Stream.of(System.getProperty("fuzz.targets", "").split(","))
            .map(String::strip).filter(x -> !x.isEmpty()).toList();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    static final List<String> REPORT = new ArrayList<>();

    record Target(String name, Function<byte[], ?> parser, byte[] valid) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Target> targets() {
        List<Target> all = new ArrayList<>();
        for (HostileInputTest.Target t : HostileInputTest.targets()) {
            all.add(new Target(t.name(), t.parser(), t.valid()));
        }
        all.add(new Target("TLV", Tlv::parseAll, HostileInputTest.targets().get(0).valid()));
        TestPki.Issued csca = TestPki.csca("fuzz CSCA", TestPki.ec("fuzz-csca", "secp384r1"), "SHA384withECDSA");
        TestPki.Issued ds = TestPki.documentSigner("fuzz DS", TestPki.ec("fuzz-ds", "secp256r1"), csca, "SHA384withECDSA");
        byte[] dg1 = new Dg1File(Mrz.parse(MrzTest.CCCD_MRZ)).encode();
        byte[] dg13 = HostileInputTest.targets().get(HostileInputTest.targets().size() - 1).valid();
        byte[] sod = SodFile.build("SHA-256", Map.of(1, dg1, 13, dg13), ds.certificate(),
                TestPki.signer("SHA256withECDSA", ds.keys().getPrivate()));
        PassiveAuthenticator pa = new PassiveAuthenticator(new TrustStore(List.of(csca.certificate()), List.of(), List.of()));
        all.add(new Target("SOD", SodFile::parse, sod));
        all.add(new Target("SOD+PA", b -> pa.check(b, Map.of("DG1", dg1, "DG13", dg13)), sod));
        byte[] key = new byte[16];
        SmSession chip = new SmSession(new TdesSmCipher(key, key), new byte[8]);
        byte[] answer = chip.protect(ResponseApdu.of(dg1, 0x9000), false).toBytes();
        all.add(new Target("SM-unwrap", b -> new SmSession(new TdesSmCipher(key, key), new byte[8])
                .unprotect(ResponseApdu.parse(b)), answer));
        return all.stream().filter(t -> ONLY.isEmpty() || ONLY.contains(t.name()));
    }

    @ParameterizedTest
    @MethodSource("targets")
    void mutatedInputsGiveAValueOrATypedError(Target t) {
        Random rnd = new Random(t.name().hashCode() * 31L + ITERATIONS);
        long slowest = 0;
        long slowestCpu = 0;
        long typed = 0;
        long start = System.nanoTime();
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] input = i == 0 ? t.valid() : HostileInputTest.mutate(t.valid(), rnd);
            long t0 = System.nanoTime();
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            try {
                t.parser().apply(input);
            } catch (ReaderException expected) {
                typed++;
            } catch (RuntimeException | Error e) {
                fail(t.name() + " threw " + e + " for input #" + i + " of " + input.length + " bytes", e);
            }
            slowest = Math.max(slowest, System.nanoTime() - t0);
            slowestCpu = Math.max(slowestCpu, THREADS.getCurrentThreadCpuTime() - cpu0);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        REPORT.add(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.0f |", t.name(), ITERATIONS, typed,
                slowestCpu / 1e6, slowest / 1e6, ITERATIONS / seconds));
        // a hang guard, not a speed goal: no single input may take a second of the parsing thread's own time (wall
        // time on a shared machine also counts other processes and GC pauses; it is reported beside)
        assertThat(slowestCpu).as("slowest input of %s (CPU ns)", t.name()).isLessThan(1_000_000_000L);
    }

    @AfterAll
    static void report() throws Exception {
        Runtime rt = Runtime.getRuntime();
        String text = "| parser | inputs | typed errors | slowest input, CPU (ms) | slowest input, wall (ms) | inputs/s |\n"
                + "|---|---|---|---|---|---|\n"
                + String.join("\n", REPORT) + "\n\nheap in use at the end: " + (rt.totalMemory() - rt.freeMemory()) / (1 << 20)
                + " MiB of max " + rt.maxMemory() / (1 << 20) + " MiB\n";
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "fuzz-report" + (ONLY.isEmpty() ? "" : "-" + String.join("-", ONLY)
                .replaceAll("[^A-Za-z0-9-]", "")) + ".md"), text);
    }
}
