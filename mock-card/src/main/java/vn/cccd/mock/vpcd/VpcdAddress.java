package vn.cccd.mock.vpcd;

/**
 * Where the vsmartcard vpcd driver of pcscd listens for a virtual card: {@code HOST:PORT}, by default
 * {@value #DEFAULT_HOST}:{@value #DEFAULT_PORT} (reader slot "Virtual PCD 00 00"; the next port is slot 01).
 */
public record VpcdAddress(String host, int port) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 35963;
    public static final VpcdAddress DEFAULT = new VpcdAddress(DEFAULT_HOST, DEFAULT_PORT);

    public VpcdAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("vpcd host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("vpcd port must be 1..65535, got " + port);
        }
    }

    /** Parses {@code HOST:PORT}, {@code HOST} (default port) or {@code :PORT} (default host). */
    public static VpcdAddress parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return DEFAULT;
        }
        String s = spec.strip();
        int colon = s.lastIndexOf(':');
        if (colon < 0) {
            return new VpcdAddress(s, DEFAULT_PORT);
        }
        String host = colon == 0 ? DEFAULT_HOST : s.substring(0, colon);
        String port = s.substring(colon + 1);
        if (!port.matches("[0-9]{1,5}")) {
            throw new IllegalArgumentException("vpcd address must be HOST:PORT, got '" + spec + "'");
        }
        return new VpcdAddress(host, Integer.parseInt(port));
    }

    /**
     * The PC/SC reader name pcscd gives this slot with the Debian vpcd configuration ("Virtual PCD 00 00" on
     * the default port, "Virtual PCD 00 01" on the next).
     */
    public String readerName() {
        int slot = port - DEFAULT_PORT;
        return slot >= 0 && slot < 10 ? "Virtual PCD 00 0" + slot : "Virtual PCD (port " + port + ")";
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
