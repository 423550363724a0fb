package vn.cccd.mock.persona;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.Random;
import vn.cccd.reader.lds.image.JpegEncoder;
import vn.cccd.mock.pki.Seeds;

/**
 * Draws a synthetic portrait (a simple cartoon head and shoulders, never a real face) as a JPEG of roughly
 * 15-20 KB, like the DG2 portrait of a CCCD. The drawing depends only on the seed, so the same persona always
 * gets the same bytes.
 */
public final class PortraitGenerator {
    public static final int WIDTH = 360;
    public static final int HEIGHT = 480;
    private static final float QUALITY = 0.80f;

    private static final Color[] SKIN = {
        new Color(241, 204, 170), new Color(224, 180, 140), new Color(198, 150, 110), new Color(234, 192, 160),
        new Color(214, 168, 128)};
    private static final Color[] HAIR = {
        new Color(20, 16, 14), new Color(40, 30, 24), new Color(60, 44, 30), new Color(90, 90, 90),
        new Color(200, 200, 200)};
    private static final Color[] SHIRT = {
        new Color(240, 240, 240), new Color(40, 60, 110), new Color(120, 30, 40), new Color(60, 90, 60),
        new Color(30, 30, 30)};

    private PortraitGenerator() {
    }

    /**
     * @param seed the persona name (any text)
     * @param female longer hair when true
     * @param grey grey hair (older holders)
     */
    public static byte[] jpeg(String seed, boolean female, boolean grey) {
        return encode(draw(new Random(Seeds.seed("portrait:" + seed)), female, grey));
    }

    static BufferedImage draw(Random r, boolean female, boolean grey) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            // a plain light background, as the photo rules ask for
            g.setPaint(new GradientPaint(0, 0, new Color(236, 242, 250), 0, HEIGHT, new Color(206, 218, 234)));
            g.fillRect(0, 0, WIDTH, HEIGHT);

            Color skin = SKIN[r.nextInt(SKIN.length)];
            Color hair = grey ? HAIR[3 + r.nextInt(2)] : HAIR[r.nextInt(3)];
            Color shirt = SHIRT[r.nextInt(SHIRT.length)];
            double cx = WIDTH / 2.0 + r.nextInt(11) - 5;
            double faceW = 150 + r.nextInt(24);
            double faceH = 196 + r.nextInt(24);
            double faceTop = 120 + r.nextInt(12);

            // shoulders and neck
            g.setColor(shirt);
            g.fill(new RoundRectangle2D.Double(cx - 170, faceTop + faceH + 40, 340, 220, 160, 120));
            g.setColor(skin.darker());
            g.fill(new RoundRectangle2D.Double(cx - 36, faceTop + faceH - 30, 72, 90, 30, 30));

            // hair behind the head
            g.setColor(hair);
            double hairDrop = female ? 150 + r.nextInt(60) : 30 + r.nextInt(20);
            g.fill(new RoundRectangle2D.Double(cx - faceW / 2 - 18, faceTop - 34, faceW + 36, faceH * 0.55 + hairDrop,
                    faceW * 0.9, faceW * 0.9));

            // face and ears
            g.setColor(skin);
            g.fill(new Ellipse2D.Double(cx - faceW / 2 - 14, faceTop + faceH * 0.40, 28, 46));
            g.fill(new Ellipse2D.Double(cx + faceW / 2 - 14, faceTop + faceH * 0.40, 28, 46));
            g.fill(new Ellipse2D.Double(cx - faceW / 2, faceTop, faceW, faceH));

            // fringe
            g.setColor(hair);
            Path2D fringe = new Path2D.Double();
            fringe.moveTo(cx - faceW / 2 - 4, faceTop + faceH * 0.35);
            fringe.curveTo(cx - faceW / 2, faceTop - 30, cx + faceW / 2, faceTop - 30, cx + faceW / 2 + 4,
                    faceTop + faceH * 0.35);
            fringe.curveTo(cx + faceW * 0.2, faceTop + 20 + r.nextInt(20), cx - faceW * 0.2, faceTop + 10 + r.nextInt(30),
                    cx - faceW / 2 - 4, faceTop + faceH * 0.35);
            g.fill(fringe);

            // eyes, brows, nose, mouth
            double eyeY = faceTop + faceH * 0.47;
            double eyeDx = faceW * 0.21;
            for (int side = -1; side <= 1; side += 2) {
                double ex = cx + side * eyeDx;
                g.setColor(Color.WHITE);
                g.fill(new Ellipse2D.Double(ex - 15, eyeY - 7, 30, 14));
                g.setColor(new Color(50 + r.nextInt(30), 35, 25));
                g.fill(new Ellipse2D.Double(ex - 6, eyeY - 6, 12, 12));
                g.setColor(hair.darker());
                g.setStroke(new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.drawLine((int) (ex - 16), (int) (eyeY - 20 - r.nextInt(4)), (int) (ex + 16), (int) (eyeY - 22));
            }
            g.setColor(skin.darker());
            g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            Path2D nose = new Path2D.Double();
            nose.moveTo(cx - 2, eyeY + 8);
            nose.lineTo(cx - 9, eyeY + 44);
            nose.lineTo(cx + 7, eyeY + 46);
            g.draw(nose);
            g.setColor(new Color(170, 80, 80));
            Path2D mouth = new Path2D.Double();
            double my = faceTop + faceH * 0.78;
            double mw = 26 + r.nextInt(14);
            mouth.moveTo(cx - mw, my);
            mouth.quadTo(cx, my + 6 + r.nextInt(10), cx + mw, my);
            g.draw(mouth);

            // sensor noise, so that the JPEG has the texture (and size) of a photo
            addNoise(img, r);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void addNoise(BufferedImage img, Random r) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int n = (int) Math.round(r.nextGaussian() * 2.6);
                int red = clamp(((rgb >> 16) & 0xFF) + n);
                int green = clamp(((rgb >> 8) & 0xFF) + n);
                int blue = clamp((rgb & 0xFF) + n);
                img.setRGB(x, y, (red << 16) | (green << 8) | blue);
            }
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static byte[] encode(BufferedImage img) {
        return JpegEncoder.encode(img, QUALITY);
    }
}
