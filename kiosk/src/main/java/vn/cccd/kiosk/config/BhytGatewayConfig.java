package vn.cccd.kiosk.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The hospital's account on the social-security (BHXH) gateway for the BHYT card check at reception
 * ({@code hospital.bhyt.*}; docs/HOSPITAL-BHYT.md). The gateway accepts calls only from the hospital's registered
 * address and each call names the officer doing the look-up (CV 1923/BHXH-CNTT), so the configuration names one.
 *
 * @param url the gateway's base URL, e.g. {@code https://egw.baohiemxahoi.gov.vn}
 * @param username the hospital user's account
 * @param passwordMd5 the MD5 (32 lower-case hex digits) of the account's password, as the gateway's clients send it
 * @param officerName {@code hoTenCb}: the officer named in each look-up
 * @param officerIdNumber {@code cccdCb}: the officer's 12-digit ID number
 * @param timeout how long one gateway call may take before the check-in goes on without it
 */
public record BhytGatewayConfig(URI url, String username, String passwordMd5, String officerName,
        String officerIdNumber, Duration timeout) {
    public BhytGatewayConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordMd5, "passwordMd5");
        Objects.requireNonNull(officerName, "officerName");
        Objects.requireNonNull(officerIdNumber, "officerIdNumber");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** The MD5 of a password as lower-case hex, the form most gateway clients send (integrations-2026.md B1.2). */
    public static String md5(String password) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(password.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }

    /** Credentials never reach a log by accident. */
    @Override
    public String toString() {
        return "BhytGatewayConfig[" + url + ", credentials redacted]";
    }
}
