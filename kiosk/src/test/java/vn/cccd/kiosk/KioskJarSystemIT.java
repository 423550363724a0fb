package vn.cccd.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jars {@code package} writes (failsafe, after package): cccd-kiosk.jar carries no mock chip and no mock PKI,
 * which ship in the optional cccd-kiosk-demo.jar; started with {@code --demo} where the demo jar does not lie beside
 * it, the kiosk stops with a message that says what is missing; beside it, {@code --demo} starts.
 */
class KioskJarSystemIT {
    private static final Path KIOSK_JAR = Path.of("target", "cccd-kiosk.jar");
    private static final Path DEMO_JAR = Path.of("target", "cccd-kiosk-demo.jar");
    private static final String SERVICE = "META-INF/services/vn.cccd.kiosk.cards.DemoCardsProvider";

    @TempDir
    Path tmp;

    @Test
    void theKioskJarHoldsNoMockCardClassNorPersonaNorDemoPart() throws Exception {
        try (JarFile jar = new JarFile(KIOSK_JAR.toFile())) {
            List<String> names = jar.stream().map(JarEntry::getName).toList();
            assertThat(names).contains("vn/cccd/kiosk/KioskMain.class", "vn/cccd/reader/read/DocumentReader.class");
            assertThat(names).filteredOn(n -> n.startsWith("vn/cccd/mock/") || n.startsWith("vn/cccd/kiosk/demo/")
                    || n.equals(SERVICE)).isEmpty();
            assertThat(jar.getManifest().getMainAttributes().getValue("Class-Path")).isEqualTo("cccd-kiosk-demo.jar");
        }
    }

    @Test
    void theDemoJarHoldsTheDemoPartAndTheMockCardOnly() throws Exception {
        try (JarFile jar = new JarFile(DEMO_JAR.toFile())) {
            List<String> names = jar.stream().map(JarEntry::getName).toList();
            assertThat(names).contains("vn/cccd/kiosk/demo/MockDemoCardsProvider.class",
                    "vn/cccd/mock/pki/MockPki.class", "vn/cccd/mock/persona/nguyen-van-a.json", SERVICE);
            assertThat(names).filteredOn(n -> n.startsWith("vn/cccd/reader/") || n.startsWith("org/bouncycastle/")
                    || n.equals("vn/cccd/kiosk/KioskMain.class")).isEmpty();
            assertThat(new String(jar.getInputStream(jar.getEntry(SERVICE)).readAllBytes(), StandardCharsets.UTF_8))
                    .contains("vn.cccd.kiosk.demo.MockDemoCardsProvider");
        }
    }

    @Test
    void demoWithoutTheDemoJarStopsWithAClearMessage() throws Exception {
        Path alone = Files.copy(KIOSK_JAR, Files.createDirectories(tmp.resolve("alone")).resolve("cccd-kiosk.jar"));
        Run r = run(alone, "--demo", "--port", "0", "--data-dir", tmp.resolve("data").toString());
        assertThat(r.exit).as(r.output).isEqualTo(KioskMain.EXIT_CONFIG);
        assertThat(r.output).contains("--demo").contains("demo cards are not installed")
                .contains("cccd-kiosk-demo.jar must lie beside cccd-kiosk.jar");
    }

    @Test
    void demoWithTheDemoJarBesideStarts() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("both"));
        Path kiosk = Files.copy(KIOSK_JAR, dir.resolve("cccd-kiosk.jar"));
        Files.copy(DEMO_JAR, dir.resolve("cccd-kiosk-demo.jar"));
        Path log = tmp.resolve("kiosk.log");
        Process p = new ProcessBuilder(java(), "-Xmx256m", "-Djava.awt.headless=true", "-jar", kiosk.toString(), "--demo",
                "--port", "0", "--data-dir", tmp.resolve("data2").toString()).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String out = "";
            while (System.nanoTime() < end && p.isAlive() && !out.contains("(demo mode")) {
                Thread.sleep(200);
                out = Files.readString(log, StandardCharsets.UTF_8);
            }
            assertThat(out).as("kiosk output").contains("CCCD kiosk: http://").contains("(demo mode");
        } finally {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private record Run(int exit, String output) {
    }

    private Run run(Path jar, String... args) throws Exception {
        Path log = Files.createTempFile(tmp, "run", ".log");
        List<String> cmd = new java.util.ArrayList<>(List.of(java(), "-Xmx256m", "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(jar.getParent().toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the kiosk did not stop within 60 s: " + Files.readString(log));
        }
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
