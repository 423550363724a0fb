package vn.cccd.reader.qr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.ComponentSampleModel;
import java.awt.image.Raster;
import java.awt.image.SampleModel;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * A greyscale picture: one luminance byte per pixel, row by row. What the QR decoder works on, whatever the image
 * came from (PNG, JPEG, a camera frame). Not copied defensively: it is internal working data, not a value.
 */
record LumaFrame(int width, int height, byte[] luma) {

    LumaFrame {
        if (width <= 0 || height <= 0 || (long) width * height != luma.length) {
            throw new IllegalArgumentException("luma size does not match " + width + "x" + height);
        }
    }

    int at(int x, int y) {
        return luma[y * width + x] & 0xFF;
    }

    /** The luminance of any image, transparent pixels composed on white. */
    static LumaFrame of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] out = new byte[w * h];
        Raster raster = image.getRaster();
        switch (image.getType()) {
            case BufferedImage.TYPE_BYTE_GRAY -> {
                if (raster.getDataBuffer() instanceof DataBufferByte) {
                    raster.getDataElements(0, 0, w, h, out);
                    return new LumaFrame(w, h, out);
                }
            }
            case BufferedImage.TYPE_3BYTE_BGR -> {
                if (raster.getDataBuffer() instanceof DataBufferByte db && isPacked(raster, w, 3)) {
                    byte[] d = db.getData();
                    for (int i = 0, p = 0; i < out.length; i++, p += 3) {
                        out[i] = (byte) luminance(d[p + 2] & 0xFF, d[p + 1] & 0xFF, d[p] & 0xFF);
                    }
                    return new LumaFrame(w, h, out);
                }
            }
            case BufferedImage.TYPE_INT_RGB -> {
                if (raster.getDataBuffer() instanceof DataBufferInt db && isPacked(raster, w, 1)) {
                    int[] d = db.getData();
                    for (int i = 0; i < out.length; i++) {
                        int c = d[i];
                        out[i] = (byte) luminance((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF);
                    }
                    return new LumaFrame(w, h, out);
                }
            }
            default -> {
                // below: any other layout
            }
        }
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int c = row[x];
                int a = (c >>> 24);
                int l = luminance((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF);
                // on white: what a printed code on a transparent background looks like
                out[y * w + x] = (byte) ((l * a + 255 * (255 - a)) / 255);
            }
        }
        return new LumaFrame(w, h, out);
    }

    private static boolean isPacked(Raster raster, int w, int elementsPerPixel) {
        if (raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0) {
            return false; // a sub-image: rows are not where a plain walk expects them
        }
        SampleModel sm = raster.getSampleModel();
        if (sm instanceof ComponentSampleModel c) {
            return c.getScanlineStride() == w * elementsPerPixel && c.getPixelStride() == elementsPerPixel;
        }
        if (sm instanceof SinglePixelPackedSampleModel p) {
            return p.getScanlineStride() == w;
        }
        return false;
    }

    /** ITU-R BT.601 luma in integers. */
    static int luminance(int r, int g, int b) {
        return (r * 306 + g * 601 + b * 117 + 512) >> 10;
    }

    /**
     * The spread between the darkest and the lightest 0.25 % of the pixels (every fourth one sampled: this is on the
     * path of every frame). A low-contrast or dark frame spreads over 25 to 55 levels, a normal one over 70 or more.
     */
    int spread() {
        int[] hist = new int[256];
        for (int i = 0; i < luma.length; i += 4) {
            hist[luma[i] & 0xFF]++;
        }
        int cut = luma.length / 400;
        int lo = 0;
        for (int n = 0; lo < 255 && n + hist[lo] <= cut; lo++) {
            n += hist[lo];
        }
        int hi = 255;
        for (int n = 0; hi > 0 && n + hist[hi] <= cut; hi--) {
            n += hist[hi];
        }
        return Math.max(0, hi - lo);
    }

    /**
     * This frame, contrast-stretched when its spread is below {@code narrow} levels. ZXing's hybrid binarizer takes an
     * 8 x 8 block whose levels differ by less than 24 for plain background, so it sees nothing at all in a dim or
     * washed-out frame; stretched, the code reads in the first pass. Frames with normal contrast are left alone: the
     * stretch amplifies noise and loses some small and blurred codes.
     */
    LumaFrame withContrast(int narrow) {
        if (spread() >= narrow) {
            return this;
        }
        LumaFrame s = stretched();
        return s == null ? this : s;
    }

    /** Stretches the darkest 1 % to black and the lightest 1 % to white: dark and washed-out frames. */
    LumaFrame stretched() {
        int[] hist = new int[256];
        for (byte b : luma) {
            hist[b & 0xFF]++;
        }
        int cut = luma.length / 100;
        int lo = 0;
        for (int n = 0; lo < 255 && n + hist[lo] <= cut; lo++) {
            n += hist[lo];
        }
        int hi = 255;
        for (int n = 0; hi > 0 && n + hist[hi] <= cut; hi--) {
            n += hist[hi];
        }
        if (hi - lo < 2 || (lo == 0 && hi == 255)) {
            return null; // flat, or already full range: nothing to gain
        }
        byte[] map = new byte[256];
        for (int v = 0; v < 256; v++) {
            int s = (v - lo) * 255 / (hi - lo);
            map[v] = (byte) Math.max(0, Math.min(255, s));
        }
        byte[] out = new byte[luma.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = map[luma[i] & 0xFF];
        }
        return new LumaFrame(width, height, out);
    }

    /** Half the size, each pixel the mean of four: less blur and noise per module for the binarizer. */
    LumaFrame halved() {
        int w = width / 2;
        int h = height / 2;
        if (w < 21 || h < 21) {
            return null;
        }
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            int r0 = 2 * y * width;
            int r1 = r0 + width;
            for (int x = 0; x < w; x++) {
                int s = (luma[r0 + 2 * x] & 0xFF) + (luma[r0 + 2 * x + 1] & 0xFF) + (luma[r1 + 2 * x] & 0xFF)
                        + (luma[r1 + 2 * x + 1] & 0xFF);
                out[y * w + x] = (byte) ((s + 2) >> 2);
            }
        }
        return new LumaFrame(w, h, out);
    }

    /**
     * Unsharp mask: each pixel pushed away from the mean of its 5 x 5 neighbourhood by {@code amount} times the
     * difference. Blurred module edges get steep again, so the sampled bits come out right.
     */
    LumaFrame sharpened(int amount) {
        int r = 2;
        int n = (2 * r + 1) * (2 * r + 1);
        int[] rows = new int[luma.length]; // horizontal sums over x-r..x+r, edges repeated
        for (int y = 0; y < height; y++) {
            int base = y * width;
            int sum = 0;
            for (int k = -r; k <= r; k++) {
                sum += luma[base + clampX(k)] & 0xFF;
            }
            rows[base] = sum;
            for (int x = 1; x < width; x++) {
                sum += (luma[base + clampX(x + r)] & 0xFF) - (luma[base + clampX(x - r - 1)] & 0xFF);
                rows[base + x] = sum;
            }
        }
        byte[] out = new byte[luma.length];
        for (int x = 0; x < width; x++) {
            int sum = 0;
            for (int k = -r; k <= r; k++) {
                sum += rows[clampY(k) * width + x];
            }
            for (int y = 0; y < height; y++) {
                if (y > 0) {
                    sum += rows[clampY(y + r) * width + x] - rows[clampY(y - r - 1) * width + x];
                }
                int v = luma[y * width + x] & 0xFF;
                int s = v + amount * (v * n - sum) / n;
                out[y * width + x] = (byte) Math.max(0, Math.min(255, s));
            }
        }
        return new LumaFrame(width, height, out);
    }

    /**
     * A cheap unsharp mask over the 3 x 3 neighbourhood (border pixels kept): after {@link #halved()} it restores the
     * module edges of a blurred or noisy frame at a quarter of the pixels, the cheapest pass that reads blur.
     */
    LumaFrame sharpened3(int amount) {
        int w = width;
        byte[] in = luma;
        byte[] out = new byte[in.length];
        System.arraycopy(in, 0, out, 0, w);
        System.arraycopy(in, (height - 1) * w, out, (height - 1) * w, w);
        for (int y = 1; y < height - 1; y++) {
            int row = y * w;
            out[row] = in[row];
            out[row + w - 1] = in[row + w - 1];
            for (int i = row + 1, end = row + w - 1; i < end; i++) {
                int v = in[i] & 0xFF;
                int s = (in[i - 1] & 0xFF) + (in[i + 1] & 0xFF) + (in[i - w] & 0xFF) + (in[i + w] & 0xFF)
                        + (in[i - w - 1] & 0xFF) + (in[i - w + 1] & 0xFF) + (in[i + w - 1] & 0xFF)
                        + (in[i + w + 1] & 0xFF);
                int o = v + amount * (8 * v - s) / 8;
                out[i] = (byte) (o < 0 ? 0 : o > 255 ? 255 : o);
            }
        }
        return new LumaFrame(w, height, out);
    }

    private int clampX(int x) {
        return Math.max(0, Math.min(width - 1, x));
    }

    private int clampY(int y) {
        return Math.max(0, Math.min(height - 1, y));
    }

    /** Twice the size, bilinear: a small code gets modules wide enough for the finder-pattern search. */
    LumaFrame doubled(int x0, int y0, int cw, int ch) {
        int w = cw * 2;
        int h = ch * 2;
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            int sy = y0 + Math.min(ch - 1, y / 2);
            int sy2 = y0 + Math.min(ch - 1, (y + 1) / 2);
            for (int x = 0; x < w; x++) {
                int sx = x0 + Math.min(cw - 1, x / 2);
                int sx2 = x0 + Math.min(cw - 1, (x + 1) / 2);
                int s = at(sx, sy) + at(sx2, sy) + at(sx, sy2) + at(sx2, sy2);
                out[y * w + x] = (byte) ((s + 2) >> 2);
            }
        }
        return new LumaFrame(w, h, out);
    }

    @Override
    public String toString() {
        return "LumaFrame[" + width + "x" + height + "]";
    }
}
