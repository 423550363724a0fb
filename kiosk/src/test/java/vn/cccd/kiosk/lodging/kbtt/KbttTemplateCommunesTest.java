package vn.cccd.kiosk.lodging.kbtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.cccd.kiosk.address.AddressConverter;
import vn.cccd.kiosk.config.ConfigException;
import vn.cccd.kiosk.config.ConfigLoader;
import vn.cccd.kiosk.config.KioskConfig;
import vn.cccd.kiosk.lodging.Guest;

/**
 * Column L "PHƯỜNG/ XÃ/ ĐẶC KHU" from the owner's copy of the police template ({@code lodging.kbtt.templateFile}).
 * The template here is synthetic: only "101900565 - Xã Gia Lâm" is the documented entry (integrations-2026.md A2.4);
 * the other codes are made up for the test. The real sheet's column layout is unconfirmed, so the entries sit in an
 * arbitrary column among noise. Guests are mock personas.
 */
class KbttTemplateCommunesTest {
    private static final AddressConverter CONVERTER = AddressConverter.bundled();

    /** A PHUONG_XA sheet with its entries in column D from row 3, noise around, and a decoy sheet. */
    private static void template(Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet decoy = wb.newWorksheet("DANH_MUC");
            decoy.value(0, 0, "101000007 - Phường Hoàn Kiếm");
            Worksheet s = wb.newWorksheet("PHUONG_XA");
            s.value(0, 0, "DANH MỤC PHƯỜNG/ XÃ/ ĐẶC KHU");
            s.value(1, 3, "MÃ - TÊN");
            s.value(1, 5, 3323);
            String[] entries = {"101900565 - Xã Gia Lâm",
                    Normalizer.normalize("101000001 - Phường Cửa Nam", Normalizer.Form.NFD),
                    "101000003 - Phường Ba Đình", "101000004 - phường ba đình", "701000005 - Phường Hoàn Kiếm",
                    "12345 - Xã Không Đủ Số", "101000006 Phường Thiếu Gạch"};
            for (int i = 0; i < entries.length; i++) {
                s.value(i + 2, 3, entries[i]);
                s.value(i + 2, 4, i);
            }
            wb.finish();
        }
    }

    private static KioskConfig config(Path dir, String templateLine) throws Exception {
        Files.createDirectories(dir.resolve("forms"));
        Path f = dir.resolve("kiosk.properties");
        Files.writeString(f, "kiosk.mode=lodging\nlodging.address=Số 5 Hàng Gai, Hà Nội\n" + templateLine,
                StandardCharsets.UTF_8);
        return ConfigLoader.fromFile(f);
    }

    /** Columns K and L of the export's guest rows, read back from the XLSX. */
    private static List<List<String>> columnsKL(KioskConfig c, List<Guest> guests) throws Exception {
        byte[] xlsx = new KbttWorkbook(new ConvertedPlaces(CONVERTER, new KbttCommunes(c.lodging().kbttCommunes())))
                .write(guests);
        List<List<String>> out = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row r : wb.getFirstSheet().read()) {
                if (r.getRowNum() >= 5) {
                    out.add(List.of(r.getCellAsString(10).orElse(""), r.getCellAsString(11).orElse("")));
                }
            }
        }
        return out;
    }

    private static Guest guest(String id, String residence) {
        return KbttWorkbookTest.guest(id, "Trần Thị Mẫu", "1990-01-02", "F", "CCCD", "001190000002", "CCCD",
                "Du lịch", residence);
    }

    @Test
    void theCommuneColumnIsFilledFromTheTemplateCopyWhenTheNameFitsOneEntryOfTheProvince(@TempDir Path dir)
            throws Exception {
        template(dir.resolve("tblt_vn_import.xlsx"));
        KioskConfig c = config(dir, "lodging.kbtt.templateFile=tblt_vn_import.xlsx\n");
        assertThat(c.lodging().kbttCommunes()).as("only the 9-digit entries of sheet PHUONG_XA").hasSize(5);

        List<List<String>> kl = columnsKL(c, List.of(
                guest("g1", "Thôn 1, Xã Gia Lâm, Thành phố Hà Nội"),
                // Phường Hàng Bài is part of Phường Cửa Nam since 01/07/2025; the entry is written NFD in the file
                guest("g2", "Số 12 phố Hàng Bài, Phường Hàng Bài, Quận Hoàn Kiếm, Thành phố Hà Nội"),
                // Hoàn Kiếm is listed only under another province (701) and in another sheet
                guest("g3", "Số 3 phố Tràng Tiền, Phường Hoàn Kiếm, Thành phố Hà Nội"),
                // two entries of Hà Nội differ only in case: ambiguous
                guest("g4", "Số 4 phố Kim Mã, Phường Ba Đình, Thành phố Hà Nội")));

        assertThat(kl).containsExactly(
                List.of("101 - TP. Hà Nội", "101900565 - Xã Gia Lâm"),
                List.of("101 - TP. Hà Nội", "101000001 - Phường Cửa Nam"),
                List.of("101 - TP. Hà Nội", ""),
                List.of("101 - TP. Hà Nội", ""));
    }

    @Test
    void withoutTheKeyTheCommuneColumnStaysEmpty(@TempDir Path dir) throws Exception {
        KioskConfig c = config(dir, "");
        assertThat(c.lodging().kbttCommunes()).isEmpty();
        assertThat(columnsKL(c, List.of(guest("g1", "Thôn 1, Xã Gia Lâm, Thành phố Hà Nội"))))
                .containsExactly(List.of("101 - TP. Hà Nội", ""));
    }

    @Test
    void aMissingOrCorruptTemplateStopsTheStartNamingTheFile(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> config(dir, "lodging.kbtt.templateFile=absent.xlsx\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("lodging.kbtt.templateFile: ").hasMessageContaining("absent.xlsx")
                .hasMessageContaining("no such file");
        Files.write(dir.resolve("broken.xlsx"), "PK not really a workbook".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> config(dir, "lodging.kbtt.templateFile=broken.xlsx\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("lodging.kbtt.templateFile: ").hasMessageContaining("broken.xlsx")
                .hasMessageContaining("cannot be read as an XLSX");
        try (OutputStream out = Files.newOutputStream(dir.resolve("other.xlsx"))) {
            Workbook wb = new Workbook(out, "test", "1.0");
            wb.newWorksheet("DS_KHACH_VIET_NAM_LUU_TRU").value(0, 0, "101900565 - Xã Gia Lâm");
            wb.finish();
        }
        assertThatThrownBy(() -> config(dir, "lodging.kbtt.templateFile=other.xlsx\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("other.xlsx")
                .hasMessageContaining("has no sheet PHUONG_XA");
    }

    @Test
    void namesAreComparedWithoutCaseDiacriticsOrKindWordButTheKindWordTellsTwinsApart() {
        KbttCommunes list = new KbttCommunes(List.of("101000011 - Xã Hòa Bình", "101000012 - Phường Hoà Bình",
                "101000013 - Đặc khu Cồn Cỏ", "101000014 - Xã Đông Anh"));
        assertThat(list.find("101", "Phường Hòa Bình")).map(KbttCommunes.Match::code).hasValue("101000012");
        assertThat(list.find("101", "Hòa Bình")).as("no kind word: two entries fit").isEmpty();
        assertThat(list.find("101", "đặc khu cồn cỏ")).map(KbttCommunes.Match::name).hasValue("Đặc khu Cồn Cỏ");
        assertThat(list.find("101", "XÃ DONG ANH")).map(KbttCommunes.Match::code).hasValue("101000014");
        assertThat(list.find("102", "Xã Đông Anh")).as("another province").isEmpty();
    }
}
