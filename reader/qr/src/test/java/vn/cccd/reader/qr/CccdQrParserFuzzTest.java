package vn.cccd.reader.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.cccd.reader.error.ReaderException;
import vn.cccd.reader.lds.Mutations;

/**
 * Seeded mutation fuzzing of the QR text parser, the "QR-text" row of the reader's parser fuzzing (its other parsers:
 * {@code ParserFuzzTest} in reader/core; docs/FUZZING.md). Each mutated text gives a value or a typed
 * {@link ReaderException}, never another exception, and no input takes a second of the parsing thread's CPU time.
 * The normal suite runs a short pass; {@code -Dfuzz.iterations=N} for the long run.
 */
class CccdQrParserFuzzTest {
    private static final int ITERATIONS = Integer.getInteger("fuzz.iterations", 400);
    private static final byte[] VALID = "001090123456|012345678|Nguyễn Văn An|01011990|Nam|Số 1 Phố Huế, Hà Nội|15042021"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void mutatedTextsGiveAValueOrATypedError() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Random rnd = new Random("QR-text".hashCode() * 31L + ITERATIONS);
        long slowest = 0;
        long slowestCpu = 0;
        long typed = 0;
        long start = System.nanoTime();
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] input = i == 0 ? VALID : Mutations.mutate(VALID, rnd);
            long t0 = System.nanoTime();
            long cpu0 = threads.getCurrentThreadCpuTime();
            try {
                CccdQrParser.parse(new String(input, StandardCharsets.UTF_8), LocalDate.of(2026, 11, 22));
            } catch (ReaderException expected) {
                typed++;
            } catch (RuntimeException | Error e) {
                fail("QR-text threw " + e + " for input #" + i + " of " + input.length + " bytes", e);
            }
            slowest = Math.max(slowest, System.nanoTime() - t0);
            slowestCpu = Math.max(slowestCpu, threads.getCurrentThreadCpuTime() - cpu0);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "fuzz-report-QR-text.md"),
                "| parser | inputs | typed errors | slowest input, CPU (ms) | slowest input, wall (ms) | inputs/s |\n"
                        + "|---|---|---|---|---|---|\n"
                        + String.format(Locale.ROOT, "| QR-text | %d | %d | %.1f | %.1f | %.0f |%n", ITERATIONS, typed,
                                slowestCpu / 1e6, slowest / 1e6, ITERATIONS / seconds));
        // a hang guard, not a speed goal (as ParserFuzzTest)
        assertThat(slowestCpu).as("slowest input (CPU ns)").isLessThan(1_000_000_000L);
    }
}
