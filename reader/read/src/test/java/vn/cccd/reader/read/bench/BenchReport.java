package vn.cccd.reader.read.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The benchmark's Markdown, ready to paste into docs/BENCHMARKS.md. */
final class BenchReport {
    /** Goals of issue 9. */
    static final double GOAL_VS_JMRTD_DEFAULT = 0.6;
    static final double GOAL_VS_BOUND = 1.3;
    static final double GOAL_NO_FACE_MILLIS = 500;

    private BenchReport() {
    }

    static String read(List<ReadBenchmark.Case> cases, List<String> sensitivity) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Link model: %d kbit/s, turnaround %d ms per APDU, chip costs per"
                + " ChipCosts.typical (key agreement %d ms, Active Authentication RSA-2048 %d ms / ECDSA P-256 %d ms)."
                + " Machine: %s.%n%n", ReadBenchmark.KBPS, ReadBenchmark.TURNAROUND.toMillis(),
                vn.cccd.mock.link.ChipCosts.TYPICAL_KEY_AGREEMENT.toMillis(),
                vn.cccd.mock.link.ChipCosts.TYPICAL_RSA_2048_SIGNATURE.toMillis(),
                vn.cccd.mock.link.ChipCosts.TYPICAL_ECDSA_P256_SIGNATURE.toMillis(), machine()));
        for (ReadBenchmark.Case c : cases) {
            md.append(String.format(Locale.ROOT, "#### %s, %s (%s)%n%n", c.persona(),
                    c.face() ? "full read with portrait" : "read without portrait",
                    c.extended() ? "chip with extended length" : "chip without extended length"));
            md.append("| Reader | APDUs | Bytes sent | Bytes received | Modelled time (ms) | ours / this |\n");
            md.append("|---|---:|---:|---:|---:|---:|\n");
            for (ReadBenchmark.Cost k : List.of(c.ours(), c.jmrtdDefault(), c.jmrtdBest())) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.1f | %.2f |%n", k.who(), k.apdus(), k.sent(),
                        k.received(), k.millis(), c.ours().millis() / k.millis()));
            }
            LinkLowerBound.Bound b = c.bound();
            md.append(String.format(Locale.ROOT, "| link lower bound | %d | %d | %d | %.1f | %.2f |%n%n", b.apdus(),
                    b.bytesSent(), b.bytesReceived(), b.nanos() / 1e6, c.ours().millis() * 1e6 / b.nanos()));
            ReadBenchmark.Host h = c.host();
            md.append(String.format(Locale.ROOT, "Our reader's own computing on this machine (secure messaging, "
                    + "Passive Authentication, portrait decoding; %d reads): median %.0f ms, best %.0f ms. Modelled link"
                    + " time plus the best: %.0f ms; measured with the link model sleeping for real (best of %d): %.0f ms."
                    + "%n%n", ReadBenchmark.HOST_RUNS, h.medianMillis(), h.bestMillis(),
                    c.ours().millis() + h.bestMillis(), ReadBenchmark.REAL_TIME_RUNS, h.realTimeWallMillis()));
        }
        md.append("#### Goals (issue 9), on the modelled time\n\n");
        md.append("| Persona | Goal | Figure | Met |\n|---|---|---:|---|\n");
        for (ReadBenchmark.Case c : cases) {
            if (c.face()) {
                double vsDefault = c.ours().millis() / c.jmrtdDefault().millis();
                double vsBound = c.ours().millis() * 1e6 / c.bound().nanos();
                double boundVsDefault = c.bound().nanos() / 1e6 / c.jmrtdDefault().millis();
                md.append(String.format(Locale.ROOT, "| %s | full read ≤ %.1f × JMRTD default | %.3f | %s |%n",
                        c.persona(), GOAL_VS_JMRTD_DEFAULT, vsDefault, vsDefault <= GOAL_VS_JMRTD_DEFAULT ? "yes"
                                : String.format(Locale.ROOT, "no (the lower bound itself is %.3f × JMRTD default)",
                                        boundVsDefault)));
                md.append(String.format(Locale.ROOT, "| %s | full read ≤ %.1f × lower bound | %.3f | %s |%n",
                        c.persona(), GOAL_VS_BOUND, vsBound, vsBound <= GOAL_VS_BOUND ? "yes" : "no"));
            } else {
                md.append(String.format(Locale.ROOT, "| %s | without portrait ≤ %.1f s | %.0f ms | %s |%n",
                        c.persona(), GOAL_NO_FACE_MILLIS / 1000, c.ours().millis(),
                        c.ours().millis() <= GOAL_NO_FACE_MILLIS ? "yes" : "no"));
            }
        }
        md.append("\n#### Sensitivity (full read with portrait; modelled ms)\n\n");
        md.append("| Persona | kbit/s | Turnaround (ms) | Ours | JMRTD default | JMRTD best | Lower bound |"
                + " ours / JMRTD default | ours / bound |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String row : sensitivity) {
            md.append(row).append('\n');
        }
        return md.toString();
    }

    static String machine() {
        String cpu = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).strip();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: keep "unknown CPU"
        }
        String load = "";
        try {
            load = ", load average " + Files.readString(Path.of("/proc/loadavg")).strip().split(" ")[0] + " at the start";
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return String.format(Locale.ROOT, "%s, %d cores seen by the JVM, %s %s, Java %s%s", cpu,
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), load);
    }
}
