package vn.cccd.reader.model;

import java.util.List;

/**
 * Link statistics of one read.
 *
 * @param accessAttempts the access-control steps tried before the chip opened (PACE then BAC), with their outcome
 */
public record Stats(long apdus, long bytesSent, long bytesReceived, long millis, List<AccessAttempt> accessAttempts) {
    public static final Stats NONE = new Stats(0, 0, 0, 0);

    public Stats {
        accessAttempts = accessAttempts == null ? List.of() : List.copyOf(accessAttempts);
    }

    /** Without access control (a read from files). */
    public Stats(long apdus, long bytesSent, long bytesReceived, long millis) {
        this(apdus, bytesSent, bytesReceived, millis, List.of());
    }
}
