package vn.cccd.reader.apdu;

import java.util.Arrays;
import vn.cccd.reader.error.MalformedDataException;

/** A response APDU (data followed by SW1 SW2) as an immutable value. */
public record ResponseApdu(byte[] data, int sw) {

    public ResponseApdu {
        data = data == null ? new byte[0] : data.clone();
        if (sw < 0 || sw > 0xFFFF) {
            throw new IllegalArgumentException("status word out of range");
        }
    }

    public static ResponseApdu of(int sw) {
        return new ResponseApdu(null, sw);
    }

    public static ResponseApdu of(byte[] data, int sw) {
        return new ResponseApdu(data, sw);
    }

    /** Parses the raw bytes received from a card; fewer than 2 bytes is a malformed response. */
    public static ResponseApdu parse(byte[] raw) {
        if (raw == null || raw.length < 2) {
            throw new MalformedDataException("response shorter than a status word ("
                    + (raw == null ? 0 : raw.length) + " bytes)");
        }
        int sw = ((raw[raw.length - 2] & 0xFF) << 8) | (raw[raw.length - 1] & 0xFF);
        return new ResponseApdu(Arrays.copyOf(raw, raw.length - 2), sw);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int dataLength() {
        return data.length;
    }

    public int sw1() {
        return sw >> 8;
    }

    public int sw2() {
        return sw & 0xFF;
    }

    public boolean isSuccess() {
        return sw == StatusWords.SUCCESS;
    }

    public byte[] toBytes() {
        byte[] out = Arrays.copyOf(data, data.length + 2);
        out[data.length] = (byte) (sw >> 8);
        out[data.length + 1] = (byte) sw;
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResponseApdu r && r.sw == sw && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(data) + sw;
    }

    /** Length and SW only: the data may be personal. */
    @Override
    public String toString() {
        return String.format("ResponseApdu[%d bytes, SW=%04X]", data.length, sw);
    }
}
