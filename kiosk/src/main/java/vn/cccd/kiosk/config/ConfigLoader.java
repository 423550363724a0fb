package vn.cccd.kiosk.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@code kiosk.properties} (UTF-8). Every value is checked when the kiosk starts; a bad one stops it with a
 * {@link ConfigException} that names the key. Unknown keys are refused too, so that a typo does not silently
 * leave a default in place. Relative paths are relative to the directory of the properties file.
 *
 * <p>Without {@code --config} the kiosk uses {@code config/kiosk.properties} under the working directory when
 * there is one, else the copy bundled in the jar (with the bundled forms).
 *
 * <p>Each section of the file has its reader ({@link StationSection}, {@link FormsSection}, {@link ReadingSection},
 * {@link StorageSection}, {@link LodgingSection}, {@link HospitalSection}) that declares its keys; a key no section
 * declares is unknown.
 */
public final class ConfigLoader {
    /** Where the bundled defaults live on the class path. */
    public static final String BUNDLED = "/config/kiosk.properties";

    private static final Set<String> KNOWN = known();

    private ConfigLoader() {
    }

    private static Set<String> known() {
        Set<String> all = new HashSet<>();
        for (Set<String> keys : List.of(StationSection.KEYS, FormsSection.KEYS, ReadingSection.KEYS,
                StorageSection.KEYS, LodgingSection.KEYS, HospitalSection.KEYS)) {
            all.addAll(keys);
        }
        return Set.copyOf(all);
    }

    /** The configuration file to use when none is given: {@code config/kiosk.properties} under {@code workDir}. */
    public static Path defaultFile(Path workDir) {
        return workDir.resolve("config").resolve("kiosk.properties");
    }

    /**
     * Loads {@code file}, or when it is null the default file under the working directory, or else the bundled
     * defaults.
     */
    public static KioskConfig load(Path file) {
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("--config", "no such file: " + file);
            }
            return fromFile(file);
        }
        Path local = defaultFile(Path.of("").toAbsolutePath());
        if (Files.isRegularFile(local)) {
            return fromFile(local);
        }
        return bundled();
    }

    /** The defaults bundled in the jar; forms come from the jar too. */
    public static KioskConfig bundled() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new ConfigException("--config", "no configuration given and none bundled in the jar");
            }
            return parse(read(in, BUNDLED), null);
        } catch (IOException e) {
            throw new ConfigException("--config", "cannot read the bundled configuration: " + e.getMessage(), e);
        }
    }

    public static KioskConfig fromFile(Path file) {
        Properties p;
        try (InputStream in = Files.newInputStream(file)) {
            p = read(in, file.toString());
        } catch (IOException e) {
            throw new ConfigException("--config", "cannot read " + file + ": " + e.getMessage(), e);
        }
        Path base = file.toAbsolutePath().getParent();
        return parse(p, base);
    }

    private static Properties read(InputStream in, String what) throws IOException {
        Properties p = new Properties();
        // strict UTF-8: a file saved in another encoding would garble Vietnamese names silently
        Reader r = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        try {
            p.load(r);
        } catch (CharacterCodingException e) {
            throw new ConfigException("--config", what + " is not UTF-8 text");
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--config", what + " is not a valid properties file: " + e.getMessage());
        }
        return p;
    }

    /**
     * Parses properties; relative paths resolve against {@code baseDir}, or stay unset (bundled) when it is null.
     */
    public static KioskConfig parse(Properties p, Path baseDir) {
        Set<String> unknown = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            if (!KNOWN.contains(key) && !key.startsWith(FormsSection.PREFILL_PREFIX)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            String first = unknown.iterator().next();
            throw new ConfigException(first, "unknown key (known: " + String.join(", ", new TreeSet<>(KNOWN))
                    + ", prefill.*)");
        }
        KioskConfig.Builder b = KioskConfig.builder();
        // the order of the sections decides which key is reported when several are bad; kept as it was
        Mode mode = StationSection.read(p, b);
        FormsSection.forms(p, baseDir, b);
        ReadingSection.read(p, baseDir, b);
        StationSection.operatorPin(p, b);
        FormsSection.printing(p, baseDir, b);
        StationSection.limits(p, b);
        FormsSection.prefill(p, b);
        b.storage(StorageSection.read(p, baseDir));
        b.lodging(LodgingSection.read(p, baseDir, mode, System::getenv));
        b.hospital(HospitalSection.read(p));
        StationSection.uiSecret(p, baseDir, b);
        return b.build();
    }
}
