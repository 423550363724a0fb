package vn.cccd.kiosk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import vn.cccd.kiosk.server.ReaderQrService;
import vn.cccd.kiosk.testing.KioskHarness;
import vn.cccd.mock.persona.Personas;
import vn.cccd.reader.qr.QrTestImages;

/**
 * The QR code in the browser: the keyboard-wedge field (what a scanner types, Enter included) and the camera view
 * (Chromium's fake camera playing a generated Y4M video of the card's code).
 */
@Tag("system")
class QrBrowserTest {
    private static final String PERSONA = "nguyen-thi-hong-nhung";

    @TempDir
    Path data;
    @TempDir
    Path profile;
    private KioskHarness k;
    private Browser b;

    private void open(String... chromiumArguments) throws Exception {
        k = KioskHarness.start(KioskHarness.config(data).demo(true).build(),
                new ReaderQrService(Clock.systemDefaultZone()));
        b = Browser.start(profile, chromiumArguments);
        b.driver.get(k.base.toString());
        b.until(d -> "true".equals(b.js("return document.body.dataset.ready")), 15);
    }

    @AfterEach
    void close() {
        if (b != null) {
            b.close();
        }
        if (k != null) {
            k.close();
        }
    }

    static String payload() {
        var p = Personas.builtIn(PERSONA).person();
        return p.idNumber() + "|" + (p.oldIdNumber() == null ? "" : p.oldIdNumber()) + "|" + p.fullName() + "|"
                + ddmmyyyy(p.dateOfBirth()) + "|" + p.sex() + "|" + p.placeOfResidence() + "|" + ddmmyyyy(p.issueDate());
    }

    static String ddmmyyyy(String iso) {
        return iso.substring(8, 10) + iso.substring(5, 7) + iso.substring(0, 4);
    }

    private void toKeyScreen() {
        b.screen("attract");
        b.find("#start").click();
        b.screen("consent");
        b.find("#consent-check").click();
        b.find("#consent-accept").click();
        b.screen("key");
    }

    /** Places the demo card and waits for the identity screen; returns the session JSON. */
    private JsonNode readDemoCard() throws Exception {
        b.screen("card");
        b.find("#demo-details summary").click();
        b.find("#demo-insert-" + PERSONA).click();
        b.screen("identity");
        return KioskHarness.json(KioskHarness.expect(k.get("/api/session"), 200));
    }

    @Test
    void aWedgeScannerTypesTheCodeAndTheChipOpens() throws Exception {
        open();
        toKeyScreen();
        // what a scanner on a Windows-1252 keyboard layer types: each UTF-8 byte as a character, then Enter
        String mangled = new String(payload().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        b.find("#key-qr").sendKeys(mangled + Keys.ENTER);
        JsonNode session = readDemoCard();
        assertThat(session.at("/verification/qrMatchesChip").asBoolean()).isTrue();
        assertThat(session.at("/person/fullName").asText()).isEqualTo(Personas.builtIn(PERSONA).person().fullName());
        b.shot("qr-01-wedge-identity");
    }

    @Test
    void aCodeThatIsNotACardsIsExplainedOnTheKeyScreen() throws Exception {
        open();
        toKeyScreen();
        b.find("#key-qr").sendKeys("https://example.vn/khuyen-mai" + Keys.ENTER);
        b.until(d -> b.find("#key-qr-note").getText().contains("không phải mã QR của CCCD"), 10);
        assertThat(b.find("#screen-key").isDisplayed()).isTrue();
        // the typed-key form was not submitted by the scanner's Enter
        assertThat(b.find("#key-id-err").isDisplayed()).isFalse();
        b.shot("qr-02-not-a-card");
    }

    @Test
    void theCameraViewReadsTheCodeFromAFakeCamera() throws Exception {
        Path video = data.resolve("card-qr.y4m");
        Files.write(video, y4m(payload(), 1280, 720, 5));
        open("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--use-file-for-fake-video-capture=" + video);
        toKeyScreen();
        assertThat(b.find("#qr-camera-field").isDisplayed()).isTrue();
        b.find("#qr-camera-start").click();
        b.until(d -> ((Number) b.js("return document.getElementById('qr-video').videoWidth")).intValue() > 0, 15);
        b.shot("qr-03-camera");
        JsonNode session = readDemoCard();
        assertThat(session.at("/verification/qrMatchesChip").asBoolean()).isTrue();
        // the camera is off once the code was read
        assertThat(b.js("return document.getElementById('qr-video').srcObject")).isNull();
    }

    /** A YUV4MPEG2 (4:2:0) video: the card's code, black on a light card, on a grey background. */
    static byte[] y4m(String payload, int w, int h, int frames) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(90, 100, 110));
        g.fillRect(0, 0, w, h);
        BufferedImage code = QrTestImages.code(payload, 5);
        g.setColor(new Color(235, 238, 242));
        g.fillRect((w - code.getWidth()) / 2 - 60, (h - code.getHeight()) / 2 - 30, code.getWidth() + 240,
                code.getHeight() + 60);
        g.drawImage(code, (w - code.getWidth()) / 2, (h - code.getHeight()) / 2, null);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("YUV4MPEG2 W" + w + " H" + h + " F10:1 Ip A1:1 C420jpeg\n").getBytes(StandardCharsets.US_ASCII));
        byte[] y = new byte[w * h];
        byte[] u = new byte[(w / 2) * (h / 2)];
        byte[] v = new byte[(w / 2) * (h / 2)];
        for (int py = 0; py < h; py++) {
            for (int px = 0; px < w; px++) {
                int c = img.getRGB(px, py);
                int r = (c >> 16) & 0xFF;
                int gr = (c >> 8) & 0xFF;
                int bl = c & 0xFF;
                y[py * w + px] = (byte) Math.round(0.299 * r + 0.587 * gr + 0.114 * bl);
                if (py % 2 == 0 && px % 2 == 0) {
                    int i = (py / 2) * (w / 2) + px / 2;
                    u[i] = (byte) Math.max(0, Math.min(255, Math.round(128 - 0.168736 * r - 0.331264 * gr + 0.5 * bl)));
                    v[i] = (byte) Math.max(0, Math.min(255, Math.round(128 + 0.5 * r - 0.418688 * gr - 0.081312 * bl)));
                }
            }
        }
        for (int f = 0; f < frames; f++) {
            out.writeBytes("FRAME\n".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(y);
            out.writeBytes(u);
            out.writeBytes(v);
        }
        return out.toByteArray();
    }
}
