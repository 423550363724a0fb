package vn.cccd.kiosk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.kiosk.testing.KioskHarness;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;

/**
 * The address confirm step in headless Chromium, with demo cards whose chips hold pre-2025 addresses: the identity
 * and form screens show the card's address beside the current one, the review waits for the person's confirmation
 * (or choice, for a split commune), and the PDF carries the current address.
 */
@Tag("system")
class AddressConfirmBrowserTest {
    @TempDir
    Path data;
    @TempDir
    Path profile;
    private KioskInBrowser kiosk;
    private Browser b;

    @AfterEach
    void close() {
        if (kiosk != null) {
            kiosk.close();
        }
    }

    private Persona readDemoCard(String persona) throws Exception {
        kiosk = KioskInBrowser.open(KioskHarness.config(data).demo(true).build(), profile);
        b = kiosk.browser;
        Persona p = Personas.builtIn(persona);
        b.find("#start").click();
        b.screen("consent");
        b.find("#consent-check").click();
        b.find("#consent-accept").click();
        b.screen("key");
        b.typeCccdKey(p);
        HttpResponse<String> inserted = kiosk.post("/api/demo/insert", "{\"persona\":\"" + persona + "\"}");
        assertThat(inserted.statusCode()).as(inserted.body()).isEqualTo(200);
        b.screen("identity");
        return p;
    }

    private void openMaritalForm() {
        b.find("#identity-next").click();
        b.screen("picker");
        b.find("#proc-xac-nhan-hon-nhan").click();
        b.screen("form");
        b.type("#f-maritalStatus", "Hiện tại chưa đăng ký kết hôn với ai");
        b.type("#f-usePurpose", "Để đăng ký kết hôn");
    }

    @Test
    void theConvertedAddressIsShownBesideTheCardsAndMustBeConfirmedBeforeTheReview() throws Exception {
        Persona p = readDemoCard("dang-quoc-viet");
        String old = p.person().placeOfResidence(); // "Tổ 23, Phường Thạc Gián, Quận Thanh Khê, Đà Nẵng"
        String now = "Tổ 23, Phường Thanh Khê, Thành phố Đà Nẵng";
        b.until(d -> b.find("#id-address-new").getText().equals(now), 10);
        assertThat(b.find("#id-address-original").getText()).isEqualTo(old);
        b.shot("address-01-identity");

        openMaritalForm();
        assertThat(b.find("#f-residence").getAttribute("value")).isEqualTo(now);
        assertThat(b.find("#f-residence").getAttribute("readonly")).as("the person may edit it").isNull();
        assertThat(b.find("#addr-residence-original").getText()).isEqualTo(old);
        assertThat(b.find("#addr-residence-proposed").getText()).isEqualTo(now);
        b.find("#addr-requesterResidence-confirm").click();
        b.find("#form-review").click();
        // not confirmed yet: the review waits, says why and puts the focus on the confirmation
        b.until(d -> b.find("#err-residence").isDisplayed(), 10);
        assertThat(b.find("#err-residence").getText()).contains("xác nhận");
        assertThat(b.js("return document.activeElement.id")).isEqualTo("addr-residence-confirm");
        assertThat(b.find("#screen-form").isDisplayed()).isTrue();
        b.shot("address-02-confirm");

        b.find("#addr-residence-confirm").click();
        b.find("#form-review").click();
        b.screen("review");
        assertThat(b.find("#rv-residence").getText()).isEqualTo(now);
        assertThat(b.find("#rv-residence-original").getText()).contains(old);
        b.shot("address-03-review");
        b.find("#review-make").click();
        b.screen("done");
        String pdfUrl = b.until(d -> {
            String href = b.find("#done-pdf").getAttribute("href");
            return href == null || href.isEmpty() ? null : href;
        }, 10);
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(kiosk.base.resolve(pdfUrl))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Phường Thanh Khê, Thành phố Đà Nẵng").doesNotContain("Thạc Gián");
        }
    }

    @Test
    void aSplitCommuneIsLeftEmptyUntilThePersonPicksTheNewOne() throws Exception {
        readDemoCard("nguyen-thi-hong-nhung"); // Phường Đồng Tâm went to Bạch Mai and Tương Mai
        openMaritalForm();
        assertThat(b.find("#f-residence").getAttribute("value")).isEmpty();
        assertThat(b.find("#addr-residence-choices").getText()).contains("Phường Bạch Mai", "Phường Tương Mai");
        b.find("label[for='addr-residence-choice-1']").click();
        String picked = b.find("#f-residence").getAttribute("value");
        assertThat(picked).endsWith("Thành phố Hà Nội").doesNotContain("Đồng Tâm").doesNotContain("Quận");
        b.find("label[for='addr-requesterResidence-choice-1']").click();
        b.find("#addr-requesterResidence-confirm").click();
        b.find("#addr-residence-confirm").click();
        b.shot("address-04-split");
        b.find("#form-review").click();
        b.screen("review");
        assertThat(b.find("#rv-residence").getText()).isEqualTo(picked);
    }
}
