package vn.cccd.kiosk.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import vn.cccd.kiosk.config.KioskConfig;
import vn.cccd.kiosk.forms.FilledForm;
import vn.cccd.kiosk.forms.FormDefinition;
import vn.cccd.kiosk.forms.FormInput;
import vn.cccd.kiosk.forms.FormRegistry;
import vn.cccd.kiosk.forms.FormValidator;
import vn.cccd.kiosk.forms.PrefillEngine;
import vn.cccd.kiosk.testing.TestCards;
import vn.cccd.kiosk.testing.TestForms;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.model.Json;

class FormPdfRendererTest {
    /** Rendered samples, to look at: build artefacts, never committed. */
    static final Path OUT = Path.of("target", "pdf-samples");
    private final FormRegistry forms = FormRegistry.load(KioskConfig.builder().build());
    private final FormValidator validator = new FormValidator(new PrefillEngine(Map.of("place", "Hà Nội",
            "authority.police", "Công an phường Đồng Tâm", "authority.commune", "Ủy ban nhân dân phường Đồng Tâm",
            "authority.criminalRecords", "Công an thành phố Hà Nội")),
            Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh")), "Kiosk Đồng Tâm 1");
    private final FormPdfRenderer renderer = new FormPdfRenderer(PdfFonts.bundled());

    @Test
    void ct01PrintsTheMottoTitleAndEveryValueWithItsDiacritics() throws Exception {
        FormDefinition ct01 = forms.get("ct01-2023").orElseThrow();
        CardReadResult card = TestCards.authentic("nguyen-thi-hong-nhung");
        Map<String, String> typed = TestForms.ct01Typed();
        typed.put("email", "nhung@example.vn");
        FilledForm form = validator.validate(ct01, List.of(card), new FormInput(typed,
                Map.of("members", List.of(Map.of("fullName", "Trần Thị Bé", "dateOfBirth", "01/02/2015", "sex", "Nữ",
                        "idNumber", "001315012345", "relation", "Cháu"))), null));
        byte[] pdf = renderer.render(form);
        save("ct01-2023", pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            String text = new PDFTextStripper().getText(doc);
            assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).isTrue();
            String flat = text.replaceAll("\\s+", " ");
            assertThat(flat).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ", "Kính gửi(1): Công an phường Đồng Tâm",
                    "1. Họ, chữ đệm và tên khai sinh: Nguyễn Thị Hồng Nhung", "17/08/1995", "3. Giới tính: Nữ",
                    "5. Số điện thoại liên hệ: 0912345678", "7. Họ, chữ đệm và tên chủ hộ(2): Trần Văn Ưởng",
                    "9. Số định danh cá nhân của chủ hộ", "Đăng ký tạm trú tại số 5 ngõ 10 phố Huế",
                    "Trần Thị Bé", "NGƯỜI KÊ KHAI", "Hà Nội, ngày 22 tháng 11 năm 2026",
                    "Mẫu CT01 ban hành kèm theo Thông tư số 116/2026/TT-BCA", form.reference());
            // the ID number sits one digit per box
            assertThat(text).contains(String.join("\n", card.person().idNumber().split("")).substring(0, 1));
            assertThat(flat.replace(" ", "")).contains(card.person().idNumber());
        }
    }

    @Test
    void theQrCodeOnThePaperCarriesTheFormData() throws Exception {
        FormDefinition ct01 = forms.get("ct01-2023").orElseThrow();
        FilledForm form = validator.validate(ct01, List.of(TestCards.authentic("nguyen-thi-hong-nhung")),
                new FormInput(TestForms.ct01Typed(), Map.of(), null));
        byte[] pdf = renderer.render(form);
        String text = decodeQr(pdf);
        JsonNode qr = Json.MAPPER.readTree(text);
        assertThat(qr.get("t").asText()).isEqualTo(FormQr.TYPE);
        assertThat(qr.get("form").asText()).isEqualTo("ct01");
        assertThat(qr.get("ref").asText()).isEqualTo(form.reference());
        assertThat(qr.get("full").asBoolean()).isTrue();
        assertThat(qr.get("values").get("fullName").asText()).isEqualTo("Nguyễn Thị Hồng Nhung");
        assertThat(qr.get("values").get("headName").asText()).isEqualTo("Trần Văn Ưởng");
        assertThat(qr.get("digest").asText()).isEqualTo(FormExport.digest(form));
    }

    @Test
    void tooMuchDataForOneCodeKeepsTheReferenceAndDigest() throws Exception {
        FormDefinition lltp = forms.get("ly-lich-tu-phap").orElseThrow();
        Map<String, String> typed = new HashMap<>(Map.of("placeOfBirth", "Bệnh viện Phụ sản Hà Nội", "phone", "0912345678",
                "convictions", "Không có án tích", "certificateType", "Phiếu lý lịch tư pháp số 1",
                "usePurpose", "Bổ sung hồ sơ xin việc tại Công ty Cổ phần Đầu tư Phát triển Hạ tầng Việt Nam"));
        List<Map<String, String>> history = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            history.add(Map.of("from", String.format("%02d/%d", 1 + i % 12, 2009 + i), "to", "nay",
                    "place", "Số " + (10 + i) + " Ngõ " + (30 + i) + " Phố Vọng, Phường Đồng Tâm, Quận Hai Bà Trưng, Hà Nội",
                    "work", "Kỹ sư xây dựng, Công ty Cổ phần Xây dựng Số " + i + " Hà Nội"));
        }
        FilledForm form = validator.validate(lltp, List.of(TestCards.authentic("nguyen-thi-a")),
                new FormInput(typed, Map.of("residenceHistory", history), null));
        byte[] pdf = renderer.render(form);
        save("ly-lich-tu-phap-long", pdf);
        JsonNode qr = Json.MAPPER.readTree(decodeQr(pdf));
        assertThat(qr.get("full").asBoolean()).isFalse();
        assertThat(qr.has("values")).isFalse();
        assertThat(qr.get("digest").asText()).isEqualTo(FormExport.digest(form));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            String flat = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(flat).contains("Kỹ sư xây dựng, Công ty Cổ phần Xây dựng Số 11 Hà Nội", "Trang 2/");
        }
    }

    @Test
    void everyFormRendersWithTwoParentCards() throws Exception {
        List<CardReadResult> cards = List.of(TestCards.authentic("nguyen-thi-hong-nhung"),
                TestCards.authentic("dang-quoc-viet"));
        for (FormDefinition def : forms.all()) {
            Map<String, String> typed = new HashMap<>();
            Map<String, List<Map<String, String>>> tables = new HashMap<>();
            for (FormDefinition.Field f : def.fields()) {
                if (!f.required()) {
                    continue;
                }
                switch (f.type()) {
                    case DATE -> typed.put(f.id(), "01/06/2026");
                    case PHONE -> typed.put(f.id(), "0987654321");
                    case ID_NUMBER -> typed.put(f.id(), "001099000111");
                    case NUMBER -> typed.put(f.id(), "1");
                    case SELECT -> typed.put(f.id(), f.options().get(0).value());
                    case TABLE -> tables.put(f.id(), List.of(Map.of("from", "01/2010", "place", "Hà Nội")));
                    default -> typed.put(f.id(), "Nội dung thử nghiệm có dấu: Ước mơ của tuổi trẻ");
                }
            }
            // chip values come from the cards; residences are proposals the person confirms, so typed here
            typed.keySet().removeIf(id -> List.of("fullName", "dateOfBirth", "sex", "idNumber", "requesterName",
                    "requesterDocument", "ethnicity", "nationality", "document", "issueDate", "applicantName",
                    "applicantIdNumber", "requesterDateOfBirth").contains(id));
            FilledForm form = validator.validate(def, cards, new FormInput(typed, tables, null));
            byte[] pdf = renderer.render(form);
            save(def.id(), pdf);
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                String flat = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
                assertThat(flat).as(def.id()).contains(def.title().vi().toUpperCase(java.util.Locale.forLanguageTag("vi")),
                        "Nguyễn Thị Hồng Nhung");
            }
        }
    }

    @Test
    void charactersTheFontLacksPrintAsQuestionMarks() throws Exception {
        FormDefinition ct01 = forms.get("ct01-2023").orElseThrow();
        Map<String, String> typed = TestForms.ct01Typed();
        typed.put("request", "Đăng ký tạm trú \uD83D\uDE00 ngay");
        FilledForm form = validator.validate(ct01, List.of(TestCards.authentic("nguyen-thi-hong-nhung")),
                new FormInput(typed, Map.of(), null));
        try (PDDocument doc = Loader.loadPDF(renderer.render(form))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Đăng ký tạm trú ? ngay");
        }
    }

    static String decodeQr(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer r = new PDFRenderer(doc);
            for (int i = doc.getNumberOfPages() - 1; i >= 0; i--) {
                BufferedImage img = r.renderImageWithDPI(i, 200);
                try {
                    Result res = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                            new BufferedImageLuminanceSource(img))), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
                    return res.getText();
                } catch (com.google.zxing.NotFoundException e) {
                    // not on this page
                }
            }
        }
        throw new AssertionError("no QR code found in the PDF");
    }

    static void save(String name, byte[] pdf) throws Exception {
        Files.createDirectories(OUT);
        Files.write(OUT.resolve(name + ".pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer r = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                ImageIO.write(r.renderImageWithDPI(i, 80), "png", OUT.resolve(name + "-" + (i + 1) + ".png").toFile());
            }
        }
    }
}
