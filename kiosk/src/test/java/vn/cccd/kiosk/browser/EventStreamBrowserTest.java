package vn.cccd.kiosk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.kiosk.testing.KioskHarness;

/**
 * Issue 16, item 3: another local program holding event streams cannot cut the kiosk's page off its events. 20
 * streams are opened (more than the kiosk keeps), the page is reloaded while they are held, then they are dropped;
 * the page still shows the next card the moment it is inserted.
 */
@Tag("system")
class EventStreamBrowserTest {
    @TempDir
    Path data;
    @TempDir
    Path profile;

    @Test
    void twentyStreamsOpenedAndDroppedLeaveThePageReceivingCardInserted() throws Exception {
        try (KioskInBrowser kiosk = KioskInBrowser.open(KioskHarness.config(data).demo(true).build(), profile)) {
            Browser b = kiosk.browser;
            int port = kiosk.base.getPort();
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) {
                    Socket s = new Socket("127.0.0.1", port);
                    s.setSoTimeout(10_000);
                    s.getOutputStream().write(("GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    InputStream in = s.getInputStream();
                    // answered (the kiosk takes every new stream; before, those past 16 got 503)
                    assertThat(new String(in.readNBytes(12), StandardCharsets.US_ASCII)).startsWith("HTTP/1.1");
                    held.add(s);
                }
                // a reload (or a network blip) while the streams are held: the page's new stream must be taken
                b.driver.navigate().refresh();
                b.until(d -> "true".equals(b.js("return document.body.dataset.ready")), 15);
            } finally {
                for (Socket s : held) {
                    s.close();
                }
            }
            // the page's stream is open again once its readers line is back from "reconnecting"
            b.until(d -> !b.find("#reader-status").getText().isBlank()
                    && !b.find("#reader-status").getText().contains("kết nối lại"), 15);
            var inserted = kiosk.post("/api/demo/insert", "{\"persona\":\"nguyen-van-a\"}");
            assertThat(inserted.statusCode()).as(inserted.body()).isEqualTo(200);
            b.until(d -> b.find("#cleared-notice").isDisplayed()
                    && b.find("#cleared-notice").getText().contains("Đã nhận thẻ"), 15);
        }
    }
}
