package vn.cccd.reader.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.detector.Detector;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import vn.cccd.reader.qr.QrException.Reason;

/**
 * Finds and decodes QR codes in PNG/JPEG images and camera frames with ZXing, then parses the CCCD one.
 *
 * <p>Decoding starts cheap and only gets harder when nothing was found: most frames decode in the first pass (one
 * ZXing pass, after a contrast stretch when the frame is dim or washed out), so the median cost is that of one pass.
 * A camera frame ({@link Effort#FRAME}) then gets a sharpened half-size copy (blur, noise, JPEG), a sharpened copy
 * and the located code's region enlarged (small codes); a file ({@link Effort#THOROUGH}) also gets the plain frame,
 * half size, a global binarizer, stronger sharpening, the whole frame enlarged and the inverted frame.
 *
 * <p>The payload is UTF-8 bytes without an ECI header. ZXing would otherwise guess the charset of a byte segment
 * and can turn "Võ" into Japanese; here byte segments are always UTF-8 (an ECI, when present, still wins), and a
 * segment that is not valid UTF-8 gives U+FFFD, which the parser flags.
 *
 * <p>Thread-safe: nothing is shared between calls.
 */
public final class QrImageDecoder {

    /**
     * Size limits checked from the image header before decoding.
     *
     * @param maxBytes the largest file
     * @param maxSide the largest width or height
     * @param maxPixels the most pixels in all
     * @param decodePixels larger pictures are subsampled to about this many pixels while decoding
     */
    public record Limits(long maxBytes, int maxSide, long maxPixels, long decodePixels) {
        /** A 50-megapixel phone photo passes; a decompression bomb does not. */
        public static final Limits DEFAULT = new Limits(25L << 20, 12_000, 60_000_000L, 12_000_000L);
    }

    /** How hard to look. */
    public enum Effort {
        /** A camera frame: the cheap passes only, since the next frame comes soon. */
        FRAME,
        /** An uploaded image or a file: every pass. */
        THOROUGH
    }

    private static final Map<DecodeHintType, Object> FAST = hints(false);
    private static final Map<DecodeHintType, Object> HARD = hints(true);
    /** Below this many pixels on the short side a code may be too small for the finder-pattern search. */
    private static final int SMALL_FRAME = 1400;

    private final Limits limits;

    public QrImageDecoder() {
        this(Limits.DEFAULT);
    }

    public QrImageDecoder(Limits limits) {
        this.limits = limits;
    }

    /**
     * The CCCD QR code in a PNG or JPEG image.
     *
     * @throws QrException NO_QR, NOT_CCCD, INVALID_CCCD_QR, SEVERAL_QR, IMAGE_TOO_LARGE or NOT_AN_IMAGE
     */
    public CccdQr decodeCccd(byte[] image, Effort effort, LocalDate today) {
        return pickCccd(decodeTexts(image, effort), today);
    }

    /** The CCCD QR code in a picture already in memory (the same size limits as a file). */
    public CccdQr decodeCccd(BufferedImage image, Effort effort, LocalDate today) {
        checkSize(image.getWidth(), image.getHeight());
        return pickCccd(decodeTexts(LumaFrame.of(image), effort), today);
    }

    /** The text of every QR code found (each once), or an empty list. */
    public List<String> decodeTexts(byte[] image, Effort effort) {
        return decodeTexts(ImageLoader.load(image, limits), effort);
    }

    /** As {@link #decodeTexts(byte[], Effort)} for a greyscale frame (one luminance byte per pixel, by rows). */
    public List<String> decodeTexts(byte[] luma, int width, int height, Effort effort) {
        checkSize(width, height);
        if (luma == null || (long) width * height != luma.length) {
            throw new QrException(Reason.NOT_AN_IMAGE, "the frame's bytes do not match its size " + width + "x"
                    + height);
        }
        return decodeTexts(new LumaFrame(width, height, luma), effort);
    }

    /**
     * A picture already in memory is held to the file limits too: the later passes copy and enlarge it, so an
     * oversized one would cost far more memory and time than a camera frame or a photo.
     */
    private void checkSize(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new QrException(Reason.NOT_AN_IMAGE, "the image has no pixels");
        }
        if (width > limits.maxSide() || height > limits.maxSide() || (long) width * height > limits.decodePixels()) {
            throw new QrException(Reason.IMAGE_TOO_LARGE, "the image is " + width + "x" + height
                    + " pixels; at most " + limits.maxSide() + " per side and " + limits.decodePixels() / 1_000_000
                    + " million in all are decoded");
        }
    }

    List<String> decodeTexts(LumaFrame frame, Effort effort) {
        for (Pass pass : passes(effort)) {
            LumaFrame f = pass.prepare.apply(frame);
            if (f == null) {
                continue;
            }
            List<String> found = decode(f, pass);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    /** Picks the one CCCD code among the texts found. */
    static CccdQr pickCccd(List<String> texts, LocalDate today) {
        if (texts.isEmpty()) {
            throw new QrException(Reason.NO_QR, "no QR code was found in the image");
        }
        List<CccdQr> cards = new ArrayList<>();
        QrException invalid = null;
        QrException notCccd = null;
        for (String t : texts) {
            try {
                CccdQr qr = CccdQrParser.parse(t, today);
                if (cards.stream().noneMatch(c -> c.payload().equals(qr.payload()))) {
                    cards.add(qr);
                }
            } catch (QrException e) {
                if (e.reason() == Reason.INVALID_CCCD_QR) {
                    invalid = invalid == null ? e : invalid;
                } else {
                    notCccd = notCccd == null ? e : notCccd;
                }
            }
        }
        if (cards.size() > 1) {
            throw new QrException(Reason.SEVERAL_QR, "the image shows " + cards.size()
                    + " different CCCD QR codes; show one card at a time");
        }
        if (cards.size() == 1) {
            return cards.get(0);
        }
        throw invalid != null ? invalid : notCccd;
    }

    // ---- passes ------------------------------------------------------------------------------------------------

    private enum Binarization { HYBRID, GLOBAL }

    private record Pass(String name, Function<LumaFrame, LumaFrame> prepare, Binarization binarization,
            boolean hard, boolean multi, boolean inverted) {
    }

    /** Below this spread of levels a frame is contrast-stretched before the first pass (see LumaFrame.spread). */
    private static final int NARROW_SPREAD = 64;

    /*
     * The order comes from a profile of every pass over the benchmark's 360 frames (docs/BENCHMARKS.md): the first
     * pass alone reads about 80 % of them; each later one is there for what the earlier ones miss, cheapest first.
     * TRY_HARDER from the start: ZXing's multi-code finder without it skips rows and misses most rotated and small
     * codes (192 of 360 frames against 248 with it), at about the same cost per frame.
     */
    private static final List<Pass> FRAME_PASSES = List.of(
            // every frame: several codes found here are SEVERAL_QR; dim and washed-out frames stretched first
            new Pass("first", f -> f.withContrast(NARROW_SPREAD), Binarization.HYBRID, true, true, false),
            // blur, noise, heavy JPEG: a quarter of the pixels, edges restored (about 3 ms)
            new Pass("half-sharpened", f -> halvedSharpened(f), Binarization.HYBRID, true, false, false),
            // small and blurred codes at full size
            new Pass("sharpened", f -> f.sharpened3(1), Binarization.HYBRID, true, false, false),
            // a small code that was found but not read: its region at twice the size
            new Pass("located-double", QrImageDecoder::locatedDoubled, Binarization.HYBRID, true, false, false));

    private static final List<Pass> THOROUGH_PASSES = List.of(
            FRAME_PASSES.get(0),
            FRAME_PASSES.get(1),
            FRAME_PASSES.get(2),
            FRAME_PASSES.get(3),
            new Pass("plain", f -> f, Binarization.HYBRID, true, false, false),
            new Pass("half", LumaFrame::halved, Binarization.HYBRID, true, false, false),
            new Pass("stretched", LumaFrame::stretched, Binarization.HYBRID, true, false, false),
            new Pass("global", f -> f, Binarization.GLOBAL, true, false, false),
            new Pass("sharpened-5x5", f -> f.sharpened(1), Binarization.HYBRID, true, false, false),
            new Pass("sharpened-more", f -> f.sharpened(2), Binarization.HYBRID, true, false, false),
            new Pass("half-global", LumaFrame::halved, Binarization.GLOBAL, true, false, false),
            new Pass("double", QrImageDecoder::enlarged, Binarization.HYBRID, true, false, false),
            new Pass("inverted", f -> f, Binarization.HYBRID, true, false, true));

    /** The largest side of a located code that is worth enlarging: bigger codes have modules wide enough. */
    private static final int LOCATED_MAX_SIDE = 600;

    /**
     * The region of the code that ZXing's detector locates in the frame (its finder patterns), with a margin, at twice
     * the size; null when nothing code-like is found. Codes of about 3 pixels per module are found but sampled wrong;
     * enlarged they read, and only the region is enlarged (a whole 1280 x 720 frame doubled costs ten times more).
     */
    static LumaFrame locatedDoubled(LumaFrame f) {
        ResultPoint[] points;
        try {
            LuminanceSource source = new PlanarYUVLuminanceSource(f.luma(), f.width(), f.height(), 0, 0, f.width(),
                    f.height(), false);
            points = new Detector(new HybridBinarizer(source).getBlackMatrix()).detect(HARD).getPoints();
        } catch (ReaderException e) {
            return null;
        }
        float minX = Float.MAX_VALUE;
        float minY = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        float maxY = -Float.MAX_VALUE;
        for (ResultPoint p : points) {
            minX = Math.min(minX, p.getX());
            minY = Math.min(minY, p.getY());
            maxX = Math.max(maxX, p.getX());
            maxY = Math.max(maxY, p.getY());
        }
        // the points are finder pattern centres (3.5 modules in) and the alignment pattern: 40 % more on each side
        // covers the rest of the code and its quiet zone, tilted or not
        float margin = Math.max(maxX - minX, maxY - minY) * 0.4f;
        int x0 = Math.max(0, (int) (minX - margin));
        int y0 = Math.max(0, (int) (minY - margin));
        int x1 = Math.min(f.width(), (int) (maxX + margin) + 1);
        int y1 = Math.min(f.height(), (int) (maxY + margin) + 1);
        int w = x1 - x0;
        int h = y1 - y0;
        if (w < 21 || h < 21 || w > LOCATED_MAX_SIDE || h > LOCATED_MAX_SIDE) {
            return null;
        }
        return f.doubled(x0, y0, w, h);
    }

    private static LumaFrame halvedSharpened(LumaFrame f) {
        LumaFrame h = f.halved();
        return h == null ? null : h.sharpened3(1);
    }

    private static List<Pass> passes(Effort effort) {
        return effort == Effort.FRAME ? FRAME_PASSES : THOROUGH_PASSES;
    }

    private static LumaFrame enlarged(LumaFrame f) {
        if (Math.min(f.width(), f.height()) > SMALL_FRAME) {
            return null;
        }
        return f.doubled(0, 0, f.width(), f.height());
    }

    private static List<String> decode(LumaFrame f, Pass pass) {
        LuminanceSource source = new PlanarYUVLuminanceSource(f.luma(), f.width(), f.height(), 0, 0, f.width(),
                f.height(), false);
        if (pass.inverted) {
            source = source.invert();
        }
        Binarizer binarizer = pass.binarization == Binarization.GLOBAL ? new GlobalHistogramBinarizer(source)
                : new HybridBinarizer(source);
        BinaryBitmap bitmap = new BinaryBitmap(binarizer);
        Map<DecodeHintType, Object> hints = pass.hard ? HARD : FAST;
        Set<String> texts = new LinkedHashSet<>();
        try {
            if (pass.multi) {
                for (Result r : new QRCodeMultiReader().decodeMultiple(bitmap, hints)) {
                    texts.add(text(r));
                }
            } else {
                texts.add(text(new QRCodeReader().decode(bitmap, hints)));
            }
        } catch (NotFoundException e) {
            return List.of();
        } catch (ReaderException e) {
            // found but unreadable (checksum, format): a later pass may read it
            return List.of();
        }
        return List.copyOf(texts);
    }

    /**
     * The text of a result. The hint makes ZXing decode byte segments as UTF-8; bytes that are not UTF-8 (a damaged
     * or foreign code) become U+FFFD, which the parser flags rather than passing on a wrong letter.
     */
    static String text(Result r) {
        return r.getText();
    }

    private static Map<DecodeHintType, Object> hints(boolean hard) {
        Map<DecodeHintType, Object> h = new EnumMap<>(DecodeHintType.class);
        h.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        // never guess: "Võ" in UTF-8 can pass for Shift_JIS
        h.put(DecodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        if (hard) {
            h.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        }
        return java.util.Collections.unmodifiableMap(h);
    }
}
