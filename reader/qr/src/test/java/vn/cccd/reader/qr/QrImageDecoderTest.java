package vn.cccd.reader.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cccd.reader.qr.QrException.Reason;
import vn.cccd.reader.qr.QrImageDecoder.Effort;
import vn.cccd.reader.qr.QrTestImages.Distortion;

class QrImageDecoderTest {
    private static final String VO = "001190123456||Võ Thị Sáu|01011990|Nữ|Xã Ỷ La, Huyện Đức Phổ, Tỉnh Quảng Ngãi|15042021";
    private final QrImageDecoder decoder = new QrImageDecoder();

    static BufferedImage onWhite(int w, int h, BufferedImage... codes) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        int x = 20;
        for (BufferedImage c : codes) {
            g.drawImage(c, x, 20, null);
            x += c.getWidth() + 40;
        }
        g.dispose();
        return img;
    }

    @Test
    void readsTheRawBytesAsUtf8() {
        CccdQr qr = decoder.decodeCccd(QrTestImages.png(QrTestImages.code(VO, 4)), Effort.FRAME, QrSamples.TODAY);
        assertThat(qr.payload()).isEqualTo(VO);
        assertThat(qr.fields().fullName()).isEqualTo("Võ Thị Sáu");
        assertThat(qr.fields().placeOfResidence()).isEqualTo("Xã Ỷ La, Huyện Đức Phổ, Tỉnh Quảng Ngãi");
        assertThat(qr.warnings()).isEmpty();
    }

    /**
     * One damaged byte: without the UTF-8 hint ZXing guesses a charset for the whole segment, and where the platform
     * charset is not UTF-8 (Windows: Windows-1252) every letter with a mark goes wrong ("Võ" becomes "VÃµ"); read as
     * UTF-8 only the damaged letter is lost, and it is flagged.
     */
    @Test
    void aByteThatIsNotUtf8CostsOneFlaggedLetterNotTheWholeText() throws Exception {
        byte[] bytes = VO.getBytes(StandardCharsets.UTF_8);
        int at = indexOf(bytes, "Ỷ".getBytes(StandardCharsets.UTF_8));
        bytes[at + 2] = 'A';
        BufferedImage code = codeOfBytes(bytes);
        CccdQr qr = decoder.decodeCccd(QrTestImages.png(code), Effort.THOROUGH, QrSamples.TODAY);
        assertThat(qr.fields().fullName()).isEqualTo("Võ Thị Sáu");
        assertThat(qr.fields().placeOfResidence()).startsWith("Xã \uFFFD").endsWith("Đức Phổ, Tỉnh Quảng Ngãi");
        assertThat(qr.warnings()).extracting(QrWarning::code, QrWarning::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(QrWarning.Code.TEXT_UNCERTAIN, "placeOfResidence"));
    }

    private static BufferedImage codeOfBytes(byte[] bytes) throws Exception {
        BitMatrix m = new QRCodeWriter().encode(new String(bytes, StandardCharsets.ISO_8859_1), BarcodeFormat.QR_CODE,
                400, 400);
        return com.google.zxing.client.j2se.MatrixToImageWriter.toBufferedImage(m);
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    @Test
    void aCodeWithAnEciHeaderIsReadToo() throws Exception {
        BitMatrix m = new QRCodeWriter().encode(VO, BarcodeFormat.QR_CODE, 300, 300,
                Map.of(EncodeHintType.CHARACTER_SET, "UTF-8"));
        BufferedImage img = com.google.zxing.client.j2se.MatrixToImageWriter.toBufferedImage(m);
        assertThat(decoder.decodeTexts(QrTestImages.png(img), Effort.FRAME)).containsExactly(VO);
    }

    static Stream<QrSamples.Sample> samples() {
        QrSamples g = new QrSamples(31337L);
        return IntStream.range(0, 24).mapToObj(i -> g.next());
    }

    /** Property: every generated payload, 2021 or 2024, comes back byte for byte from a PNG and a JPEG. */
    @ParameterizedTest
    @MethodSource("samples")
    void everyPayloadComesBackExactly(QrSamples.Sample s) {
        BufferedImage code = QrTestImages.code(s.payload(), 3);
        CccdQr fromPng = decoder.decodeCccd(QrTestImages.png(code), Effort.FRAME, QrSamples.TODAY);
        assertThat(fromPng.payload()).isEqualTo(s.payload());
        assertThat(fromPng.fields()).usingRecursiveComparison().isEqualTo(s.fields());
        BufferedImage rgb = onWhite(code.getWidth() + 40, code.getHeight() + 40, code);
        assertThat(decoder.decodeTexts(QrTestImages.jpeg(rgb, 0.6f), Effort.FRAME)).containsExactly(s.payload());
    }

    static Stream<Arguments> scenes() {
        QrSamples g = new QrSamples(2024L);
        Random rnd = new Random(77);
        return Arrays.stream(Distortion.values()).flatMap(d -> IntStream.range(0, 2)
                .mapToObj(i -> Arguments.of(d, g.next().payload(), rnd.nextLong())));
    }

    /**
     * Seeded camera-like frames (1280 x 720): the kinds the decoder must always read are read, and no frame ever gives
     * a wrong payload. Success rates over many frames are measured by the benchmark, not here.
     */
    @ParameterizedTest(name = "{0} #{index}")
    @MethodSource("scenes")
    void readsDistortedFramesAndNeverReturnsAWrongPayload(Distortion d, String payload, long seed) {
        QrTestImages.Picture p = QrTestImages.picture(payload, d, new Random(seed), 1280, 720);
        List<String> texts = decoder.decodeTexts(p.bytes(), Effort.THOROUGH);
        assertThat(texts).allMatch(payload::equals);
        if (d != Distortion.PERSPECTIVE && d != Distortion.BLUR && d != Distortion.MIXED) {
            assertThat(texts).as("%s frame", d).containsExactly(payload);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Distortion.class, names = {"ROTATION", "DARK", "LOW_CONTRAST", "SMALL"})
    void theHarderPassesFindWhatTheCheapOnesMiss(Distortion d) {
        // over a few seeded frames of each kind, every pass together reads at least as many as the frame passes
        QrSamples g = new QrSamples(5L);
        Random rnd = new Random(d.ordinal());
        int frame = 0;
        int thorough = 0;
        for (int i = 0; i < 3; i++) {
            String payload = g.next().payload();
            byte[] bytes = QrTestImages.picture(payload, d, rnd, 1280, 720).bytes();
            frame += decoder.decodeTexts(bytes, Effort.FRAME).contains(payload) ? 1 : 0;
            thorough += decoder.decodeTexts(bytes, Effort.THOROUGH).contains(payload) ? 1 : 0;
        }
        assertThat(thorough).isGreaterThanOrEqualTo(frame).isEqualTo(3);
    }

    @Test
    void aDimOrWashedOutFrameIsStretchedBeforeTheFirstPassAndANormalOneIsLeftAlone() {
        QrSamples g = new QrSamples(9L);
        for (Distortion d : List.of(Distortion.LOW_CONTRAST, Distortion.DARK)) {
            LumaFrame dim = LumaFrame.of(QrTestImages.scene(g.next().payload(), d, new Random(d.ordinal()), 640, 360));
            assertThat(dim.spread()).as("%s spread", d).isLessThan(64);
            LumaFrame stretched = dim.withContrast(64);
            assertThat(stretched).isNotSameAs(dim);
            assertThat(stretched.spread()).as("%s stretched", d).isGreaterThan(150);
        }
        LumaFrame normal = LumaFrame.of(QrTestImages.scene(g.next().payload(), Distortion.CLEAN, new Random(1), 640, 360));
        assertThat(normal.spread()).isGreaterThan(150);
        assertThat(normal.withContrast(64)).isSameAs(normal);
    }

    @Test
    void aSmallCodeIsLocatedAndOnlyItsRegionEnlarged() {
        BufferedImage frame = new BufferedImage(1280, 720, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = frame.createGraphics();
        g.setColor(new Color(200, 200, 200));
        g.fillRect(0, 0, 1280, 720);
        BufferedImage code = QrTestImages.code(VO, 3);
        g.drawImage(code, 900, 400, null);
        g.dispose();
        LumaFrame region = QrImageDecoder.locatedDoubled(LumaFrame.of(frame));
        assertThat(region).isNotNull();
        // twice the code and a margin, far less than the whole frame doubled
        assertThat(region.width()).isBetween(2 * code.getWidth() - 60, 2 * code.getWidth() + 400);
        assertThat(region.height()).isBetween(2 * code.getHeight() - 60, 2 * code.getHeight() + 400);
        assertThat(decoder.decodeTexts(region.luma(), region.width(), region.height(), Effort.FRAME)).containsExactly(VO);
        // nothing code-like: no region
        assertThat(QrImageDecoder.locatedDoubled(LumaFrame.of(onWhite(640, 480)))).isNull();
    }

    @Test
    void severalCodes() {
        QrSamples g = new QrSamples(1L);
        String a = g.cccd2021().payload();
        String b = g.canCuoc2024().payload();
        BufferedImage two = onWhite(1280, 500, QrTestImages.code(a, 3), QrTestImages.code(b, 3));
        assertThat(decoder.decodeTexts(QrTestImages.png(two), Effort.FRAME)).containsExactlyInAnyOrder(a, b);
        assertThatThrownBy(() -> decoder.decodeCccd(QrTestImages.png(two), Effort.THOROUGH, QrSamples.TODAY))
                .isInstanceOfSatisfying(QrException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SEVERAL_QR));
        // a link beside the card: the card is meant
        BufferedImage withLink = onWhite(1280, 500, QrTestImages.code("https://example.vn/dang-ky", 4),
                QrTestImages.code(a, 3));
        assertThat(decoder.decodeCccd(QrTestImages.png(withLink), Effort.THOROUGH, QrSamples.TODAY).payload())
                .isEqualTo(a);
        // the same card twice is one card
        BufferedImage same = onWhite(1280, 500, QrTestImages.code(a, 3), QrTestImages.code(a, 3));
        assertThat(decoder.decodeCccd(QrTestImages.png(same), Effort.THOROUGH, QrSamples.TODAY).payload()).isEqualTo(a);
    }

    @Test
    void noCodeALinkAndABrokenPayloadHaveTheirOwnCodes() {
        BufferedImage blank = onWhite(640, 480);
        assertReason(() -> decoder.decodeCccd(QrTestImages.png(blank), Effort.THOROUGH, QrSamples.TODAY), Reason.NO_QR);
        byte[] url = QrTestImages.png(QrTestImages.code("https://dichvucong.gov.vn/p/home", 4));
        assertReason(() -> decoder.decodeCccd(url, Effort.FRAME, QrSamples.TODAY), Reason.NOT_CCCD);
        byte[] truncated = QrTestImages.png(QrTestImages.code("001090123456|012345678|NGUYỄN VĂN A|0101", 4));
        assertReason(() -> decoder.decodeCccd(truncated, Effort.FRAME, QrSamples.TODAY), Reason.INVALID_CCCD_QR);
    }

    @Test
    void refusesWhatIsNotAnImage() {
        byte[] png = QrTestImages.png(QrTestImages.code(VO, 3));
        for (byte[] bad : List.of(new byte[0], "001090123456||Nguyễn".getBytes(StandardCharsets.UTF_8),
                Arrays.copyOf(png, 60), new byte[] {'G', 'I', 'F', '8', '9', 'a', 0, 0}, randomBytes(5000))) {
            assertReason(() -> decoder.decodeTexts(bad, Effort.THOROUGH), Reason.NOT_AN_IMAGE);
        }
        byte[] jpegHeaderOnly = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
        assertReason(() -> decoder.decodeTexts(jpegHeaderOnly, Effort.THOROUGH), Reason.NOT_AN_IMAGE);
    }

    @Test
    void refusesHugeImagesBeforeDecodingThem() {
        // a real PNG of 13 000 x 8 pixels: small file, too wide
        BufferedImage wide = new BufferedImage(13_000, 8, BufferedImage.TYPE_BYTE_GRAY);
        assertReason(() -> decoder.decodeTexts(QrTestImages.png(wide), Effort.THOROUGH), Reason.IMAGE_TOO_LARGE);
        byte[] png = QrTestImages.png(QrTestImages.code(VO, 4));
        QrImageDecoder strict = new QrImageDecoder(new QrImageDecoder.Limits(1000, 12_000, 60_000_000L, 12_000_000L));
        assertReason(() -> strict.decodeTexts(png, Effort.THOROUGH), Reason.IMAGE_TOO_LARGE);
        QrImageDecoder fewPixels = new QrImageDecoder(new QrImageDecoder.Limits(1 << 20, 12_000, 10_000, 10_000));
        assertReason(() -> fewPixels.decodeTexts(png, Effort.THOROUGH), Reason.IMAGE_TOO_LARGE);
        // a PNG header that claims 60 000 x 60 000 pixels: refused from the header alone
        assertReason(() -> decoder.decodeTexts(pngHeader(60_000, 60_000), Effort.THOROUGH), Reason.IMAGE_TOO_LARGE);
    }

    @Test
    void aJpegWhoseHeaderClaimsAHugeSizeIsRefusedBeforeDecoding() {
        byte[] jpeg = QrTestImages.jpeg(QrTestImages.code(VO, 3), 0.8f);
        assertReason(() -> decoder.decodeTexts(withJpegSize(jpeg, 60_000, 60_000), Effort.THOROUGH),
                Reason.IMAGE_TOO_LARGE);
        // each side within the limit, too many pixels in all
        assertReason(() -> decoder.decodeTexts(withJpegSize(jpeg, 11_000, 11_000), Effort.THOROUGH),
                Reason.IMAGE_TOO_LARGE);
    }

    /** The JPEG with its frame header (SOF0) claiming another size; the pixel data is left as it was. */
    private static byte[] withJpegSize(byte[] jpeg, int width, int height) {
        byte[] b = jpeg.clone();
        for (int i = 2; i + 8 < b.length; i++) {
            if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xC0) {
                b[i + 5] = (byte) (height >> 8);
                b[i + 6] = (byte) height;
                b[i + 7] = (byte) (width >> 8);
                b[i + 8] = (byte) width;
                return b;
            }
        }
        throw new AssertionError("no SOF0 marker");
    }

    @Test
    void truncatedImagesGiveATypedAnswerAndNeverAWrongPayload() {
        BufferedImage img = onWhite(640, 480, QrTestImages.code(VO, 3));
        for (byte[] whole : List.of(QrTestImages.jpeg(img, 0.8f), QrTestImages.png(img))) {
            for (int cut : new int[] {whole.length / 10, whole.length / 3, whole.length / 2, whole.length * 9 / 10,
                whole.length - 2}) {
                byte[] part = Arrays.copyOf(whole, cut);
                try {
                    assertThat(decoder.decodeTexts(part, Effort.THOROUGH)).allMatch(VO::equals);
                } catch (QrException e) {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_AN_IMAGE);
                    assertThat(e.getMessage()).isNotBlank();
                }
            }
        }
    }

    @Test
    void picturesAndFramesInMemoryAreHeldToTheLimits() {
        assertReason(() -> decoder.decodeTexts(new byte[13_000], 13_000, 1, Effort.FRAME), Reason.IMAGE_TOO_LARGE);
        QrImageDecoder few = new QrImageDecoder(new QrImageDecoder.Limits(1 << 20, 12_000, 60_000_000L, 40_000));
        assertReason(() -> few.decodeTexts(new byte[250 * 250], 250, 250, Effort.FRAME), Reason.IMAGE_TOO_LARGE);
        assertReason(() -> few.decodeCccd(new BufferedImage(250, 250, BufferedImage.TYPE_BYTE_GRAY), Effort.FRAME,
                QrSamples.TODAY), Reason.IMAGE_TOO_LARGE);
        // bytes that do not match the size, or no pixels
        assertReason(() -> decoder.decodeTexts(new byte[10], 4, 4, Effort.FRAME), Reason.NOT_AN_IMAGE);
        assertReason(() -> decoder.decodeTexts(new byte[0], 0, 0, Effort.FRAME), Reason.NOT_AN_IMAGE);
        assertReason(() -> decoder.decodeTexts(null, 4, 4, Effort.FRAME), Reason.NOT_AN_IMAGE);
        // within the limits: read
        LumaFrame luma = LumaFrame.of(QrTestImages.code(VO, 3));
        assertThat(few.decodeTexts(luma.luma(), luma.width(), luma.height(), Effort.FRAME)).containsExactly(VO);
    }

    @Test
    void wrongFieldCountsInACodeAreInvalidNotCrashes() {
        String six = "001090123456|012345678|Nguyễn Văn A|01011990|Nam|Hà Nội";
        String tooMany = VO + "|".repeat(40);
        for (String payload : List.of(six, tooMany)) {
            byte[] png = QrTestImages.png(QrTestImages.code(payload, 3));
            assertReason(() -> decoder.decodeCccd(png, Effort.FRAME, QrSamples.TODAY), Reason.INVALID_CCCD_QR);
        }
    }

    @Test
    void largePhotosAreSubsampledWhileDecoding() {
        BufferedImage big = onWhite(2400, 1800, QrTestImages.code(VO, 9));
        QrImageDecoder small = new QrImageDecoder(new QrImageDecoder.Limits(25 << 20, 12_000, 60_000_000L, 1_200_000));
        assertThat(ImageLoader.subsampling(2400, 1800, 1_200_000)).isEqualTo(2);
        assertThat(small.decodeTexts(QrTestImages.jpeg(big, 0.8f), Effort.FRAME)).containsExactly(VO);
    }

    @Test
    void readsTransparentPngsGreyJpegsAndRawFrames() {
        BufferedImage code = QrTestImages.code(VO, 4);
        BufferedImage argb = new BufferedImage(code.getWidth(), code.getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < code.getHeight(); y++) {
            for (int x = 0; x < code.getWidth(); x++) {
                // dark modules opaque black, light ones fully transparent
                argb.setRGB(x, y, code.getRaster().getSample(x, y, 0) == 0 ? 0xFF000000 : 0x00000000);
            }
        }
        assertThat(decoder.decodeTexts(QrTestImages.png(argb), Effort.FRAME)).containsExactly(VO);
        assertThat(decoder.decodeTexts(QrTestImages.jpeg(code, 0.7f), Effort.FRAME)).containsExactly(VO);
        LumaFrame luma = LumaFrame.of(code);
        assertThat(decoder.decodeTexts(luma.luma(), luma.width(), luma.height(), Effort.FRAME)).containsExactly(VO);
    }

    @Test
    void jpegLumaIsTheImagesLuminance() {
        BufferedImage img = QrTestImages.scene(VO, Distortion.CLEAN, new Random(3), 320, 240);
        LumaFrame fromJpeg = ImageLoader.load(QrTestImages.jpeg(img, 0.95f), QrImageDecoder.Limits.DEFAULT);
        LumaFrame fromPixels = LumaFrame.of(img);
        long diff = 0;
        for (int i = 0; i < fromJpeg.luma().length; i++) {
            diff += Math.abs((fromJpeg.luma()[i] & 0xFF) - (fromPixels.luma()[i] & 0xFF));
        }
        assertThat(diff / (double) fromJpeg.luma().length).isLessThan(3.0);
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    /** A PNG signature and an IHDR chunk (valid CRC) claiming the size, and nothing else. */
    private static byte[] pngHeader(int w, int h) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + 25);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        b.putInt(13);
        int crcStart = b.position();
        b.put(new byte[] {'I', 'H', 'D', 'R'}).putInt(w).putInt(h).put((byte) 8).put((byte) 0).put((byte) 0)
                .put((byte) 0).put((byte) 0);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(b.array(), crcStart, 17);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    private static void assertReason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(QrException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.getMessage()).isNotBlank();
        });
    }
}
