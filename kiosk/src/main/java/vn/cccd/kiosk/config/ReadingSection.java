package vn.cccd.kiosk.config;

import static vn.cccd.kiosk.config.ConfigValues.bool;
import static vn.cccd.kiosk.config.ConfigValues.integer;
import static vn.cccd.kiosk.config.ConfigValues.list;
import static vn.cccd.kiosk.config.ConfigValues.resolve;
import static vn.cccd.kiosk.config.ConfigValues.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/** Reading cards: the trust anchors for Passive Authentication, the PC/SC readers and whether to read the face. */
final class ReadingSection {
    static final Set<String> KEYS = Set.of("trust.dirs", "readers.pcsc", "readers.pollMillis", "read.face");

    private ReadingSection() {
    }

    static void read(Properties p, Path baseDir, KioskConfig.Builder b) {
        List<Path> trust = new ArrayList<>();
        for (String dir : list(text(p, "trust.dirs", ""))) {
            if (baseDir == null && !Path.of(dir).isAbsolute()) {
                continue; // bundled defaults: a relative trust folder exists only in a checkout
            }
            Path d = resolve(baseDir, dir);
            if (!Files.isDirectory(d)) {
                throw new ConfigException("trust.dirs", "not a directory: " + d);
            }
            trust.add(d);
        }
        b.trustDirs(trust);
        b.pcscReaders(bool(p, "readers.pcsc", true));
        b.pollInterval(Duration.ofMillis(integer(p, "readers.pollMillis", 500, 50, 10_000)));
        b.readFace(bool(p, "read.face", true));
    }
}
