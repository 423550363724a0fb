package vn.cccd.kiosk.config;

import static vn.cccd.kiosk.config.ConfigValues.integer;
import static vn.cccd.kiosk.config.ConfigValues.text;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/** {@code hospital.*}: the departments offered at check-in, the webhook to the hospital system, the BHYT gateway. */
final class HospitalSection {
    static final Set<String> KEYS = Set.of("hospital.departments", "hospital.webhook.url",
            "hospital.webhook.timeoutSeconds", "hospital.webhook.firstRetrySeconds", "hospital.webhook.maxRetrySeconds",
            "hospital.bhyt.url", "hospital.bhyt.username", "hospital.bhyt.passwordEnv", "hospital.bhyt.passwordMd5",
            "hospital.bhyt.officerName", "hospital.bhyt.officerIdNumber", "hospital.bhyt.timeoutSeconds");
    private static final int MAX_DEPARTMENTS = 60;

    private HospitalSection() {
    }

    /** Departments as {@code code:Tên tiếng Việt|English name}, semicolon-separated; the webhook; the gateway. */
    static HospitalConfig read(Properties p) {
        HospitalConfig h = HospitalConfig.defaults();
        String deps = text(p, "hospital.departments", "");
        if (!deps.isEmpty()) {
            List<HospitalConfig.Department> list = new ArrayList<>();
            Set<String> codes = new LinkedHashSet<>();
            // semicolons: a department's name may contain commas ("Tai, Mũi, Họng")
            for (String entry : deps.split(";")) {
                if (entry.isBlank()) {
                    continue;
                }
                entry = entry.strip();
                int colon = entry.indexOf(':');
                if (colon <= 0) {
                    throw new ConfigException("hospital.departments", "each department is code:Tên khoa (optionally"
                            + " |English name), e.g. noi:Khám Nội|Internal medicine; got '" + entry + "'");
                }
                String code = entry.substring(0, colon).strip();
                if (!code.matches("[A-Za-z0-9_-]{1,20}")) {
                    throw new ConfigException("hospital.departments", "a department code is 1 to 20 letters, digits,"
                            + " _ or -; got '" + code + "'");
                }
                if (!codes.add(code)) {
                    throw new ConfigException("hospital.departments", "department code '" + code + "' appears twice");
                }
                String names = entry.substring(colon + 1);
                int bar = names.indexOf('|');
                String vi = (bar < 0 ? names : names.substring(0, bar)).strip();
                String en = bar < 0 ? null : names.substring(bar + 1).strip();
                if (vi.isEmpty() || vi.length() > 80 || (en != null && (en.isEmpty() || en.length() > 80))) {
                    throw new ConfigException("hospital.departments", "department '" + code + "' needs a Vietnamese"
                            + " name (and an English one after |) of 1 to 80 characters");
                }
                list.add(new HospitalConfig.Department(code, vi, en));
            }
            if (list.size() > MAX_DEPARTMENTS) {
                throw new ConfigException("hospital.departments", "at most " + MAX_DEPARTMENTS + " departments");
            }
            h = h.withDepartments(list);
        }
        String url = text(p, "hospital.webhook.url", "");
        java.net.URI webhook = null;
        if (!url.isEmpty()) {
            try {
                webhook = new java.net.URI(url);
            } catch (java.net.URISyntaxException e) {
                throw new ConfigException("hospital.webhook.url", "not a URL: " + e.getMessage());
            }
            String scheme = webhook.getScheme() == null ? "" : webhook.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || webhook.getHost() == null) {
                throw new ConfigException("hospital.webhook.url", "must be an http:// or https:// URL with a host");
            }
        }
        int timeout = integer(p, "hospital.webhook.timeoutSeconds", 10, 1, 300);
        int first = integer(p, "hospital.webhook.firstRetrySeconds", 2, 1, 3600);
        int max = integer(p, "hospital.webhook.maxRetrySeconds", 300, 1, 86_400);
        if (max < first) {
            throw new ConfigException("hospital.webhook.maxRetrySeconds", "must be at least"
                    + " hospital.webhook.firstRetrySeconds (" + first + ")");
        }
        return h.withWebhook(webhook, Duration.ofSeconds(timeout), Duration.ofSeconds(first), Duration.ofSeconds(max))
                .withBhyt(bhyt(p));
    }

    /**
     * {@code hospital.bhyt.*}: the BHXH gateway account, or null when {@code hospital.bhyt.url} is empty. The
     * password is given as the MD5 the gateway takes ({@code passwordMd5}) or read from an environment variable
     * ({@code passwordEnv}) and hashed here; it is never in the configuration in plain text.
     */
    private static BhytGatewayConfig bhyt(Properties p) {
        String url = text(p, "hospital.bhyt.url", "");
        if (url.isEmpty()) {
            return null;
        }
        java.net.URI uri;
        try {
            uri = new java.net.URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException("hospital.bhyt.url", "not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new ConfigException("hospital.bhyt.url", "must be an http:// or https:// URL with a host");
        }
        String user = text(p, "hospital.bhyt.username", "");
        if (user.isEmpty()) {
            throw new ConfigException("hospital.bhyt.username", "required with hospital.bhyt.url");
        }
        String md5 = text(p, "hospital.bhyt.passwordMd5", "").toLowerCase(Locale.ROOT);
        String env = text(p, "hospital.bhyt.passwordEnv", "");
        if (md5.isEmpty() == env.isEmpty()) {
            throw new ConfigException("hospital.bhyt.passwordMd5", "set exactly one of hospital.bhyt.passwordMd5 and"
                    + " hospital.bhyt.passwordEnv");
        }
        if (!env.isEmpty()) {
            String plain = System.getenv(env);
            if (plain == null || plain.isEmpty()) {
                throw new ConfigException("hospital.bhyt.passwordEnv", "the environment variable " + env + " is not set");
            }
            md5 = BhytGatewayConfig.md5(plain);
        } else if (!md5.matches("[0-9a-f]{32}")) {
            throw new ConfigException("hospital.bhyt.passwordMd5", "must be 32 hexadecimal digits (the password's MD5)");
        }
        String officer = text(p, "hospital.bhyt.officerName", "");
        if (officer.isEmpty()) {
            throw new ConfigException("hospital.bhyt.officerName", "the gateway names the officer in each look-up");
        }
        String officerId = text(p, "hospital.bhyt.officerIdNumber", "");
        if (!officerId.matches("[0-9]{12}")) {
            throw new ConfigException("hospital.bhyt.officerIdNumber", "the officer's 12-digit ID number");
        }
        int seconds = integer(p, "hospital.bhyt.timeoutSeconds", 5, 1, 60);
        return new BhytGatewayConfig(uri, user, md5, vn.cccd.reader.util.Text.nfc(officer), officerId,
                Duration.ofSeconds(seconds));
    }
}
