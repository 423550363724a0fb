package vn.cccd.kiosk.privacy;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.cccd.kiosk.output.PdfPreview;
import vn.cccd.kiosk.server.PortraitPng;
import vn.cccd.kiosk.server.ReaderQrService;
import vn.cccd.reader.lds.image.FaceImageDecoder;
import vn.cccd.reader.qr.QrException;
import vn.cccd.reader.qr.QrTestImages;

/**
 * Images are decoded in memory only: each image path runs first thing in a fresh JVM whose {@code java.io.tmpdir}
 * is an empty directory watched for any file appearing, even briefly (ImageIO's default cache writes
 * {@code imageio*.tmp} there and deletes it afterwards). A fresh JVM per path shows that each path turns the cache
 * off itself, whichever runs first.
 */
class NoImageOnDiskTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"qr-upload-png", "qr-camera-jpeg", "kiosk-portrait-jp2", "reader-portrait", "pdf-preview"})
    void decodingLeavesNoFileInTheTempDirectory(String path) throws Exception {
        Path inputs = Files.createDirectories(dir.resolve("in"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Random rnd = new Random(16);
        String payload = "001090123456|012345678|Nguyễn Văn A|01011990|Nam|Hà Nội|15042021";
        Files.write(inputs.resolve("qr.png"), QrTestImages.png(QrTestImages.code(payload, 4)));
        Files.write(inputs.resolve("qr.jpg"), QrTestImages.jpeg(QrTestImages.scene(payload,
                QrTestImages.Distortion.CLEAN, rnd, 640, 480), 0.85f));
        Files.write(inputs.resolve("face.jp2"), jpeg2000(picture(120, 160, rnd)));
        Files.write(inputs.resolve("face.jpg"), QrTestImages.jpeg(picture(120, 160, rnd), 0.9f));

        List<String> seen = new ArrayList<>();
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            tmp.register(watch, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.io.tmpdir=" + tmp, "-Djava.awt.headless=true", "-XX:-UsePerfData", "-Xshare:auto",
                    "-cp", classPath, Child.class.getName(), path, inputs.toString())
                    .redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String said = new String(out, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(said).isZero();
            assertThat(said).contains("decoded " + path);
            WatchKey key;
            while ((key = watch.poll(200, TimeUnit.MILLISECONDS)) != null) {
                for (WatchEvent<?> e : key.pollEvents()) {
                    seen.add(e.kind().name() + " " + e.context());
                }
                key.reset();
            }
        }
        assertThat(seen).as("files seen in java.io.tmpdir").isEmpty();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).isEmpty();
        }
    }

    private static BufferedImage picture(int w, int h, Random rnd) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, (x * 2 + y * 512 + rnd.nextInt(32)) & 0xFFFFFF);
            }
        }
        return img;
    }

    private static byte[] jpeg2000(BufferedImage img) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg2000").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(new IIOImage(img, null, null));
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The child JVM: one production image path, run before anything else touches ImageIO. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            String path = args[0];
            Path in = Path.of(args[1]);
            switch (path) {
                case "qr-upload-png" -> qr(Files.readAllBytes(in.resolve("qr.png")), false);
                case "qr-camera-jpeg" -> qr(Files.readAllBytes(in.resolve("qr.jpg")), true);
                case "kiosk-portrait-jp2" -> require(PortraitPng.of(Files.readAllBytes(in.resolve("face.jp2"))).length);
                case "reader-portrait" -> {
                    FaceImageDecoder d = new FaceImageDecoder(FaceImageDecoder.DEFAULT_TIMEOUT,
                            FaceImageDecoder.DEFAULT_MAX_PIXELS);
                    require(d.toDisplayableJpeg(Files.readAllBytes(in.resolve("face.jp2"))).length);
                    require(d.toDisplayableJpeg(Files.readAllBytes(in.resolve("face.jpg"))).length);
                }
                case "pdf-preview" -> require(PdfPreview.png(pdf(), 0).length);
                default -> throw new IllegalArgumentException(path);
            }
            System.out.println("decoded " + path);
        }

        private static void qr(byte[] image, boolean frame) {
            try {
                new ReaderQrService(Clock.systemUTC()).decodeImage(image, frame);
            } catch (QrException e) {
                // decoded, and not a valid CCCD code: the pixels were read all the same
                if (e.code().equals("NOT_AN_IMAGE")) {
                    throw e;
                }
            }
        }

        private static byte[] pdf() throws IOException {
            try (PDDocument doc = new PDDocument()) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                    s.addRect(50, 50, 200, 100);
                    s.fill();
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                doc.save(out);
                return out.toByteArray();
            }
        }

        private static void require(int length) {
            if (length == 0) {
                throw new IllegalStateException("nothing came out");
            }
        }
    }
}
