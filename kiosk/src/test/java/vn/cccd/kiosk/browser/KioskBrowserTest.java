package vn.cccd.kiosk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import com.fasterxml.jackson.databind.JsonNode;
import vn.cccd.kiosk.testing.FakeCardSource;
import vn.cccd.kiosk.testing.FakeDemoCards;
import vn.cccd.kiosk.testing.KioskHarness;
import vn.cccd.kiosk.testing.TestCards;
import vn.cccd.reader.model.Person;

/**
 * The kiosk in headless Chromium: a demo card, consent, key, live progress, the verified identity, CT01 with every
 * chip field filled with exactly the card's values, validation, review, the PDF; removal and inactivity wipe the
 * screen. Screenshots of each step go to kiosk/target/screenshots.
 */
@Tag("system")
class KioskBrowserTest {
    private static final String PERSONA = "nguyen-thi-hong-nhung";

    @TempDir
    Path data;
    @TempDir
    Path profile;
    private KioskHarness k;
    private Browser b;

    private void open(Duration idle, Duration warning) throws Exception {
        open(idle, warning, null);
    }

    /**
     * With a UI secret file, as the package runs it: the browser opens the launcher's address, and this test's
     * HTTP client (which fetches the PDF) unlocks the API the same way.
     */
    private void open(Duration idle, Duration warning, Path secretFile) throws Exception {
        k = KioskHarness.start(data, c -> c.demo(true).idleTimeout(idle).idleWarning(warning).uiSecretFile(secretFile));
        b = Browser.start(profile);
        if (secretFile == null) {
            b.driver.get(k.base.toString());
        } else {
            String secret = java.nio.file.Files.readString(secretFile).strip();
            k.unlock(secret);
            b.driver.get(k.base.resolve("/ui/start?secret=" + secret).toString());
        }
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

    /** From the attract screen to the verified identity, watching the progress. */
    private void readCard(String prefix) throws Exception {
        Person p = TestCards.person(PERSONA);
        b.screen("attract");
        if (prefix != null) {
            b.shot(prefix + "01-attract");
        }
        b.find("#start").click();
        b.screen("consent");
        WebElement accept = b.find("#consent-accept");
        assertThat(accept.isEnabled()).as("no pre-ticked consent").isFalse();
        assertThat(b.find("#consent-check").isSelected()).isFalse();
        assertThat(b.find("#consent-forms").getText()).contains("Tờ khai thay đổi thông tin cư trú");
        if (prefix != null) {
            b.shot(prefix + "02-consent");
        }
        b.find("#consent-check").click();
        accept.click();
        b.screen("key");
        b.type("#key-id", p.idNumber());
        b.type("#key-dob", "17/08/1995");
        b.type("#key-issue", "15/04/2021");
        if (prefix != null) {
            b.shot(prefix + "03-key");
        }
        b.find("#key-submit").click();
        b.screen("card");
        if (prefix != null) {
            b.shot(prefix + "04-place-card");
        }
        FakeDemoCards demo = (FakeDemoCards) k.app.demo();
        demo.pauseNextAt("DG2");
        b.find("#demo-details summary").click();
        b.find("#demo-insert-" + PERSONA).click();
        b.until(d -> demo.last(), 10).awaitPaused();
        b.until(d -> ((Number) b.js("return document.getElementById('read-progress').value")).intValue() > 0, 10);
        assertThat(b.find("#read-file").getText()).contains("Đang đọc");
        b.until(d -> b.find("#live").getText().contains("Đang đọc"), 5);
        assertThat(b.find("#live").getAttribute("aria-live")).isEqualTo("polite");
        if (prefix != null) {
            b.shot(prefix + "05-reading");
        }
        demo.last().resume();
        b.screen("identity");
    }

    /** The whole citizen flow, with the UI secret on as in the Debian package (issue 14, item 3). */
    @Test
    void ct01FromTheCardToThePdf() throws Exception {
        Path secretDir = java.nio.file.Files.createTempDirectory(data, "etc");
        open(Duration.ofMinutes(2), Duration.ofSeconds(30), KioskHarness.uiSecretFile(secretDir));
        assertThat(b.find("html").getAttribute("lang")).isEqualTo("vi");
        // the browser keeps the UI cookie in memory only (no expiry) and out of the page's reach (HttpOnly)
        org.openqa.selenium.Cookie cookie = b.driver.manage().getCookieNamed(vn.cccd.kiosk.web.http.UiAccess.COOKIE);
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getExpiry()).isNull();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(b.js("return document.cookie")).isEqualTo("");
        readCard("ct01-");
        Person p = TestCards.person(PERSONA);
        assertThat(b.find("#id-name").getText()).isEqualTo("Nguyễn Thị Hồng Nhung");
        assertThat(b.find("#id-number").getText()).endsWith(p.idNumber().substring(9)).doesNotContain(p.idNumber());
        assertThat(b.find("#id-badges").getText()).contains("Thẻ thật");
        b.until(d -> ((Number) b.js("return document.getElementById('id-face').naturalWidth")).intValue() > 0, 10);
        b.shot("ct01-06-identity");
        touchTargetsAreLargeEnough();

        b.find("#identity-next").click();
        b.screen("picker");
        b.shot("ct01-07-picker");
        b.find("#proc-ct01").click();
        b.screen("form");
        assertThat(b.find("#form-partial").isDisplayed()).as("everything was read from the chip").isFalse();
        // every chip field holds exactly the card's value, read-only and marked "từ chip"
        chip("fullName", p.fullName());
        chip("dateOfBirth", "17/08/1995");
        chip("sex", p.sex());
        chip("idNumber", p.idNumber());
        assertThat(b.driver.findElements(By.cssSelector("input[data-source='chip']"))).hasSize(4);
        assertThat(b.find("#f-addressee").getAttribute("value")).isEqualTo("Công an phường Đồng Tâm");

        b.type("#f-phone", "123");
        b.type("#f-headName", "Trần Văn Ưởng");
        b.type("#f-headRelation", "Con");
        b.type("#f-headIdNumber", "001080012345");
        b.type("#f-request", "Đăng ký tạm trú tại số 5 ngõ 10 phố Huế, phường Hai Bà Trưng, Hà Nội");
        b.find("#add-members").click();
        b.find("#f-members tbody tr input[data-col='fullName']").sendKeys("Trần Thị Bé");
        b.find("#f-members tbody tr input[data-col='dateOfBirth']").sendKeys("01/02/2015");
        b.find("#f-members tbody tr input[data-col='sex']").sendKeys("Nữ");
        b.find("#f-members tbody tr input[data-col='relation']").sendKeys("Cháu");
        b.find("#form-review").click();
        // the wrong phone number is caught, announced and focused
        b.until(d -> b.find("#err-phone").isDisplayed(), 10);
        assertThat(b.find("#alert").getAttribute("role")).isEqualTo("alert");
        assertThat(b.find("#alert").getText()).contains("1");
        assertThat(b.find("#err-phone").getText()).contains("10 chữ số");
        assertThat(b.js("return document.activeElement.id")).isEqualTo("f-phone");
        b.shot("ct01-08-form-error");
        b.type("#f-phone", "0912345678");
        b.find("#form-review").click();
        b.screen("review");
        assertThat(b.find("#rv-fullName").getText()).isEqualTo("Nguyễn Thị Hồng Nhung");
        assertThat(b.find("#rv-headName").getText()).isEqualTo("Trần Văn Ưởng");
        b.shot("ct01-09-review");
        b.find("#review-make").click();
        b.screen("done");
        String reference = b.until(d -> {
            String r = b.find("#doc-reference").getText();
            return r.isEmpty() ? null : r;
        }, 10);
        // the on-screen preview shows the PDF's pages (no PDF viewer needed in the kiosk browser)
        b.until(d -> (Boolean) b.js("const imgs = [...document.querySelectorAll('#doc-preview img')];"
                + " return imgs.length > 0 && imgs.every(i => i.complete && i.naturalWidth > 0)"), 20);
        assertThat(b.find("#done-print").isDisplayed()).as("no printer configured").isFalse();
        b.shot("ct01-10-done");
        String pdfUrl = b.find("#done-pdf").getAttribute("href");
        HttpResponse<byte[]> pdf = k.getBytes(pdfUrl);
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ", "1. Họ, chữ đệm và tên khai sinh: Nguyễn Thị Hồng Nhung",
                    "17/08/1995", "3. Giới tính: Nữ", "7. Họ, chữ đệm và tên chủ hộ(2): Trần Văn Ưởng", "Trần Thị Bé",
                    "Đăng ký tạm trú tại số 5 ngõ 10 phố Huế, phường Hai Bà Trưng, Hà Nội", reference);
            assertThat(text.replace(" ", "")).contains(p.idNumber());
        }

        b.find("#done-finish").click();
        b.screen("attract");
        assertThat(b.find("#cleared-notice").getText()).contains("Dữ liệu đã được xoá");
        assertThat(k.get("/api/session").statusCode()).isEqualTo(404);
        assertThat(k.getBytes(pdfUrl).statusCode()).isEqualTo(404);
        assertThat(b.js("return window.localStorage.length + window.sessionStorage.length")).isEqualTo(0L);
        b.shot("ct01-11-wiped");
    }

    /** Another browser (or any local program) that did not come through the launcher reads nothing. */
    @Test
    void aBrowserNotOpenedByTheLauncherIsToldInBothLanguagesAndReadsNothing() throws Exception {
        Path secretDir = java.nio.file.Files.createTempDirectory(data, "etc");
        Path secret = KioskHarness.uiSecretFile(secretDir);
        k = KioskHarness.start(data, c -> c.demo(true).uiSecretFile(secret));
        b = Browser.start(profile);
        b.driver.get(k.base.toString());
        b.until(d -> "true".equals(b.js("return document.body.dataset.locked")), 15);
        assertThat(b.find("#alert").getText()).contains("Trình duyệt này không được đọc dữ liệu của ki-ốt")
                .contains("This browser may not read the kiosk's data");
        assertThat(b.js("return document.body.dataset.ready")).isNull();
        b.shot("ui-locked");
    }

    @Test
    void aCardWhoseDg13WasNotUnderstoodShowsWhatItHasAndAsksForTheRest() throws Exception {
        open(Duration.ofMinutes(2), Duration.ofSeconds(30));
        Person p = TestCards.person(PERSONA);
        b.find("#start").click();
        b.screen("consent");
        b.find("#consent-check").click();
        b.find("#consent-accept").click();
        b.screen("key");
        b.type("#key-id", p.idNumber());
        b.type("#key-dob", "17/08/1995");
        b.type("#key-issue", "15/04/2021");
        b.find("#key-submit").click();
        b.screen("card");
        k.cards.insert(FakeDemoCards.READER, FakeCardSource.card(PERSONA, TestCards.withoutDg13(PERSONA)));
        b.screen("identity");
        assertThat(b.find("#id-badges").getText()).as("the signed file's hash matched").contains("Thẻ thật");
        assertThat(b.find("#id-partial").getText()).contains("chưa đọc được hết thông tin");
        assertThat(b.find("#id-name").getText()).isEqualTo("NGUYEN THI HONG NHUNG");
        b.shot("partial-01-identity");

        b.find("#identity-next").click();
        b.screen("picker");
        b.find("#proc-xac-nhan-hon-nhan").click();
        b.screen("form");
        assertThat(b.find("#form-partial").isDisplayed()).isTrue();
        assertThat(b.find("#form-partial").getText()).contains("hãy tự điền");
        // what DG13 alone holds is empty and typed by the person; what the MRZ holds comes from the chip
        assertThat(b.find("#f-residence").getAttribute("value")).isEmpty();
        assertThat(b.find("#f-residence").getAttribute("readonly")).isNull();
        assertThat(b.find("#f-ethnicity").getAttribute("readonly")).isNull();
        assertThat(b.find("#f-fullName").getAttribute("readonly")).isNotNull();
        JsonNode prefill = vn.cccd.reader.model.Json.MAPPER.readTree(k.get("/api/forms/xac-nhan-hon-nhan/prefill").body());
        assertThat(prefill.get("missing").toString()).contains("\"residence\"", "\"ethnicity\"");
        b.shot("partial-02-form");
    }

    @Test
    void takingTheCardAwayClearsTheScreen() throws Exception {
        open(Duration.ofMinutes(2), Duration.ofSeconds(30));
        readCard(null);
        b.find("#identity-next").click();
        b.screen("picker");
        b.find("#proc-ct01").click();
        b.screen("form");
        b.type("#f-headName", "Trần Văn Ưởng");
        b.find("#demo-details summary").click();
        b.find("#demo-remove").click();
        b.screen("attract");
        assertThat(b.find("#cleared-notice").getText()).contains("Thẻ đã được rút ra");
        assertThat(b.driver.findElements(By.cssSelector("#form input"))).isEmpty();
        assertThat(b.find("#id-name").getAttribute("textContent")).isEmpty();
        assertThat(b.find("#id-face").getAttribute("src")).isNull();
        assertThat(b.find("#key-id").getAttribute("value")).isEmpty();
        assertThat(b.find("#key-dob").getAttribute("value")).isEmpty();
        assertThat((String) b.js("return document.getElementById('main').innerText")).doesNotContain("Nguyễn Thị Hồng Nhung")
                .doesNotContain("Trần Văn Ưởng");
        b.shot("removal-wiped");
    }

    @Test
    void inactivityWarnsThenWipes() throws Exception {
        open(Duration.ofSeconds(6), Duration.ofSeconds(3));
        readCard(null);
        WebElement dialog = b.until(d -> {
            WebElement e = b.find("#idle");
            return e.isDisplayed() ? e : null;
        }, 10);
        assertThat(dialog.getText()).contains("Bạn cần thêm thời gian?");
        assertThat(b.find("#idle .dialog").getAttribute("role")).isEqualTo("alertdialog");
        b.shot("idle-warning");
        b.screen("attract");
        b.until(d -> b.find("#cleared-notice").getText().contains("không có thao tác"), 15);
        assertThat(b.find("#idle").isDisplayed()).isFalse();
        assertThat(k.get("/api/session").statusCode()).isEqualTo(404);
        assertThat((String) b.js("return document.getElementById('main').innerText")).doesNotContain("Nguyễn Thị Hồng Nhung");
        b.shot("idle-wiped");
    }

    @Test
    void birthRegistrationTakesBothParentsCards() throws Exception {
        open(Duration.ofMinutes(2), Duration.ofSeconds(30));
        readCard(null);
        b.find("#identity-next").click();
        b.screen("picker");
        b.find("#proc-khai-sinh").click();
        b.screen("form");
        assertThat(b.find("#f-motherName").getAttribute("value")).isEqualTo("Nguyễn Thị Hồng Nhung");
        assertThat(b.find("#f-fatherName").getAttribute("readonly")).as("no father card yet: typed").isNull();
        assertThat(b.find("#role-0-mother").isSelected()).isTrue();
        b.find("#read-second").click();
        b.screen("key");
        assertThat(b.find("#second-consent").isDisplayed()).isTrue();
        Person father = TestCards.person("dang-quoc-viet");
        b.type("#key-id", father.idNumber());
        b.type("#key-dob", "29/02/1988");
        b.find("#key-submit").click();
        // the second person's consent is required
        b.until(d -> b.find("#alert").isDisplayed(), 5);
        assertThat(b.find("#alert").getText()).contains("đồng ý");
        b.find("#second-consent-check").click();
        b.find("#key-submit").click();
        b.screen("card");
        assertThat(b.find("#card-title").getText()).contains("thẻ thứ hai");
        b.find("#demo-details summary").click();
        b.find("#demo-remove").click();
        b.until(d -> !k.cards.present(FakeDemoCards.READER), 5);
        Thread.sleep(300);
        b.find("#demo-details summary").click();
        b.find("#demo-insert-dang-quoc-viet").click();
        b.screen("form");
        b.until(d -> father.fullName().equals(b.find("#f-fatherName").getAttribute("value")), 10);
        assertThat(b.find("#f-fatherName").getAttribute("readonly")).isNotNull();
        assertThat(b.find("#f-fatherBirthYear").getAttribute("value")).isEqualTo("1988");
        assertThat(b.find("#f-motherName").getAttribute("value")).isEqualTo("Nguyễn Thị Hồng Nhung");
        assertThat(b.find("#cards-panel").getText()).contains("Thẻ 2: " + father.fullName(), "Thẻ thật");
        b.shot("khai-sinh-two-cards");
        // taking the second card away does not wipe a two-card session; "done" does
        b.find("#demo-details summary").click();
        b.find("#demo-remove").click();
        Thread.sleep(500);
        assertThat(k.get("/api/session").statusCode()).isEqualTo(200);
        assertThat(b.find("#screen-form").isDisplayed()).isTrue();
    }

    @Test
    void englishIsOneTouchAway() throws Exception {
        open(Duration.ofMinutes(2), Duration.ofSeconds(30));
        assertThat(b.find("#screen-attract h1").getText()).isEqualTo("Đọc thẻ căn cước, điền sẵn tờ khai");
        b.find("#lang-en").click();
        b.until(d -> "en".equals(b.find("html").getAttribute("lang")), 5);
        assertThat(b.find("#screen-attract h1").getText()).isEqualTo("Read your ID card, get your form pre-filled");
        assertThat(b.find("#start").getText()).isEqualTo("Start");
        b.shot("attract-en");
        b.find("#lang-vi").click();
        assertThat(b.find("#start").getText()).isEqualTo("Bắt đầu");
    }

    private void chip(String field, String value) {
        WebElement input = b.find("#f-" + field);
        assertThat(input.getAttribute("value")).as(field).isEqualTo(value);
        assertThat(input.getAttribute("readonly")).as(field + " read-only").isNotNull();
        assertThat(b.find("label[for='f-" + field + "']").getText()).contains("từ chip");
    }

    /** Every visible button and link is at least 48 x 48 CSS pixels. */
    private void touchTargetsAreLargeEnough() {
        @SuppressWarnings("unchecked")
        List<String> small = (List<String>) b.js("return [...document.querySelectorAll('button, a.button, summary')]"
                + ".filter(e => e.offsetParent !== null)"
                + ".filter(e => { const r = e.getBoundingClientRect(); return r.width < 48 || r.height < 48; })"
                + ".map(e => e.id || e.textContent.trim())");
        assertThat(small).isEmpty();
    }
}
