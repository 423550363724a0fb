package vn.cccd.kiosk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.kiosk.testing.KioskHarness;
import vn.cccd.mock.persona.Persona;
import vn.cccd.mock.persona.Personas;

/**
 * The README's demo as a user meets it, with nothing faked: the kiosk built as {@code --demo} builds it, the mock
 * chip behind the mock javax.smartcardio provider, the reader library reading and verifying it (BAC, secure
 * messaging, Passive Authentication against the demo CSCA), then CT01 filled with exactly the chip's values.
 */
@Tag("system")
class DemoModeBrowserTest {

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
        kiosk = KioskInBrowser.open(KioskHarness.config(data).demo(true).build(), profile);
        b = kiosk.browser;
    }

    private void typeKeyOf(Persona p) {
        b.find("#start").click();
        b.screen("consent");
        b.find("#consent-check").click();
        b.find("#consent-accept").click();
        b.screen("key");
        b.typeCccdKey(p);
    }

    @Test
    void aClonedChipIsShownAsAPossibleCopyInPlainWords() throws Exception {
        open();
        Persona p = Personas.builtIn("dang-quoc-viet");
        typeKeyOf(p);
        java.net.http.HttpResponse<String> inserted = kiosk.post("/api/demo/insert",
                "{\"persona\":\"" + p.name() + "\",\"faults\":[\"clone\"]}");
        assertThat(inserted.statusCode()).as(inserted.body()).isEqualTo(200);
        b.screen("identity");
        assertThat(b.find("#id-badges").getText()).contains("Thẻ này có thể là bản sao").doesNotContain("Thẻ thật")
                .as("the data itself is genuine").doesNotContain("không hợp lệ");
        b.shot("demo-clone-identity");
    }

    @Test
    void aCardThatOutlivedItsDocumentSignerIsGenuineAndItsNoteIsShownInVietnameseThenEnglish() throws Exception {
        open();
        // issued 2021-04-15, valid to 2035, signed by a Document Signer whose certificate ran out on 2025-12-31
        Persona p = Personas.builtIn("nguyen-thi-hong-nhung");
        typeKeyOf(p);
        java.net.http.HttpResponse<String> inserted = kiosk.post("/api/demo/insert",
                "{\"persona\":\"" + p.name() + "\",\"faults\":[\"expired-document-signer\"]}");
        assertThat(inserted.statusCode()).as(inserted.body()).isEqualTo(200);
        b.screen("identity");
        assertThat(b.find("#id-badges").getText()).contains("Thẻ thật");
        assertThat(b.find("#id-notes").isDisplayed()).isTrue();
        String note = b.find("#id-notes li").getText();
        assertThat(note).contains("đã hết hạn ngày 31/12/2025")
                .contains("The Document Signer certificate expired on 2025-12-31");
        assertThat(note.indexOf("đã hết hạn")).as("Vietnamese first").isLessThan(note.indexOf("The Document Signer"));
        assertThat(b.find("#id-notes li [lang='en']").getText()).startsWith("The Document Signer certificate");
        b.shot("demo-expired-document-signer-identity");
    }

    @Test
    void aRealMockChipIsReadVerifiedAndFillsCt01() throws Exception {
        open();
        Persona p = Personas.builtIn("tran-van-uong");
        typeKeyOf(p);
        b.find("#demo-details summary").click();
        b.find("#demo-insert-" + p.name()).click();
        b.screen("identity");
        b.shot("demo-real-chip-identity");
        assertThat(b.find("#id-name").getText()).isEqualTo(p.person().fullName());
        assertThat(b.find("#id-badges").getText()).contains("Thẻ thật");
        assertThat(b.find("#id-notes").isDisplayed()).as("no note on a card whose signer is valid").isFalse();
        b.until(d -> ((Number) b.js("return document.getElementById('id-face').naturalWidth")).intValue() > 0, 10);

        b.find("#identity-next").click();
        b.screen("picker");
        b.find("#proc-ct01").click();
        b.screen("form");
        assertThat(b.find("#f-fullName").getAttribute("value")).isEqualTo(p.person().fullName());
        assertThat(b.find("#f-idNumber").getAttribute("value")).isEqualTo(p.person().idNumber());
        assertThat(b.find("#f-dateOfBirth").getAttribute("value"))
                .isEqualTo(LocalDate.parse(p.person().dateOfBirth()).format(Browser.DMY));
        assertThat(b.find("#f-sex").getAttribute("value")).isEqualTo(p.person().sex());
        b.shot("demo-real-chip-ct01");

        // nothing of the person in the browser's storage, during the session or after it
        assertThat(b.jsAsync(BROWSER_STORAGE)).isEqualTo("0/0/0/");
        b.find("#demo-details summary").click();
        b.find("#demo-remove").click();
        b.screen("attract");
        String[] traces = {p.person().fullName(), p.person().idNumber(), p.person().idNumber().substring(3),
            p.person().placeOfResidence()};
        for (String t : traces) {
            // the demo panel lists the (fictional) demo personas by design: everything else must be wiped
            b.until(d -> !((String) b.js("const c = document.documentElement.cloneNode(true);"
                    + " c.querySelector('#demo').remove(); return c.outerHTML")).contains(t), 10);
        }
        assertThat(b.jsAsync(BROWSER_STORAGE)).isEqualTo("0/0/0/");
        // and not in any field's value either (values are not in the markup)
        String values = (String) b.js("return [...document.querySelectorAll('input, textarea, select')]"
                + ".map(e => e.value).join('|')");
        assertThat(values).doesNotContain(traces);
    }

    /** localStorage items / sessionStorage items / IndexedDB databases / cookies, as "n/n/n/cookies". */
    private static final String BROWSER_STORAGE = "const cb = arguments[arguments.length - 1];"
            + " (indexedDB.databases ? indexedDB.databases() : Promise.resolve([])).then(dbs =>"
            + " cb(localStorage.length + '/' + sessionStorage.length + '/' + dbs.length + '/' + document.cookie));";
}
