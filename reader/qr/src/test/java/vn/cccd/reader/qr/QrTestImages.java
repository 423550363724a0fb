package vn.cccd.reader.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Makes QR code pictures for tests and the benchmark: the code itself (ZXing encoder, UTF-8 bytes without ECI, as
 * on the card) and seeded camera-like scenes of it: a card on a cluttered background, rotated, tilted, blurred,
 * dark, washed out, JPEG-compressed or small in the frame. Public for the QR benchmark
 * ({@code vn.cccd.reader.qr.bench}).
 */
public final class QrTestImages {

    /** What is done to the scene. */
    public enum Distortion { CLEAN, ROTATION, PERSPECTIVE, BLUR, LOW_CONTRAST, DARK, JPEG, SMALL, MIXED }

    /** An encoded picture. */
    public record Picture(byte[] bytes, String extension) {
    }

    private QrTestImages() {
    }

    /**
     * The modules of a code holding the payload's UTF-8 bytes in byte mode and no ECI header: the bytes are passed as
     * ISO-8859-1 characters, which ZXing writes unchanged without announcing a charset.
     */
    public static BitMatrix matrix(String payload, ErrorCorrectionLevel ec) {
        String bytesAsLatin1 = new String(payload.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        try {
            return new QRCodeWriter().encode(bytesAsLatin1, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ec, EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            throw new IllegalArgumentException("the payload does not fit a QR code", e);
        }
    }

    /** A plain black-on-white code, {@code module} pixels per module, with the 4-module quiet zone. */
    public static BufferedImage code(String payload, int module) {
        BitMatrix m = matrix(payload, ErrorCorrectionLevel.M);
        int n = m.getWidth() + 8;
        BufferedImage img = new BufferedImage(n * module, n * module, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < n * module; y++) {
            for (int x = 0; x < n * module; x++) {
                int mx = x / module - 4;
                int my = y / module - 4;
                boolean dark = mx >= 0 && my >= 0 && mx < m.getWidth() && my < m.getHeight() && m.get(mx, my);
                img.getRaster().setSample(x, y, 0, dark ? 0 : 255);
            }
        }
        return img;
    }

    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] jpeg(BufferedImage image, float quality) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter w = writers.next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            w.setOutput(ios);
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            w.write(null, new IIOImage(image, null, null), p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            w.dispose();
        }
        return out.toByteArray();
    }

    /** A camera-like frame of the given size showing a card with the code, distorted as asked. */
    public static BufferedImage scene(String payload, Distortion d, Random rnd, int width, int height) {
        BitMatrix m = matrix(payload, ErrorCorrectionLevel.M);
        double side;
        double angle = Math.toRadians(rnd.nextDouble() * 20 - 10);
        double tilt = 0.03;
        switch (d) {
            case ROTATION -> {
                side = 200 + rnd.nextInt(160);
                angle = rnd.nextDouble() * 2 * Math.PI;
            }
            case PERSPECTIVE -> {
                side = 220 + rnd.nextInt(140);
                angle = rnd.nextDouble() * 2 * Math.PI;
                tilt = 0.12 + rnd.nextDouble() * 0.13;
            }
            case SMALL -> side = 125 + rnd.nextInt(55);
            case MIXED -> {
                side = 180 + rnd.nextInt(150);
                angle = rnd.nextDouble() * 2 * Math.PI;
                tilt = 0.05 + rnd.nextDouble() * 0.08;
            }
            default -> side = 220 + rnd.nextInt(160);
        }
        double cx = width / 2.0 + (rnd.nextDouble() - 0.5) * (width - side * 1.8);
        double cy = height / 2.0 + (rnd.nextDouble() - 0.5) * Math.max(0, height - side * 1.8);

        int[] rgb = background(rnd, width, height);
        drawCard(rgb, width, height, m, cx, cy, side, angle, tilt, rnd);
        switch (d) {
            case BLUR -> blur(rgb, width, height, 1.3 + rnd.nextDouble() * 1.4);
            case LOW_CONTRAST -> tone(rgb, 0.12 + rnd.nextDouble() * 0.08, 95 + rnd.nextInt(60));
            case DARK -> {
                tone(rgb, 0.10 + rnd.nextDouble() * 0.12, 0);
                noise(rgb, rnd, 2.5 + rnd.nextDouble() * 2);
            }
            case MIXED -> {
                blur(rgb, width, height, 0.8 + rnd.nextDouble() * 0.6);
                tone(rgb, 0.4 + rnd.nextDouble() * 0.3, 10);
                noise(rgb, rnd, 2);
            }
            default -> noise(rgb, rnd, 1.5);
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, width, height, rgb, 0, width);
        return out;
    }

    /** A camera-like frame of the same cluttered background with no card and no code (what a camera mostly sees). */
    public static BufferedImage emptyScene(Random rnd, int width, int height) {
        int[] rgb = background(rnd, width, height);
        noise(rgb, rnd, 1.5);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, width, height, rgb, 0, width);
        return out;
    }

    /** A scene encoded as a camera would send it: JPEG for most, lower quality for the JPEG distortion. */
    public static Picture picture(String payload, Distortion d, Random rnd, int width, int height) {
        BufferedImage img = scene(payload, d, rnd, width, height);
        return switch (d) {
            case JPEG -> new Picture(jpeg(img, 0.10f + rnd.nextFloat() * 0.15f), "jpg");
            case MIXED -> new Picture(jpeg(img, 0.5f), "jpg");
            case CLEAN, ROTATION -> new Picture(png(img), "png");
            default -> new Picture(jpeg(img, 0.85f), "jpg");
        };
    }

    // ---- drawing ---------------------------------------------------------------------------------------------

    private static int[] background(Random rnd, int w, int h) {
        BufferedImage bg = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = bg.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Color a = new Color(60 + rnd.nextInt(120), 60 + rnd.nextInt(120), 60 + rnd.nextInt(120));
        Color b = new Color(60 + rnd.nextInt(120), 60 + rnd.nextInt(120), 60 + rnd.nextInt(120));
        g.setPaint(new java.awt.GradientPaint(0, 0, a, w, h, b));
        g.fillRect(0, 0, w, h);
        for (int i = 0; i < 25; i++) {
            g.setColor(new Color(rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256)));
            int x = rnd.nextInt(w);
            int y = rnd.nextInt(h);
            switch (rnd.nextInt(3)) {
                case 0 -> g.fillRect(x, y, 10 + rnd.nextInt(160), 10 + rnd.nextInt(120));
                case 1 -> {
                    g.setStroke(new BasicStroke(1 + rnd.nextInt(6)));
                    g.drawLine(x, y, rnd.nextInt(w), rnd.nextInt(h));
                }
                default -> {
                    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12 + rnd.nextInt(30)));
                    g.drawString("CĂN CƯỚC CÔNG DÂN", x, y);
                }
            }
        }
        g.dispose();
        return bg.getRGB(0, 0, w, h, null, 0, w);
    }

    /**
     * The card (light, with the code) mapped through a perspective transform: each pixel of its bounding box is mapped
     * back into code coordinates and sampled 3 x 3 times, so edges are smooth as in a camera.
     */
    private static void drawCard(int[] rgb, int w, int h, BitMatrix m, double cx, double cy, double side,
            double angle, double tilt, Random rnd) {
        int n = m.getWidth();
        double quiet = 4;
        double cardExtra = n * 0.45;
        // the code's corners (module units, quiet zone included), rotated, scaled and jittered
        double half = side / 2;
        double[][] dst = new double[4][2];
        double[][] unit = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
        for (int i = 0; i < 4; i++) {
            double ux = unit[i][0] * half + (rnd.nextDouble() - 0.5) * 2 * tilt * side;
            double uy = unit[i][1] * half + (rnd.nextDouble() - 0.5) * 2 * tilt * side;
            dst[i][0] = cx + ux * Math.cos(angle) - uy * Math.sin(angle);
            dst[i][1] = cy + ux * Math.sin(angle) + uy * Math.cos(angle);
        }
        double total = n + 2 * quiet;
        double[][] src = {{0, 0}, {total, 0}, {total, total}, {0, total}};
        double[] hInv = homography(dst, src);
        double[] hFwd = homography(src, dst);
        // bounding box of the card (the code plus the card margin)
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        double[][] cardCorners = {{-cardExtra, -cardExtra}, {total + cardExtra * 2.2, -cardExtra},
            {total + cardExtra * 2.2, total + cardExtra}, {-cardExtra, total + cardExtra}};
        for (double[] c : cardCorners) {
            double[] p = apply(hFwd, c[0], c[1]);
            minX = Math.min(minX, p[0]);
            minY = Math.min(minY, p[1]);
            maxX = Math.max(maxX, p[0]);
            maxY = Math.max(maxY, p[1]);
        }
        int x0 = Math.max(0, (int) minX);
        int y0 = Math.max(0, (int) minY);
        int x1 = Math.min(w - 1, (int) maxX + 1);
        int y1 = Math.min(h - 1, (int) maxY + 1);
        int card = 0xE6 << 16 | 0xEC << 8 | 0xF2;
        int ink = 0x14 << 16 | 0x18 << 8 | 0x2A;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int onCard = 0;
                int darkHits = 0;
                for (int sy = 0; sy < 3; sy++) {
                    for (int sx = 0; sx < 3; sx++) {
                        double[] uv = apply(hInv, x + (sx + 0.5) / 3, y + (sy + 0.5) / 3);
                        double u = uv[0];
                        double v = uv[1];
                        if (u < -cardExtra || v < -cardExtra || u > total + cardExtra * 2.2 || v > total + cardExtra) {
                            continue;
                        }
                        onCard++;
                        int mx = (int) Math.floor(u - quiet);
                        int my = (int) Math.floor(v - quiet);
                        if (mx >= 0 && my >= 0 && mx < n && my < n && m.get(mx, my)) {
                            darkHits++;
                        }
                    }
                }
                if (onCard == 0) {
                    continue;
                }
                int base = rgb[y * w + x];
                int light = mix(base, card, onCard / 9.0);
                rgb[y * w + x] = mix(light, ink, darkHits / 9.0);
            }
        }
    }

    private static int mix(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - t) + ((b >> 16) & 0xFF) * t);
        int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - t) + ((b >> 8) & 0xFF) * t);
        int bl = (int) Math.round((a & 0xFF) * (1 - t) + (b & 0xFF) * t);
        return r << 16 | g << 8 | bl;
    }

    /** The 3x3 homography (row-major, h33 = 1) taking the 4 points {@code from} to {@code to}. */
    static double[] homography(double[][] from, double[][] to) {
        double[][] a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = from[i][0];
            double y = from[i][1];
            double u = to[i][0];
            double v = to[i][1];
            a[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
            a[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
        }
        for (int c = 0; c < 8; c++) {
            int p = c;
            for (int r = c + 1; r < 8; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            double[] t = a[c];
            a[c] = a[p];
            a[p] = t;
            for (int r = 0; r < 8; r++) {
                if (r != c) {
                    double f = a[r][c] / a[c][c];
                    for (int k = c; k < 9; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        double[] hm = new double[9];
        for (int i = 0; i < 8; i++) {
            hm[i] = a[i][8] / a[i][i];
        }
        hm[8] = 1;
        return hm;
    }

    private static double[] apply(double[] hm, double x, double y) {
        double d = hm[6] * x + hm[7] * y + hm[8];
        return new double[] {(hm[0] * x + hm[1] * y + hm[2]) / d, (hm[3] * x + hm[4] * y + hm[5]) / d};
    }

    /** Gaussian blur, separable, on each channel. */
    private static void blur(int[] rgb, int w, int h, double sigma) {
        int r = (int) Math.ceil(sigma * 3);
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        for (int shift = 0; shift <= 16; shift += 8) {
            double[] ch = new double[w * h];
            for (int i = 0; i < ch.length; i++) {
                ch[i] = (rgb[i] >> shift) & 0xFF;
            }
            double[] tmp = new double[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double s = 0;
                    for (int i = -r; i <= r; i++) {
                        s += k[i + r] * ch[y * w + Math.min(w - 1, Math.max(0, x + i))];
                    }
                    tmp[y * w + x] = s;
                }
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double s = 0;
                    for (int i = -r; i <= r; i++) {
                        s += k[i + r] * tmp[Math.min(h - 1, Math.max(0, y + i)) * w + x];
                    }
                    int v = (int) Math.round(s);
                    rgb[y * w + x] = (rgb[y * w + x] & ~(0xFF << shift)) | (v << shift);
                }
            }
        }
    }

    /** Every channel scaled by {@code gain} and shifted by {@code offset}: dark or washed-out light. */
    private static void tone(int[] rgb, double gain, int offset) {
        for (int i = 0; i < rgb.length; i++) {
            int c = rgb[i];
            int r = clamp((int) (((c >> 16) & 0xFF) * gain) + offset);
            int g = clamp((int) (((c >> 8) & 0xFF) * gain) + offset);
            int b = clamp((int) ((c & 0xFF) * gain) + offset);
            rgb[i] = r << 16 | g << 8 | b;
        }
    }

    private static void noise(int[] rgb, Random rnd, double sigma) {
        for (int i = 0; i < rgb.length; i++) {
            int c = rgb[i];
            double n = rnd.nextGaussian() * sigma;
            int r = clamp((int) Math.round(((c >> 16) & 0xFF) + n));
            int g = clamp((int) Math.round(((c >> 8) & 0xFF) + n));
            int b = clamp((int) Math.round((c & 0xFF) + n));
            rgb[i] = r << 16 | g << 8 | b;
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
