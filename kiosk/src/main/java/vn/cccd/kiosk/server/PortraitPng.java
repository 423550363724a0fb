package vn.cccd.kiosk.server;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import vn.cccd.reader.util.NoDiskImaging;

/**
 * A portrait browsers cannot show (JPEG 2000) as PNG, decoded and encoded in memory only: ImageIO's temp-file
 * cache is off and the streams are memory streams, so no byte of the picture reaches the disk.
 */
public final class PortraitPng {
    private PortraitPng() {
    }

    /** @throws IOException when no decoder reads the image */
    public static byte[] of(byte[] image) throws IOException {
        NoDiskImaging.ensure();
        // ImageIO.read closes the stream it is given
        BufferedImage decoded = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(image)));
        if (decoded == null) {
            throw new IOException("no decoder for this portrait");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            if (!ImageIO.write(decoded, "png", out)) {
                throw new IOException("no PNG encoder");
            }
        }
        return bytes.toByteArray();
    }
}
