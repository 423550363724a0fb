package vn.cccd.reader.model;

/** The portrait from DG2. {@code base64} holds the image bytes exactly as stored on the chip. */
public record Face(String mimeType, int width, int height, String base64) {
    @Override
    public String toString() {
        return "Face[" + mimeType + ", " + width + "x" + height + "]";
    }
}
