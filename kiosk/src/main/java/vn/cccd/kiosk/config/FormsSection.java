package vn.cccd.kiosk.config;

import static vn.cccd.kiosk.config.ConfigValues.list;
import static vn.cccd.kiosk.config.ConfigValues.resolve;
import static vn.cccd.kiosk.config.ConfigValues.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import vn.cccd.reader.util.Text;

/**
 * The forms: where their definitions are, which are offered, how they are printed, and the {@code prefill.*}
 * values (place, authorities) they start with.
 */
final class FormsSection {
    static final Set<String> KEYS = Set.of("forms.dir", "forms.enabled", "pdf.fontPath", "print.command");
    static final String PREFILL_PREFIX = "prefill.";

    private FormsSection() {
    }

    /**
     * {@code forms.dir} and {@code forms.enabled}; the bundled defaults (no {@code baseDir}) keep the forms in the
     * jar unless the folder is absolute.
     */
    static void forms(Properties p, Path baseDir, KioskConfig.Builder b) {
        String forms = text(p, "forms.dir", "forms");
        if (baseDir != null || Path.of(forms).isAbsolute()) {
            Path dir = resolve(baseDir, forms);
            if (!Files.isDirectory(dir)) {
                throw new ConfigException("forms.dir", "not a directory: " + dir);
            }
            b.formsDir(dir);
        }
        b.enabledForms(new LinkedHashSet<>(list(text(p, "forms.enabled", ""))));
    }

    /** {@code pdf.fontPath} (the bundled font when empty) and {@code print.command} (no printing when empty). */
    static void printing(Properties p, Path baseDir, KioskConfig.Builder b) {
        String font = text(p, "pdf.fontPath", "");
        if (!font.isEmpty()) {
            Path f = resolve(baseDir, font);
            if (!Files.isRegularFile(f)) {
                throw new ConfigException("pdf.fontPath", "no such font file: " + f);
            }
            b.fontPath(f);
        }
        String print = text(p, "print.command", "");
        b.printCommand(print.isEmpty() ? List.of() : List.of(print.split("\\s+")));
    }

    /** {@code prefill.NAME}: station values the forms read with a {@code config:NAME} source. */
    static void prefill(Properties p, KioskConfig.Builder b) {
        Map<String, String> prefill = new LinkedHashMap<>();
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            if (key.startsWith(PREFILL_PREFIX)) {
                String name = key.substring(PREFILL_PREFIX.length());
                if (!name.matches("[a-zA-Z0-9]+([.-][a-zA-Z0-9]+)*")) {
                    throw new ConfigException(key, "prefill names are letters and digits separated by . or -");
                }
                prefill.put(name, Text.nfc(p.getProperty(key).strip()));
            }
        }
        b.prefill(prefill);
    }
}
