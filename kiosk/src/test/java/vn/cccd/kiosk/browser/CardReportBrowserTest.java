package vn.cccd.kiosk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.kiosk.testing.KioskHarness;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;
import vn.cccd.reader.model.Json;

/**
 * The staff card report page as staff use it: log in with the PIN, place the card (the demo reader's mock chip),
 * type its key, press the button; the page offers the report as a file, which holds the chip's structure and none
 * of the holder's values.
 */
@Tag("system")
class CardReportBrowserTest {
    @TempDir
    Path data;
    @TempDir
    Path profile;
    private KioskInBrowser kiosk;

    @AfterEach
    void close() {
        if (kiosk != null) {
            kiosk.close();
        }
    }

    @Test
    void staffLogInTypeTheKeyAndGetTheReportAsAFile() throws Exception {
        kiosk = KioskInBrowser.open(KioskHarness.config(data).demo(true).build(), profile);
        Browser b = kiosk.browser;
        Persona p = Personas.builtIn("nguyen-thi-a");
        b.driver.get(kiosk.base.resolve("/card-report.html").toString());
        b.until(d -> b.find("#cr-pin").isDisplayed(), 10);
        b.type("#cr-pin", "0000");
        b.find("#cr-login-submit").click();
        b.until(d -> b.find("#cr-form").isDisplayed(), 10);
        assertThat(kiosk.post("/api/demo/insert", "{\"persona\":\"" + p.name() + "\"}").statusCode()).isEqualTo(200);
        // keep the file the page offers (headless Chromium has nowhere to save it)
        b.js("window.__files = []; const make = URL.createObjectURL;"
                + " URL.createObjectURL = (blob) => { window.__files.push(blob); return make(blob); };");
        b.type("#cr-id", p.person().idNumber());
        b.js("document.getElementById('cr-dob').value = arguments[0];"
                + " document.getElementById('cr-expiry').value = arguments[1];",
                p.person().dateOfBirth(), p.document().expiryDate());
        // the card is seen by the kiosk's next reader poll
        Thread.sleep(800);
        b.find("#cr-download").click();
        b.until(d -> b.find("#cr-status").getText().contains("Đã tải báo cáo")
                || b.find("#cr-status").getText().contains("Không tạo được") ? true : null, 60);
        assertThat(b.find("#cr-status").getText()).contains("Đã tải báo cáo", "cccd-card-report.json");
        String text = (String) b.jsAsync("const done = arguments[arguments.length - 1];"
                + " window.__files[0].text().then(done);");
        JsonNode report = Json.MAPPER.readTree(text);
        assertThat(report.at("/report").asText()).isEqualTo("cccd-reader card report 1");
        assertThat(report.at("/outcome/completed").asBoolean()).isTrue();
        assertThat(text).doesNotContain(p.person().idNumber(), p.person().fullName(), p.documentNumber(),
                p.person().dateOfBirth());
    }
}
