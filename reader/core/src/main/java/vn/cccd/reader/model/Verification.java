package vn.cccd.reader.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The verdict. {@code overall} is AUTHENTIC only when Passive Authentication is VALID with a trusted chain
 * and neither Active nor Chip Authentication FAILED.
 *
 * @param qrMatchesChip null when no QR was given
 */
@JsonPropertyOrder({"overall", "accessControl", "passiveAuthentication", "activeAuthentication",
    "chipAuthentication", "qrMatchesChip"})
public record Verification(
        Overall overall,
        AccessControl accessControl,
        PassiveAuthentication passiveAuthentication,
        CheckResult activeAuthentication,
        CheckResult chipAuthentication,
        Boolean qrMatchesChip) {

    public enum Overall { AUTHENTIC, NOT_AUTHENTIC, UNVERIFIED }

    public enum AccessControl { BAC, PACE, NONE }

    /** Derives {@code overall} from the parts, so that no caller can claim more than was checked. */
    public static Verification of(AccessControl ac, PassiveAuthentication pa, CheckResult aa, CheckResult ca,
            Boolean qrMatchesChip) {
        Overall overall;
        boolean failed = aa.status() == CheckResult.Status.FAILED || ca.status() == CheckResult.Status.FAILED
                || pa.status() == PassiveAuthentication.Status.INVALID
                || Boolean.FALSE.equals(qrMatchesChip);
        if (failed) {
            overall = Overall.NOT_AUTHENTIC;
        } else if (pa.status() == PassiveAuthentication.Status.VALID && pa.signatureValid() && pa.chainTrusted()) {
            overall = Overall.AUTHENTIC;
        } else {
            overall = Overall.UNVERIFIED;
        }
        return new Verification(overall, ac, pa, aa, ca, qrMatchesChip);
    }

    public Verification withQrMatchesChip(Boolean matches) {
        return of(accessControl, passiveAuthentication, activeAuthentication, chipAuthentication, matches);
    }
}
