package vn.cccd.kiosk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cccd.kiosk.testing.KioskHarness.expect;
import static vn.cccd.kiosk.testing.KioskHarness.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.kiosk.testing.FakeCardSource;
import vn.cccd.kiosk.testing.KioskHarness;
import vn.cccd.kiosk.testing.TestCards;
import vn.cccd.kiosk.testing.TestForms;

/** A card with a pre-2025 residence: the API proposes today's address, names the card's original, prints both. */
class AddressFlowApiTest {
    static final String PERSONA = "nguyen-thi-hong-nhung";
    static final String OLD = "Số 12 phố Hàng Bài, Phường Hàng Bài, Quận Hoàn Kiếm, Thành phố Hà Nội";
    static final String NEW = "Số 12 phố Hàng Bài, Phường Cửa Nam, Thành phố Hà Nội";
    static final String NOTE = "(Địa giới hành chính cũ: Phường Hàng Bài, Quận Hoàn Kiếm, Thành phố Hà Nội)";

    @TempDir
    Path data;
    KioskHarness k;

    @BeforeEach
    void start() throws Exception {
        k = KioskHarness.start(data);
    }

    @AfterEach
    void stop() {
        k.close();
    }

    private void readCardLivingAt(String residence) throws Exception {
        var events = k.events();
        k.readyForCard(PERSONA);
        k.cards.insert(KioskHarness.READER, FakeCardSource.card(PERSONA, TestCards.livingAt(PERSONA, residence)));
        events.await("read-complete", 10);
    }

    @Test
    void theHangBaiCardGetsCuaNamProposedWithTheOriginalNamedAndBothPrintedOnCt01() throws Exception {
        readCardLivingAt(OLD);
        JsonNode identity = json(expect(k.get("/api/session/cards/0/address"), 200));
        assertThat(identity.get("status").asText()).isEqualTo("CONVERTED");
        assertThat(identity.get("original").asText()).isEqualTo(OLD);
        assertThat(identity.get("address").asText()).isEqualTo(NEW);
        assertThat(identity.get("commune").get("code").asText()).isEqualTo("00082");

        JsonNode marital = json(expect(k.get("/api/forms/xac-nhan-hon-nhan/prefill"), 200));
        assertThat(marital.get("fields").get("residence").asText()).isEqualTo(NEW);
        assertThat(marital.get("readOnly").toString()).doesNotContain("residence");
        JsonNode proposal = marital.get("addresses").get("residence");
        assertThat(proposal.get("original").asText()).isEqualTo(OLD);
        assertThat(proposal.get("status").asText()).isEqualTo("CONVERTED");
        assertThat(proposal.get("communeCode").asText()).isEqualTo("00082");
        assertThat(proposal.get("provinceCode").asText()).isEqualTo("01");

        JsonNode ct01 = json(expect(k.get("/api/forms/ct01-2023/prefill"), 200));
        assertThat(ct01.get("fields").get("request").asText()).isEqualTo(NEW + " " + NOTE);
        assertThat(ct01.get("addresses").get("request").get("original").asText()).isEqualTo(OLD);

        // the person confirms the proposal as it stands
        Map<String, String> typed = new HashMap<>(TestForms.ct01Typed());
        typed.put("request", "Xác nhận thông tin về cư trú tại " + NEW + " " + NOTE);
        HttpResponse<byte[]> pdf = k.postForBytes("/api/forms/ct01-2023/pdf", Map.of("fields", typed));
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Phường Cửa Nam, Thành phố Hà Nội", "Địa giới hành chính cũ: Phường Hàng Bài");
        }
    }

    @Test
    void aSplitCommuneGivesNoValueUntilThePersonPicksOneOfTheChoices() throws Exception {
        readCardLivingAt("Số 12 Ngõ 34 Phố Vọng, Phường Đồng Tâm, Quận Hai Bà Trưng, Hà Nội");
        JsonNode pre = json(expect(k.get("/api/forms/xac-nhan-hon-nhan/prefill"), 200));
        assertThat(pre.get("fields").has("residence")).isFalse();
        assertThat(pre.get("missing").toString()).contains("residence");
        JsonNode p = pre.get("addresses").get("residence");
        assertThat(p.get("status").asText()).isEqualTo("CHOICE_NEEDED");
        assertThat(p.get("choices").findValuesAsText("value")).containsExactlyInAnyOrder(
                "Số 12 Ngõ 34 Phố Vọng, Phường Bạch Mai, Thành phố Hà Nội",
                "Số 12 Ngõ 34 Phố Vọng, Phường Tương Mai, Thành phố Hà Nội");
        assertThat(p.get("choices").findValuesAsText("communeCode")).hasSize(2);
    }

    @Test
    void anAddressMatchingNothingIsProposedAsOnTheCardAndMarkedNotConverted() throws Exception {
        readCardLivingAt("Hà Nội");
        JsonNode pre = json(expect(k.get("/api/forms/xac-nhan-hon-nhan/prefill"), 200));
        assertThat(pre.get("fields").get("residence").asText()).isEqualTo("Hà Nội");
        assertThat(pre.get("addresses").get("residence").get("status").asText()).isEqualTo("NOT_CONVERTED");
    }
}
