package vn.cccd.kiosk.config;

/** A configuration value the kiosk cannot start with. The message names the key and says what is expected. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String key;

    public ConfigException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
    }

    public ConfigException(String key, String problem, Throwable cause) {
        super(key + ": " + problem, cause);
        this.key = key;
    }

    /** The configuration key at fault. */
    public String key() {
        return key;
    }
}
