package vn.cccd.reader.model;

/** Link statistics of one read. */
public record Stats(long apdus, long bytesSent, long bytesReceived, long millis) {
    public static final Stats NONE = new Stats(0, 0, 0, 0);
}
