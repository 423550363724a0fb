package vn.cccd.kiosk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import vn.cccd.kiosk.config.LodgingSettings;
import vn.cccd.kiosk.config.Mode;
import vn.cccd.kiosk.testing.KioskHarness;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;

/**
 * The lodging flow as the staff meet it, in headless Chromium over the demo reader (real mock chips read and
 * verified): PIN login, a CCCD guest and a foreign passport guest registered after their cards are read, tonight's
 * list with the notification reminder and the NA17 flag, the export clearing the reminder, check-out.
 */
@Tag("system")
class LodgingBrowserTest {

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

    private void open() throws Exception {
        kiosk = KioskInBrowser.open(KioskHarness.config(data).demo(true).mode(Mode.LODGING)
                .lodging(new LodgingSettings("Nhà nghỉ Hoa Sen", "Số 5 phố Hàng Gai, Hà Nội")).build(), profile,
                // which night a stay counts for depends on the hour: run at noon wherever the clock stands
                KioskInBrowser.daytimeZone());
        b = kiosk.browser;
    }

    private void newGuestUpToKey() {
        b.find("#lodging-new").click();
        b.screen("consent");
        b.find("#consent-check").click();
        b.find("#consent-accept").click();
        b.screen("key");
    }

    private void placeDemoCard(String persona) {
        b.find("#demo-details summary").click();
        b.find("#demo-insert-" + persona).click();
        b.screen("identity");
        b.find("#identity-next").click();
        b.screen("stay");
    }

    private void saveStay(String room, String reason) {
        b.type("#stay-room", room);
        b.type("#stay-reason", reason);
        b.find("#stay-save").click();
        b.screen("lodging");
    }

    private List<WebElement> rows() {
        return b.driver.findElements(By.cssSelector("#lodging-rows tr"));
    }

    @Test
    void staffRegisterACccdAndAPassportGuestThenExportAndCheckOut() throws Exception {
        open();
        b.screen("lodging");
        assertThat(b.find("#lodging-place").getText()).contains("Số 5 phố Hàng Gai, Hà Nội");
        assertThat(b.find("#lodging-desk").isDisplayed()).isFalse();
        assertThat(b.find("#staff-demo-pin").getText()).contains("0000");
        b.type("#staff-pin", "1111");
        b.find("#staff-login-submit").click();
        b.until(d -> b.find("#staff-pin-err").isDisplayed() ? true : null, 10);
        assertThat(b.find("#staff-pin-err").getText()).isEqualTo("Sai mã PIN.");
        b.type("#staff-pin", "0000");
        b.find("#staff-login-submit").click();
        b.until(d -> b.find("#lodging-desk").isDisplayed() ? true : null, 10);
        assertThat(b.find("#lodging-count").getText()).startsWith("Chưa có khách");
        assertThat(b.find("#lodging-banner").isDisplayed()).isFalse();
        b.shot("lodging-desk-empty");

        // a Vietnamese guest with a CCCD
        Persona viet = Personas.builtIn("nguyen-thi-hong-nhung");
        newGuestUpToKey();
        assertThat((String) b.js("return document.getElementById('consent-keep').textContent")).contains("sổ lưu trú")
                .contains("Không lưu ảnh, dân tộc, tôn giáo");
        b.typeCccdKey(viet);
        placeDemoCard(viet.name());
        assertThat(b.find("#stay-name").getText()).isEqualTo(viet.person().fullName());
        assertThat(b.find("#stay-na17").isDisplayed()).isFalse();
        b.until(d -> ((Number) b.js("return document.getElementById('stay-face').naturalWidth")).intValue() > 0, 10);
        b.shot("lodging-stay-cccd");
        saveStay("101", "Du lịch");
        b.until(d -> rows().size() == 1 ? true : null, 10);
        assertThat(rows().get(0).getText()).contains(viet.person().fullName()).contains("101")
                .contains(viet.person().idNumber()).contains("Chưa khai báo");
        assertThat(b.find("#lodging-banner").getText()).contains("Còn 1 khách").contains("chưa khai báo lưu trú");

        // a foreign guest with a passport: the MRZ key, the NA17 flag
        b.find("#demo-details summary").click();
        b.find("#demo-remove").click();
        Persona mara = Personas.builtIn("mara-kessler");
        newGuestUpToKey();
        b.find("#key-passport").click();
        assertThat(b.find("#key-id").isDisplayed()).isFalse();
        b.type("#key-docno", mara.documentNumber());
        b.type("#key-dob", LocalDate.parse(mara.person().dateOfBirth()).format(Browser.DMY));
        b.type("#key-expiry", LocalDate.parse(mara.document().expiryDate()).format(Browser.DMY));
        b.find("#key-submit").click();
        b.screen("card");
        placeDemoCard(mara.name());
        assertThat(b.find("#stay-na17").isDisplayed()).isTrue();
        b.shot("lodging-stay-passport");
        saveStay("102", "Tourism");
        b.until(d -> rows().size() == 2 ? true : null, 10);
        assertThat(b.find("#lodging-rows").getText()).contains("KESSLER MARA LOUISE").contains("UTO").contains("NA17");
        assertThat(b.find("#lodging-banner").getText()).contains("Còn 2 khách").contains("NA17");
        b.shot("lodging-desk-two-guests");

        // the export is what is entered on VNeID: the reminder goes away
        b.find("#lodging-export-xlsx").click();
        b.until(d -> b.find("#lodging-banner").isDisplayed() ? null : true, 10);
        assertThat(b.find("#lodging-rows").getText()).doesNotContain("Chưa khai báo").contains("Đã khai báo");

        // check-out: the guest no longer stays tonight
        b.driver.findElements(By.cssSelector("#lodging-rows button[id^='checkout-']")).get(0).click();
        b.until(d -> rows().size() == 1 ? true : null, 10);
        b.shot("lodging-desk-after-checkout");

        // English second: the desk in English, the register's content unchanged
        b.find("#lang-en").click();
        b.until(d -> b.find("#lodging-new").getText().equals("Register a new guest (read the card)") ? true : null, 10);
        b.until(d -> b.find("#lodging-rows").getText().contains("Notified") ? true : null, 10);
        assertThat(b.find("#lodging-count").getText()).startsWith("1 guest(s) staying the night of");
        assertThat(b.find("#footer-text").getText()).contains("guest register is kept encrypted");
        b.find("#lang-vi").click();

        // logout empties the desk
        b.find("#lodging-logout").click();
        b.until(d -> b.find("#staff-login").isDisplayed() ? true : null, 10);
        assertThat(rows()).isEmpty();
    }
}
