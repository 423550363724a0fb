package vn.cccd.reader.qr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import vn.cccd.reader.qr.QrException.Reason;

/**
 * Reads a PNG or JPEG into a {@link LumaFrame}, refusing what is too large from the header alone, before a pixel
 * is decoded: a 100-byte PNG can claim 50 000 × 50 000 pixels. Large photos are subsampled while decoding, so the
 * memory used stays bounded whatever the file says.
 */
final class ImageLoader {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private ImageLoader() {
    }

    static LumaFrame load(byte[] bytes, QrImageDecoder.Limits limits) {
        if (bytes == null || bytes.length == 0) {
            throw new QrException(Reason.NOT_AN_IMAGE, "the image is empty");
        }
        if (bytes.length > limits.maxBytes()) {
            throw new QrException(Reason.IMAGE_TOO_LARGE, "the image is " + bytes.length / 1024
                    + " KiB; at most " + limits.maxBytes() / 1024 + " KiB are accepted");
        }
        String format = startsWith(bytes, PNG) ? "png" : startsWith(bytes, JPEG) ? "jpeg" : null;
        if (format == null) {
            throw new QrException(Reason.NOT_AN_IMAGE, "the data is not a PNG or JPEG image");
        }
        vn.cccd.reader.util.NoDiskImaging.ensure();
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("no " + format + " decoder in this Java runtime");
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            int w = reader.getWidth(0);
            int h = reader.getHeight(0);
            if (w <= 0 || h <= 0) {
                throw new QrException(Reason.NOT_AN_IMAGE, "the image has no pixels");
            }
            if (w > limits.maxSide() || h > limits.maxSide() || (long) w * h > limits.maxPixels()) {
                throw new QrException(Reason.IMAGE_TOO_LARGE, "the image is " + w + "x" + h + " pixels; at most "
                        + limits.maxSide() + " per side and " + limits.maxPixels() / 1_000_000 + " million in all");
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = subsampling(w, h, limits.decodePixels());
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            if (format.equals("jpeg")) {
                LumaFrame y = jpegLuma(reader, param);
                if (y != null) {
                    return y;
                }
            }
            BufferedImage image = reader.read(0, param);
            return LumaFrame.of(image);
        } catch (IOException | RuntimeException e) {
            if (e instanceof QrException q) {
                throw q;
            }
            throw new QrException(Reason.NOT_AN_IMAGE, "the image cannot be read (damaged or unsupported "
                    + format.toUpperCase(java.util.Locale.ROOT) + ")", e);
        } finally {
            reader.dispose();
        }
    }

    /** The smallest whole step that brings the decoded picture within {@code maxPixels}. */
    static int subsampling(int w, int h, long maxPixels) {
        int step = 1;
        while ((long) (w / step) * (h / step) > maxPixels) {
            step++;
        }
        return step;
    }

    /**
     * A baseline JFIF JPEG read as its raw Y (luma) channel: no colour conversion, which is most of the decoding
     * time. Null when the file is not plain YCbCr or greyscale (Adobe CMYK/YCCK, odd colour spaces).
     */
    private static LumaFrame jpegLuma(ImageReader reader, ImageReadParam param) throws IOException {
        if (!reader.canReadRaster()) {
            return null;
        }
        var type = reader.getRawImageType(0);
        if (type == null) {
            return null;
        }
        int bands = type.getNumBands();
        int space = type.getColorModel().getColorSpace().getType();
        boolean gray = bands == 1;
        boolean ycc = bands == 3 && space == java.awt.color.ColorSpace.TYPE_RGB;
        if (!gray && !ycc) {
            return null;
        }
        Raster raster = reader.readRaster(0, param);
        int w = raster.getWidth();
        int h = raster.getHeight();
        byte[] out = new byte[w * h];
        if (raster.getDataBuffer() instanceof DataBufferByte db && db.getNumBanks() == 1
                && raster.getSampleModel() instanceof PixelInterleavedSampleModel sm
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && sm.getWidth() == w && sm.getHeight() == h) {
            // the usual case: Y, Cb, Cr interleaved in one array; taking every Y directly saves a copy per row
            byte[] data = db.getData();
            int stride = sm.getScanlineStride();
            int pixel = sm.getPixelStride();
            int offset = db.getOffset() + sm.getBandOffsets()[0];
            for (int y = 0; y < h; y++) {
                for (int x = 0, p = offset + y * stride, o = y * w; x < w; x++, p += pixel) {
                    out[o + x] = data[p];
                }
            }
            return new LumaFrame(w, h, out);
        }
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (byte) row[x];
            }
        }
        return new LumaFrame(w, h, out);
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
