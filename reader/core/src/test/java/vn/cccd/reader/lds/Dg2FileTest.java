package vn.cccd.reader.lds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.cccd.reader.util.Hex.decode;

import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.cccd.reader.error.MalformedDataException;
import vn.cccd.reader.lds.image.FaceImage;
import vn.cccd.reader.model.Face;

class Dg2FileTest {

    /** Hand-checked: one 19794-5 record, male, full frontal JPEG of 160 × 200 whose "image" is FF D8 FF D9. */
    static final String FIXTURE = """
            75 52
             7F61 4F
              02 01 01
              7F60 49
               A1 12  80 02 0101  81 01 02  82 01 00  87 02 0101  88 02 0008
               5F2E 32
                46 41 43 00  30 31 30 00  00 00 00 32  00 01
                00 00 00 24  00 00
                01 00 00 00 00 00 00 00 00 00 00 00 00 00
                01 00  00 A0  00 C8  01 02  00 00  00 00
                FF D8 FF D9
            """;

    @Test
    void parsesTheHandCheckedFixture() {
        Dg2File dg2 = Dg2File.parse(decode(FIXTURE));
        FaceImage face = dg2.face();
        assertThat(dg2.faces()).hasSize(1);
        assertThat(face.mimeType()).isEqualTo("image/jpeg");
        assertThat(face.width()).isEqualTo(160);
        assertThat(face.height()).isEqualTo(200);
        assertThat(face.gender()).isEqualTo(1);
        assertThat(face.faceImageType()).isEqualTo(FaceImage.FULL_FRONTAL);
        assertThat(face.image()).isEqualTo(decode("FF D8 FF D9"));
        assertThat(face.toFace()).isEqualTo(new Face("image/jpeg", 160, 200, "/9j/2Q=="));
        assertThat(dg2.encode()).as("the builder writes the same header and record").isEqualTo(decode(FIXTURE));
    }

    @Test
    void buildsFromAJpegWithItsSize() {
        byte[] jpeg = TestImages.jpeg(120, 160, 1);
        Dg2File dg2 = Dg2File.ofJpeg(jpeg);
        assertThat(dg2.face().width()).isEqualTo(120);
        assertThat(dg2.face().height()).isEqualTo(160);
        byte[] enc = dg2.encode();
        assertThat(enc[0]).isEqualTo((byte) 0x75);
        Dg2File back = Dg2File.parse(enc);
        assertThat(back).isEqualTo(dg2);
        assertThat(back.face().image()).isEqualTo(jpeg);
        assertThat(back.face().toFace().base64()).isEqualTo(Base64.getEncoder().encodeToString(jpeg));
        assertThat(back.toString()).contains("120x160").doesNotContain(Base64.getEncoder().encodeToString(jpeg));
    }

    @Test
    void sniffsJpegJp2AndCodestreams() {
        assertThat(FaceImage.sniff(decode("FF D8 FF E0"))).isEqualTo("image/jpeg");
        assertThat(FaceImage.sniff(decode("00 00 00 0C 6A 50 20 20 0D 0A 87 0A"))).isEqualTo("image/jp2");
        assertThat(FaceImage.sniff(decode("FF 4F FF 51 00 2F"))).isEqualTo("image/jp2");
        assertThat(FaceImage.sniff(TestImages.jpeg2000(16, 16, 1, false))).isEqualTo("image/jp2");
        assertThat(FaceImage.sniff(TestImages.jpeg2000(16, 16, 1, true))).isEqualTo("image/jp2");
        assertThatThrownBy(() -> FaceImage.sniff(decode("89 50 4E 47"))).isInstanceOf(MalformedDataException.class);
    }

    @Test
    void jpeg2000PortraitsRoundTrip() {
        byte[] jp2 = TestImages.jpeg2000(40, 50, 2, false);
        Dg2File dg2 = new Dg2File(List.of(FaceImage.of(jp2, 40, 50)));
        Dg2File back = Dg2File.parse(dg2.encode());
        assertThat(back).isEqualTo(dg2);
        assertThat(back.face().mimeType()).isEqualTo("image/jp2");
        assertThat(back.face().imageDataType()).isEqualTo(FaceImage.DATA_TYPE_JPEG2000);
    }

    static Stream<Dg2File> randomDg2() {
        return IntStream.range(0, 12).mapToObj(i -> {
            int w = 16 + 8 * i;
            if (i % 4 == 3) {
                return new Dg2File(List.of(FaceImage.ofJpeg(TestImages.jpeg(w, w + 8, i)),
                        FaceImage.ofJpeg(TestImages.jpeg(w + 4, w, i + 100))));
            }
            return Dg2File.ofJpeg(TestImages.jpeg(w, w + 8, i));
        });
    }

    @ParameterizedTest
    @MethodSource("randomDg2")
    void roundTrips(Dg2File built) {
        assertThat(Dg2File.parse(built.encode())).isEqualTo(built);
    }

    @Test
    void aCccdSizedPortraitUsesATwoByteLength() {
        byte[] jpeg = TestImages.jpeg(300, 400, 3);
        byte[] enc = Dg2File.ofJpeg(jpeg).encode();
        assertThat(jpeg.length).isGreaterThan(255);
        assertThat(enc).startsWith(decode("75 82"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "75 00",                                                         // no group template
        "75 05 7F61 02 02 01",                                           // truncated count
        "75 08 7F61 05 02 01 02 7F60 00",                                // two announced, one held, no block
        "75 0C 7F61 09 02 01 01 7F60 04 5F2E 01 00",                     // data block too short
        "75 1A 7F61 17 02 01 01 7F60 12 5F2E 0F 50 4E 47 00 30 31 30 00 00 00 00 0E 00 01 00",  // not FAC
        "75 18 7F61 15 02 01 01 7F60 10 5F2E 0E 46 41 43 00 30 31 30 00 00 00 00 0E 00 01", // record says 1 image, has none
        "75 18 7F61 15 02 01 01 7F60 10 5F2E 0E 46 41 43 00 30 31 30 00 00 00 FF FF 00 01", // record length past the block
        "61 00",                                                         // wrong file
    })
    void rejectsMalformedFiles(String hex) {
        assertThatThrownBy(() -> Dg2File.parse(decode(hex))).isInstanceOf(MalformedDataException.class);
    }

    @Test
    void anImageThatIsNeitherJpegNorJpeg2000IsMalformed() {
        String png = FIXTURE.replace("FF D8 FF D9", "89 50 4E 47");
        assertThatThrownBy(() -> Dg2File.parse(decode(png))).isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("neither JPEG nor JPEG 2000");
    }

    @Test
    void ofJpegRefusesNonJpegBytes() {
        assertThatThrownBy(() -> Dg2File.ofJpeg(decode("FF D8 FF D9"))).isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("frame header");
        assertThatThrownBy(() -> Dg2File.ofJpeg(decode("00 00"))).isInstanceOf(MalformedDataException.class);
    }
}
