package vn.cccd.kiosk.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import vn.cccd.reader.util.Text;

/**
 * Typed values of {@code kiosk.properties}, shared by the section readers: a bad value is a {@link ConfigException}
 * naming its key; text is stripped and NFC so that Vietnamese names compare as typed.
 */
final class ConfigValues {
    private ConfigValues() {
    }

    static Path resolve(Path base, String path) {
        Path p = Path.of(path);
        return p.isAbsolute() || base == null ? p : base.resolve(p).normalize();
    }

    static String text(Properties p, String key, String dflt) {
        String v = p.getProperty(key);
        return v == null ? dflt : Text.nfc(v.strip());
    }

    static int integer(Properties p, String key, int dflt, int min, int max) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) {
                throw new ConfigException(key, "must be between " + min + " and " + max + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(key, "must be a whole number, got '" + v.strip() + "'");
        }
    }

    static boolean bool(Properties p, String key, boolean dflt) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true":
            case "yes":
                return true;
            case "false":
            case "no":
                return false;
            default:
                throw new ConfigException(key, "must be true or false, got '" + v.strip() + "'");
        }
    }

    static List<String> list(String v) {
        List<String> out = new ArrayList<>();
        for (String s : v.split(",")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }
}
