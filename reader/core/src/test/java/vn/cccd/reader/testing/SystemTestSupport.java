package vn.cccd.reader.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Shared by every module's tests (through the reader's test-jar). System tests need real components
 * (pcscd + vpcd, Chromium, PostgreSQL). On a developer machine without them they are skipped; in CI
 * ({@code CCCD_REQUIRE_SYSTEM_TESTS=1}, set by .ci/run) a missing component is a failure, so that a
 * green CI run really ran them.
 */
public final class SystemTestSupport {
    private SystemTestSupport() {
    }

    public static boolean required() {
        return System.getenv("CCCD_REQUIRE_SYSTEM_TESTS") != null;
    }

    /** Skips (developer machine) or fails (CI) when a component is missing. */
    public static void requireComponent(boolean available, String what) {
        if (!available && required()) {
            fail(what + " is required in CI (CCCD_REQUIRE_SYSTEM_TESTS) but is not available");
        }
        assumeTrue(available, what + " is not available; system test skipped");
    }

    /** The read-only shared folder beside the checkout (../shared), found from any module directory. */
    public static Path sharedDir() {
        String env = System.getenv("CCCD_SHARED_DIR");
        if (env != null) {
            return Path.of(env);
        }
        Path p = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && p != null; i++, p = p.getParent()) {
            Path candidate = p.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("trust"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("../shared not found beside the checkout; set CCCD_SHARED_DIR");
    }

    /** The public copy of the Vietnam CSCA (never copied into the repository). */
    public static Path vietnamCsca() {
        return sharedDir().resolve("trust").resolve("csca-vietnam-2021.pem");
    }

    /**
     * An exclusive, cross-process lock on the vpcd reader slots. pcscd offers one slot pair per machine, so
     * tests in different JVMs (modules, parallel checkouts) that attach a card to vpcd take this lock
     * first and hold it until the card is detached. Close the returned lock to release it.
     */
    public static FileLock lockVpcd() {
        try {
            FileChannel ch = FileChannel.open(Path.of(System.getProperty("java.io.tmpdir"), "cccd-vpcd.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return ch.lock();
        } catch (IOException e) {
            throw new IllegalStateException("cannot lock the vpcd slots", e);
        }
    }
}
