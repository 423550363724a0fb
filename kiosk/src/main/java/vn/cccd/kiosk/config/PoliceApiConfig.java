package vn.cccd.kiosk.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The establishment's account on the police lodging API ({@code lodging.police.*}; docs/LODGING.md): the KBTT
 * "API dành cho Cơ sở lưu trú" (integrations-2026.md A3.4, a guide whose official origin is unverified). Off unless
 * configured. The password and the API client credential come from environment variables, never from the file.
 *
 * @param url the API's base URL (production {@code https://api-tbltkbtt.bocongan.gov.vn})
 * @param username the establishment's account
 * @param password the account's password
 * @param client the API client credential {@code id:secret} sent as HTTP Basic to the token endpoint (issued with
 *     the account; the guide prints a fixed one, not copied here)
 * @param timeout how long one call may take
 * @param firstRetry the wait after a first failed delivery (doubled each time)
 * @param maxRetry the longest wait between two attempts
 */
public record PoliceApiConfig(URI url, String username, String password, String client, Duration timeout,
        Duration firstRetry, Duration maxRetry) {
    /** The production base URL named by the guide [V(T): S15]. */
    public static final URI PRODUCTION = URI.create("https://api-tbltkbtt.bocongan.gov.vn");

    public PoliceApiConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(firstRetry, "firstRetry");
        Objects.requireNonNull(maxRetry, "maxRetry");
    }

    /** Credentials never reach a log by accident. */
    @Override
    public String toString() {
        return "PoliceApiConfig[" + url + ", credentials redacted]";
    }
}
