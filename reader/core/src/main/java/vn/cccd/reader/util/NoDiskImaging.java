package vn.cccd.reader.util;

import javax.imageio.ImageIO;

/**
 * Keeps Java's image I/O in memory. By default {@link ImageIO} buffers every stream it reads or writes in a
 * temporary file ({@code imageio*.tmp} in {@code java.io.tmpdir}), deleted afterwards: a QR photo or a portrait
 * would sit on disk while decoded, and stay there after a kill. Every entry point that decodes or encodes an
 * image calls {@link #ensure()} first (the CLIs and the kiosk also at start, before anything else runs), so the
 * cache is off whichever path is taken first, including image decoding inside libraries (PDFBox).
 */
public final class NoDiskImaging {
    private NoDiskImaging() {
    }

    /** Turns ImageIO's file cache off; cheap and idempotent, so callers just call it before each use. */
    public static void ensure() {
        if (ImageIO.getUseCache()) {
            ImageIO.setUseCache(false);
        }
    }
}
