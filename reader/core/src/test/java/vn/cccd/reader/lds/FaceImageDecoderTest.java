package vn.cccd.reader.lds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.lds.image.FaceImage;
import vn.cccd.reader.lds.image.FaceImageDecoder;

class FaceImageDecoderTest {
    private final FaceImageDecoder decoder = FaceImageDecoder.withDefaults();

    @Test
    void decodesJpegAndJpeg2000() {
        BufferedImage jpeg = decoder.decode(TestImages.jpeg(48, 64, 1));
        assertThat(jpeg.getWidth()).isEqualTo(48);
        assertThat(jpeg.getHeight()).isEqualTo(64);
        assertThat(decoder.size(TestImages.jpeg2000(40, 52, 2, false))).containsExactly(40, 52);
        assertThat(decoder.size(TestImages.jpeg2000(33, 21, 3, true))).containsExactly(33, 21);
    }

    @Test
    void concurrentDecodesWaitForEachOtherInsteadOfFailingAsBusy() throws Exception {
        byte[] image = TestImages.jpeg(120, 160, 11);
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<BufferedImage>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 64; i++) {
                results.add(callers.submit(() -> decoder.decode(image)));
            }
            for (java.util.concurrent.Future<BufferedImage> r : results) {
                assertThat(r.get().getWidth()).isEqualTo(120);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void jpeg2000BecomesAJpegForDisplay() {
        byte[] jpeg = decoder.toDisplayableJpeg(TestImages.jpeg2000(40, 52, 4, false));
        assertThat(FaceImage.sniff(jpeg)).isEqualTo("image/jpeg");
        assertThat(decoder.size(jpeg)).containsExactly(40, 52);
        byte[] already = TestImages.jpeg(10, 10, 5);
        assertThat(decoder.toDisplayableJpeg(already)).isEqualTo(already);
    }

    @Test
    void anImageOverThePixelCapIsRefusedBeforeDecoding() {
        FaceImageDecoder small = new FaceImageDecoder(Duration.ofSeconds(5), 100);
        assertThatThrownBy(() -> small.decode(TestImages.jpeg(20, 20, 6))).isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("limit");
        // a codestream whose header claims 60000 x 60000 pixels
        byte[] huge = TestImages.jpeg2000(32, 32, 7, true);
        writeInt(huge, 8, 60_000);
        writeInt(huge, 12, 60_000);
        assertThatThrownBy(() -> decoder.decode(huge)).isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("3515625 tiles");
        writeInt(huge, 24, 60_000); // one tile of the whole image
        writeInt(huge, 28, 60_000);
        assertThatThrownBy(() -> decoder.decode(huge)).isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("60000x60000");
        // the same inside a JP2 file's codestream box
        byte[] jp2 = TestImages.jpeg2000(32, 32, 7, false);
        int soc = indexOf(jp2, new byte[] {(byte) 0xFF, 0x4F, (byte) 0xFF, 0x51});
        writeInt(jp2, soc + 8, 60_000);
        writeInt(jp2, soc + 12, 60_000);
        writeInt(jp2, soc + 24, 60_000);
        writeInt(jp2, soc + 28, 60_000);
        assertThatThrownBy(() -> decoder.decode(jp2)).isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("60000x60000");
    }

    @Test
    void aDecodeThatDoesNotFinishInTimeIsATypedError() {
        FaceImageDecoder impatient = new FaceImageDecoder(Duration.ofNanos(1), FaceImageDecoder.DEFAULT_MAX_PIXELS);
        byte[] jp2 = TestImages.jpeg2000(256, 256, 8, false);
        assertThatThrownBy(() -> impatient.decode(jp2)).isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("took longer");
    }

    @Test
    void corruptJpeg2000GivesOnlyTypedErrors() {
        byte[] base = TestImages.jpeg2000(32, 40, 9, false);
        FaceImageDecoder bounded = new FaceImageDecoder(Duration.ofSeconds(2), 64 * 64);
        Random rnd = new Random(2000);
        int decoded = 0;
        for (int i = 0; i < 300; i++) {
            byte[] m = HostileInputTest.mutate(base, rnd);
            if (m.length >= 8 && rnd.nextBoolean()) {
                System.arraycopy(base, 0, m, 0, 8); // keep the signature so the decoder, not the sniffer, is tested
            }
            try {
                bounded.decode(m);
                decoded++;
            } catch (MalformedDataException expected) {
                // the only permitted failure
            } catch (RuntimeException | Error e) {
                fail("decoder threw " + e, e);
            }
        }
        assertThat(decoded).as("some mutations only touch pixels and still decode").isGreaterThan(0);
    }

    @Test
    void corruptJpegGivesOnlyTypedErrors() {
        byte[] base = TestImages.jpeg(32, 40, 10);
        Random rnd = new Random(2001);
        for (int i = 0; i < 300; i++) {
            byte[] m = HostileInputTest.mutate(base, rnd);
            try {
                decoder.decode(m);
            } catch (MalformedDataException expected) {
                // the only permitted failure
            } catch (RuntimeException | Error e) {
                fail("decoder threw " + e, e);
            }
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        for (int i = 0; i + needle.length <= hay.length; i++) {
            if (java.util.Arrays.equals(hay, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    private static void writeInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >> 24);
        b[at + 1] = (byte) (v >> 16);
        b[at + 2] = (byte) (v >> 8);
        b[at + 3] = (byte) v;
    }
}
