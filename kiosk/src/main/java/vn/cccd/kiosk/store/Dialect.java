package vn.cccd.kiosk.store;

/**
 * The two databases the register runs on. The same SQL runs on both; the one difference the migration scripts
 * need is the binary column type, written {@code {{bytes}}} in a script ({@link Migrations}).
 */
public enum Dialect {
    SQLITE("BLOB"),
    POSTGRESQL("BYTEA");

    private final String bytesType;

    Dialect(String bytesType) {
        this.bytesType = bytesType;
    }

    /** The value of the {@code {{bytes}}} placeholder: the binary column type. */
    public String bytesType() {
        return bytesType;
    }
}
