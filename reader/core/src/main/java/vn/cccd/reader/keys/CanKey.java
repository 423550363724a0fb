package vn.cccd.reader.keys;

/** The 6-digit card access number printed on the card, for PACE. */
public record CanKey(String can) implements AccessKey {
    public CanKey {
        if (can == null || !can.matches("[0-9]{6}")) {
            throw new IllegalArgumentException("CAN must be 6 digits");
        }
    }

    @Override
    public String toString() {
        return "CanKey[redacted]";
    }
}
