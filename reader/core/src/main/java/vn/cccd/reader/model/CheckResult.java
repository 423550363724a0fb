package vn.cccd.reader.model;

/** Result of Active or Chip Authentication. {@code detail} explains a FAILED or NOT_SUPPORTED in words. */
public record CheckResult(Status status, String detail) {
    public enum Status { PASSED, FAILED, NOT_SUPPORTED, NOT_CHECKED }

    public static final CheckResult NOT_CHECKED = new CheckResult(Status.NOT_CHECKED, null);
    public static final CheckResult NOT_SUPPORTED = new CheckResult(Status.NOT_SUPPORTED, null);
}
