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

    public ChipCosts {
        Objects.requireNonNull(keyAgreement, "keyAgreement");
        Objects.requireNonNull(activeAuthentication, "activeAuthentication");
        if (keyAgreement.isNegative() || activeAuthentication.isNegative()) {
            throw new IllegalArgumentException("chip costs must not be negative");
        }
    }
}
