package vn.cccd.mock.persona;

import java.security.KeyPair;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.cccd.mock.pki.MockPki;

/**
 * The chip's own key pairs for a persona: Active Authentication (public half in DG15; RSA-2048 or EC P-256)
 * and Chip Authentication (public half in DG14; EC P-256). Derived from the persona name, so a persona's
 * chip has the same keys on every run; kept per JVM because RSA generation is slow.
 *
 * @param activeAuthentication null when the persona has no Active Authentication
 * @param chipAuthentication null when the persona has no Chip Authentication
 */
public record DocumentKeys(KeyPair activeAuthentication, KeyPair chipAuthentication) {
    /** The curve of EC Active and Chip Authentication keys. */
    public static final String CURVE = "secp256r1";
    public static final int RSA_BITS = 2048;

    private static final Map<String, DocumentKeys> CACHE = new ConcurrentHashMap<>();

    public static DocumentKeys of(Persona p) {
        return CACHE.computeIfAbsent(p.name() + "|" + p.activeAuthentication() + "|" + p.chipAuthentication(),
                k -> new DocumentKeys(activeAuthenticationKeys(p), chipAuthenticationKeys(p)));
    }

    private static KeyPair activeAuthenticationKeys(Persona p) {
        String label = "persona:" + p.name() + ":aa";
        switch (p.activeAuthentication()) {
            case RSA:
                return MockPki.rsaKeys(label, RSA_BITS);
            case EC:
                return MockPki.ecKeys(label, CURVE);
            default:
                return null;
        }
    }

    private static KeyPair chipAuthenticationKeys(Persona p) {
        return p.chipAuthentication() == Persona.KeyType.EC ? MockPki.ecKeys("persona:" + p.name() + ":ca", CURVE) : null;
    }

    @Override
    public String toString() {
        return "DocumentKeys[aa=" + (activeAuthentication == null ? "none" : activeAuthentication.getPublic().getAlgorithm())
                + ", ca=" + (chipAuthentication == null ? "none" : "EC") + "]";
    }
}
