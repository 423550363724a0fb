package vn.cccd.mock.link;

import java.time.Duration;
import java.util.Objects;

/**
 * Time the chip itself needs for expensive steps, added on top of the link time.
 *
 * @param keyAgreement per key-agreement command: each GENERAL AUTHENTICATE (PACE, Chip Authentication v2)
 *     and MSE:Set KAT (Chip Authentication v1); roughly one elliptic-curve point multiplication each
 * @param activeAuthentication per INTERNAL AUTHENTICATE (the Active Authentication signature)
 */
public record ChipCosts(Duration keyAgreement, Duration activeAuthentication) {
    /** No extra cost: only the link is modelled. */
    public static final ChipCosts NONE = new ChipCosts(Duration.ZERO, Duration.ZERO);
    /**
     * One elliptic-curve key agreement step on a smart card chip: ECTester's published runs put 256-bit ECDH on
     * Java Cards at 123 to 209 ms (host-side, with the APDU); native eMRTD chips are faster. An estimate.
     */
    public static final Duration TYPICAL_KEY_AGREEMENT = Duration.ofMillis(100);
    /** An RSA-2048 signature (CRT) on a smart card coprocessor: 100 to 300 ms is the usual range. An estimate. */
    public static final Duration TYPICAL_RSA_2048_SIGNATURE = Duration.ofMillis(200);
    /** An ECDSA P-256 signature: ECTester shows 151 to 392 ms on Java Cards; eMRTD chips are faster. An estimate. */
    public static final Duration TYPICAL_ECDSA_P256_SIGNATURE = Duration.ofMillis(150);

    /** The typical costs above, for a chip whose Active Authentication key is RSA-2048 or else EC P-256. */
    public static ChipCosts typical(boolean rsaActiveAuthentication) {
        return new ChipCosts(TYPICAL_KEY_AGREEMENT,
                rsaActiveAuthentication ? TYPICAL_RSA_2048_SIGNATURE : TYPICAL_ECDSA_P256_SIGNATURE);
    }

    public ChipCosts {
        Objects.requireNonNull(keyAgreement, "keyAgreement");
        Objects.requireNonNull(activeAuthentication, "activeAuthentication");
        if (keyAgreement.isNegative() || activeAuthentication.isNegative()) {
            throw new IllegalArgumentException("chip costs must not be negative");
        }
    }
}
