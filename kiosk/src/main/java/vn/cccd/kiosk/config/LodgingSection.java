package vn.cccd.kiosk.config;

import static vn.cccd.kiosk.config.ConfigValues.integer;
import static vn.cccd.kiosk.config.ConfigValues.text;

import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * {@code lodging.*}: the establishment printed on every guest record, its police API account, and the commune list
 * of its copy of the police import template ({@code lodging.kbtt.templateFile}, {@link KbttTemplateCommunes}).
 */
final class LodgingSection {
    static final Set<String> KEYS = Set.of("lodging.name", "lodging.address", "lodging.police.url",
            "lodging.police.username", "lodging.police.passwordEnv", "lodging.police.clientEnv",
            "lodging.police.timeoutSeconds", "lodging.police.firstRetrySeconds", "lodging.police.maxRetrySeconds",
            KbttTemplateCommunes.KEY);

    private LodgingSection() {
    }

    /** The establishment; its address is required in the lodging mode. */
    static LodgingSettings read(Properties p, Mode mode, java.util.function.UnaryOperator<String> env) {
        return read(p, null, mode, env);
    }

    /** As above, with {@code lodging.kbtt.templateFile} resolved against {@code baseDir} (the config's folder). */
    static LodgingSettings read(Properties p, java.nio.file.Path baseDir, Mode mode,
            java.util.function.UnaryOperator<String> env) {
        String template = text(p, KbttTemplateCommunes.KEY, "");
        LodgingSettings lodging = new LodgingSettings(text(p, "lodging.name", ""), text(p, "lodging.address", ""),
                police(p, env), template.isEmpty() ? java.util.List.of()
                        : KbttTemplateCommunes.read(ConfigValues.resolve(baseDir, template)));
        if (mode == Mode.LODGING && lodging.address().isEmpty()) {
            throw new ConfigException("lodging.address", "the lodging mode needs the establishment's address (the"
                    + " address of stay on every guest record)");
        }
        return lodging;
    }

    /**
     * {@code lodging.police.*}: the establishment's account for the direct submission to the police API, or null
     * (the default) when {@code lodging.police.username} is empty. The password and the API client credential are
     * read from the environment variables named by {@code passwordEnv} and {@code clientEnv}, never from the file.
     */
    static PoliceApiConfig police(Properties p, java.util.function.UnaryOperator<String> env) {
        String user = text(p, "lodging.police.username", "");
        if (user.isEmpty()) {
            return null;
        }
        String url = text(p, "lodging.police.url", "");
        url = url.isEmpty() ? PoliceApiConfig.PRODUCTION.toString() : url;
        java.net.URI uri;
        try {
            uri = new java.net.URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException("lodging.police.url", "not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new ConfigException("lodging.police.url", "must be an http:// or https:// URL with a host");
        }
        String password = secret(p, "lodging.police.passwordEnv", env);
        String client = secret(p, "lodging.police.clientEnv", env);
        if (!client.contains(":")) {
            throw new ConfigException("lodging.police.clientEnv", "the API client credential is id:secret");
        }
        return new PoliceApiConfig(uri, user, password, client,
                Duration.ofSeconds(integer(p, "lodging.police.timeoutSeconds", 20, 1, 120)),
                Duration.ofSeconds(integer(p, "lodging.police.firstRetrySeconds", 30, 1, 3600)),
                Duration.ofSeconds(integer(p, "lodging.police.maxRetrySeconds", 1800, 1, 86400)));
    }

    /** A secret from the environment variable that {@code key} names; the message never shows the value. */
    private static String secret(Properties p, String key, java.util.function.UnaryOperator<String> env) {
        String name = text(p, key, "");
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new ConfigException(key, "required with lodging.police.username: the name of an environment"
                    + " variable");
        }
        String value = env.apply(name);
        if (value == null || value.isEmpty()) {
            throw new ConfigException(key, "the environment variable " + name + " is not set");
        }
        return value;
    }
}
