package vn.cccd.reader.qr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The QR decoding benchmark (issue 5) beside {@code zbarimg}; excluded from every normal build (tag "bench"). Options
 * of {@link QrBench} come from the system property {@code qr.bench.args}:
 *
 * <pre>
 * mvn -B -o -Pbench test -pl reader/qr -am -Dtest=QrBenchmark \
 *     -Dqr.bench.args="--per-kind 40 --seed 2026 --markdown ../../docs/BENCHMARKS.md"
 * </pre>
 *
 * The report goes to the console and {@code reader/qr/target/bench/qr-benchmark.md}. Speed is never asserted; the run
 * fails only when our decoder returned a wrong payload for a frame, which must never happen.
 */
@Tag("bench")
class QrBenchmark {

    @Test
    void decodesSideBySideWithZbarimg() throws Exception {
        String args = System.getProperty("qr.bench.args", "").strip();
        List<String> options = args.isEmpty() ? List.of() : Arrays.asList(args.split("\\s+"));
        QrBench.Result result = QrBench.run(options);
        System.out.println(result.markdown());
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        Files.writeString(out.resolve("qr-benchmark.md"), result.markdown());
        assertThat(result.oursWrong()).as("frames for which our decoder returned a wrong payload").isZero();
    }
}
