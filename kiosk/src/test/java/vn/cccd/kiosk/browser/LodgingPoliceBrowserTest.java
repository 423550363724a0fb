package vn.cccd.kiosk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.kiosk.config.LodgingSettings;
import vn.cccd.kiosk.config.Mode;
import vn.cccd.kiosk.lodging.police.FakePolicePortal;
import vn.cccd.kiosk.testing.KioskHarness;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;

/**
 * The desk's line for the police API (docs/LODGING.md), in headless Chromium with the submission on against the fake
 * portal: a night the portal answers "success" for with zero rows shows as failed with the reason and a resend
 * button; after the resend it shows as notified with the time.
 */
@Tag("system")
class LodgingPoliceBrowserTest {
    @TempDir
    Path data;
    @TempDir
    Path profile;
    private KioskInBrowser kiosk;
    private FakePolicePortal fake;

    @AfterEach
    void close() throws Exception {
        if (kiosk != null) {
            kiosk.close();
        }
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void theDeskShowsAFailedNightWithItsReasonAndANotifiedOneWithItsTime() throws Exception {
        ZoneId zone = KioskInBrowser.daytimeZone();
        FakePolicePortal.Portal portal = new FakePolicePortal.Portal();
        portal.today = LocalDate.now(zone);
        fake = new FakePolicePortal(portal);
        fake.zeroRows = true;
        kiosk = KioskInBrowser.open(KioskHarness.config(data).demo(true).mode(Mode.LODGING)
                .lodging(new LodgingSettings("Nhà nghỉ Hoa Sen", "Số 5 phố Hàng Gai, Hà Nội",
                        fake.config(FakePolicePortal.PASSWORD, Duration.ofSeconds(5), Duration.ofSeconds(1))))
                .build(), profile, zone);
        Browser b = kiosk.browser;
        b.screen("lodging");
        b.type("#staff-pin", "0000");
        b.find("#staff-login-submit").click();
        b.until(d -> b.find("#lodging-desk").isDisplayed() ? true : null, 10);
        assertThat(b.find("#lodging-police").getText()).contains("Công an (API): chưa gửi");

        Persona viet = Personas.builtIn("nguyen-thi-hong-nhung");
        b.find("#lodging-new").click();
        b.screen("consent");
        b.find("#consent-check").click();
        b.find("#consent-accept").click();
        b.screen("key");
        b.typeCccdKey(viet);
        b.find("#demo-details summary").click();
        b.find("#demo-insert-" + viet.name()).click();
        b.screen("identity");
        b.find("#identity-next").click();
        b.screen("stay");
        b.type("#stay-room", "101");
        b.type("#stay-reason", "Du lịch");
        b.find("#stay-save").click();
        b.screen("lodging");

        b.until(d -> b.find("#lodging-police").getText().contains("không thành công") ? true : null, 20);
        assertThat(b.find("#lodging-police").getText()).contains("Police API: failed").contains("confirmed 0 of 1");
        assertThat(b.find("#lodging-rows").getText()).contains("Chưa khai báo");
        b.shot("lodging-police-failed");

        fake.zeroRows = false;
        b.find("#lodging-police-send").click();
        b.until(d -> b.find("#lodging-police").getText().contains("đã thông báo lúc") ? true : null, 20);
        assertThat(b.find("#lodging-police").getText()).contains("Police API: notified at");
        b.until(d -> b.find("#lodging-rows").getText().contains("Đã khai báo") ? true : null, 10);
        assertThat(portal.imported(viet.person().idNumber())).isEqualTo(1);
        b.shot("lodging-police-notified");
    }
}
