package vn.cccd.kiosk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import vn.cccd.kiosk.config.HospitalConfig;
import vn.cccd.kiosk.config.Mode;
import vn.cccd.kiosk.testing.KioskHarness;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;

/**
 * Hospital reception in headless Chromium, as a patient meets it: the kiosk in hospital mode with the demo reader
 * (the mock chip read and verified for real), consent, key, card, then department, a mistyped BHYT code refused with
 * a clear message, the corrected one accepted, the queue number shown large with the ticket, and the wipe.
 */
@Tag("system")
class HospitalBrowserTest {

    @TempDir
    Path data;
    @TempDir
    Path profile;
    private KioskInBrowser kiosk;
    private Browser b;

    @AfterEach
    void close() throws Exception {
        if (kiosk != null) {
            kiosk.close();
        }
    }

    @Test
    void aPatientChecksInWithTheCardAndGetsAQueueNumberAndTicket() throws Exception {
        kiosk = KioskInBrowser.open(KioskHarness.config(data).demo(true).mode(Mode.HOSPITAL)
                .hospital(HospitalConfig.defaults()).build(), profile);
        b = kiosk.browser;
        assertThat(b.find("#screen-attract h1").getText()).isEqualTo("Đăng ký khám bệnh bằng thẻ căn cước");
        assertThat(b.find("#footer-text").getText()).as("the footer says what a check-in keeps")
                .contains("gửi sang hệ thống của bệnh viện").doesNotContain("bị xoá khi bạn rời đi");

        Persona p = Personas.builtIn("nguyen-thi-hong-nhung");
        b.find("#start").click();
        b.screen("consent");
        assertThat(b.find("#consent-text").getText()).contains("gửi sang hệ thống thông tin của bệnh viện")
                .doesNotContain("không gửi dữ liệu đi nơi khác");
        b.find("#consent-check").click();
        b.find("#consent-accept").click();
        b.screen("key");
        b.typeCccdKey(p);
        HttpResponse<String> inserted = kiosk.post("/api/demo/insert", "{\"persona\":\"" + p.name() + "\"}");
        assertThat(inserted.statusCode()).as(inserted.body()).isEqualTo(200);
        b.screen("identity");
        assertThat(b.find("#id-name").getText()).isEqualTo(p.person().fullName());
        assertThat(b.find("#identity-next").getText()).isEqualTo("Đăng ký khám");
        b.find("#identity-next").click();

        b.screen("hospital");
        assertThat(b.driver.findElements(By.cssSelector("#hospital-departments input[name=department]")))
                .hasSize(HospitalConfig.DEFAULT_DEPARTMENTS.size());
        assertThat(b.find("#hospital-departments").getText()).contains("Khám Nội").contains("Khám Nhi");
        // confirming without a department says what is missing
        b.find("#hospital-confirm").click();
        b.until(d -> b.find("#hospital-department-err").isDisplayed(), 5);
        assertThat(b.find("#hospital-department-err").getText()).isEqualTo("Hãy chọn một khoa khám.");
        b.find("#dept-nhi").click();
        // a benefit level of 6 does not exist
        b.type("#hospital-bhyt", "HS 6 01 0120878811");
        b.find("#hospital-confirm").click();
        // the server's typed reason, in Vietnamese: which box of the code is wrong
        b.until(d -> b.find("#hospital-bhyt-err").getText()
                .equals("Ký tự thứ ba của mã thẻ BHYT là mức hưởng, từ 1 đến 5."), 10);
        assertThat(b.find("#screen-hospital-done").isDisplayed()).isFalse();
        assertThat(b.find("#hospital-bhyt").getAttribute("aria-invalid")).isEqualTo("true");
        b.shot("hospital-bhyt-error");
        // leaving the field with a malformed code shows the format at once
        b.type("#hospital-bhyt", "0120878");
        b.find("#dept-nhi").click();
        b.until(d -> b.find("#hospital-bhyt-err").getText().contains("mức hưởng 1–5"), 5);
        b.type("#hospital-bhyt", "hs 4 01 0120878811");
        b.find("#hospital-confirm").click();

        b.screen("hospital-done");
        assertThat(b.find("#hospital-queue").getText()).isEqualTo("1");
        assertThat(b.find("#hospital-done-department").getText()).isEqualTo("Khám Nhi");
        assertThat(b.find("#hospital-done-time").getText()).startsWith("Thời gian đăng ký:");
        double numberSize = Double.parseDouble(((String) b.js("return getComputedStyle(document.getElementById("
                + "'hospital-queue')).fontSize")).replace("px", ""));
        assertThat(numberSize).as("the number is large").isGreaterThanOrEqualTo(80);
        String ticket = b.find("#hospital-ticket").getAttribute("href");
        assertThat(ticket).matches(".*/api/hospital/checkins/[0-9a-f]{24}/ticket\\.pdf");
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ticket)).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(b.find("#hospital-print").isDisplayed()).as("no printer configured").isFalse();
        b.until(d -> ((Number) b.js("return document.getElementById('hospital-ticket-image').naturalWidth"))
                .intValue() > 300, 10);
        assertThat(b.find("#hospital-ticket-image").getAttribute("alt")).isEqualTo("Phiếu số thứ tự 1, Khám Nhi");
        b.shot("hospital-queue-number");

        // English second: the same screen in English
        b.find("#lang-en").click();
        b.until(d -> b.find("#screen-hospital-done h1").getText().equals("You are checked in"), 5);
        assertThat(b.find("#hospital-done-department").getText()).isEqualTo("Paediatrics");
        b.find("#lang-vi").click();

        // a second department for the same patient, without the BHYT code
        b.find("#hospital-another").click();
        b.screen("hospital");
        assertThat(b.driver.findElements(By.cssSelector("#hospital-departments input:checked"))).isEmpty();
        b.find("#dept-noi").click();
        b.type("#hospital-bhyt", " ");
        b.find("#hospital-confirm").click();
        b.screen("hospital-done");
        b.until(d -> b.find("#hospital-done-department").getText().equals("Khám Nội"), 5);
        assertThat(b.find("#hospital-queue").getText()).isEqualTo("1");

        // the patient takes the card: everything personal is wiped, the number stays on the start screen
        kiosk.post("/api/demo/remove", "{}");
        b.screen("attract");
        assertThat(b.find("#cleared-notice").getText()).contains("Thẻ đã được rút ra")
                .contains("Số thứ tự của bạn: 1 (Khám Nội).").doesNotContain(p.person().fullName());
        assertThat(b.find("#hospital-queue").getAttribute("textContent")).isEmpty();
        assertThat(b.find("#hospital-bhyt").getAttribute("value")).isEmpty();
        HttpResponse<String> after = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ticket)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).as("the ticket is gone with the session").isEqualTo(401);
    }
}
