package vn.cccd.kiosk.lodging.kbtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import vn.cccd.kiosk.lodging.Guest;

/**
 * The police portal's import template as fastexcel-reader reads it back, cell by cell. Expected strings are the
 * template's as integrations-2026.md A2.3/A2.4 gives them (typed here, not taken from {@link KbttCodes}).
 */
class KbttWorkbookTest {
    private static final String HANOI = "Số 12 Ngõ 34 Phố Vọng, Phường Đồng Tâm, Quận Hai Bà Trưng, Hà Nội";

    static Guest guest(String id, String name, String dob, String sex, String type, String number, String kind,
            String reason, String residence) {
        return new Guest(id, name, dob, type, number, "Việt Nam", false, reason, "101", "2026-07-10T14:30",
                "2026-07-12", null, "Số 1 phố Demo, Hà Nội", "AUTHENTIC", null, sex, residence, kind);
    }

    private static List<List<String>> read(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getFirstSheet();
            assertThat(s.getName()).isEqualTo("DS_KHACH_VIET_NAM_LUU_TRU");
            for (Row r : s.read()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < 19; i++) {
                    cells.add(r.getCellAsString(i).orElse(""));
                }
                assertThat(r.getCellCount()).as("row %d has nothing beyond column S", r.getRowNum()).isLessThanOrEqualTo(19);
                rows.add(cells);
            }
        }
        return rows;
    }

    @Test
    void aNightOfVietnameseGuestsReadsBackInTheTemplateLayoutWithEveryRequiredCellFromTheCodeLists() throws Exception {
        Guest nhung = guest("g1", "Nguyễn Thị Hồng Nhung", "1995-08-17", "F", "CCCD", "001195000017", "CCCD", "Du lịch",
                HANOI);
        Guest khoi = guest("g2", "Hoàng Minh Khôi", "2001-02-03", "M", "CCCD", "079201000003", "CAN_CUOC",
                "khám bệnh cho mẹ", "Xã Phong Thổ, Tỉnh Hà Giang");
        Guest binh = guest("g3", "Phạm Văn Bình", "1970-12-31", "M", "PASSPORT", "C1234567", null, "công tác", null);
        List<List<String>> rows = read(new KbttWorkbook(new ProvinceNames()).write(List.of(nhung, khoi, binh)));

        assertThat(rows).hasSize(7);
        assertThat(rows.get(0).get(0)).isEqualTo("DANH SÁCH THÔNG BÁO LƯU TRÚ CHO CÔNG DÂN VIỆT NAM (*Vui lòng không"
                + " xóa dữ liệu mẫu; hãy thêm thông tin từ dòng tiếp theo)");
        assertThat(rows.get(1)).containsExactly("STT", "HỌ TÊN (*)", "NGÀY SINH (*)", "GIỚI TÍNH (*)", "QUỐC TỊCH (*)",
                "LOẠI GIẤY TỜ (*)", "TÊN GIẤY TỜ", "SỐ GIẤY TỜ (*)", "SỐ ĐIỆN THOẠI", "NƠI CƯ TRÚ HIỆN NAY",
                "TỈNH/ THÀNH PHỐ ", "PHƯỜNG/ XÃ/ ĐẶC KHU", "ĐỊA CHỈ CHI TIẾT", "NGÀY ĐẾN (*)", "NGÀY ĐI DỰ KIẾN (*)",
                "SỐ PHÒNG/ KHOA", " LÝ DO CƯ TRÚ (*)", "NHẬP LÝ DO", "GHI CHÚ");
        assertThat(rows.get(2).get(2)).isEqualTo("<Giá trị: dd/mm/yyyy>");
        assertThat(rows.get(2).get(3)).isEqualTo("<Giá trị: F - Nữ, M - Nam>");
        assertThat(rows.get(2).get(4)).isEqualTo("<Chọn Quốc tịch theo  Sheet [DANH_MUC]>");
        assertThat(rows.get(3).get(0)).isEqualTo("[EXAMPLE]");

        // row 5: a 2021 CCCD, reason from the list, residence in a province whose name survived the 2025 merger
        assertThat(rows.get(4)).containsExactly("1", "Nguyễn Thị Hồng Nhung", "17/08/1995", "F - Nữ", "VNM - Viet Nam",
                "1 - Thẻ CCCD", "", "001195000017", "", "1 - Thường trú", "101 - TP. Hà Nội", "", HANOI,
                "10/07/2026", "12/07/2026", "101", "1 - Du lịch", "", "");
        // row 6: a thẻ Căn cước; a reason outside the list is "20 - Mục đích khác" with the words in R; Hà Giang
        // (merged into Tuyên Quang) is not placed: K stays empty, the address whole in M
        assertThat(rows.get(5)).containsExactly("2", "Hoàng Minh Khôi", "03/02/2001", "M - Nam", "VNM - Viet Nam",
                "8 - Thẻ Căn Cước", "", "079201000003", "", "1 - Thường trú", "", "", "Xã Phong Thổ, Tỉnh Hà Giang",
                "10/07/2026", "12/07/2026", "101", "20 - Mục đích khác", "khám bệnh cho mẹ", "");
        // row 7: a Vietnamese passport; the typed reason matches the list in another case
        assertThat(rows.get(6)).containsExactly("3", "Phạm Văn Bình", "31/12/1970", "M - Nam", "VNM - Viet Nam",
                "4 - Hộ chiếu", "", "C1234567", "", "", "", "", "", "10/07/2026", "12/07/2026", "101", "2 - Công tác",
                "", "");
        for (List<String> r : rows.subList(4, 7)) {
            for (int col : new int[] {1, 2, 3, 4, 5, 7, 13, 14, 16}) {
                assertThat(r.get(col)).as("required column %c", (char) ('A' + col)).isNotBlank();
            }
            assertThat(r.get(2)).matches("\\d{2}/\\d{2}/\\d{4}");
        }
    }

    @Test
    void anEmptyNightStillHasTheTemplatesFourRows() throws Exception {
        assertThat(read(new KbttWorkbook(new ProvinceNames()).write(List.of()))).hasSize(4);
    }

    @Test
    void aGuestWithoutSexOrWithAPartialBirthDateIsRefusedNamingTheRowAndColumn() {
        KbttWorkbook w = new KbttWorkbook(new ProvinceNames());
        Guest ok = guest("g1", "Nguyễn Văn A", "1990-01-01", "M", "CCCD", "001090000001", "CCCD", "Du lịch", null);
        Guest noSex = guest("g2", "Trần Văn B", "1990-01-01", null, "CCCD", "001090000002", "CCCD", "Du lịch", null);
        assertThatThrownBy(() -> w.write(List.of(ok, noSex))).isInstanceOf(KbttException.class)
                .hasMessageStartingWith("row 6, column D (GIỚI TÍNH (*))")
                .satisfies(e -> assertThat(((KbttException) e).guestId()).isEqualTo("g2"));
        Guest yearOnly = guest("g3", "Lê Thị C", "1990", "F", "CCCD", "001190000003", "CCCD", "Du lịch", null);
        assertThatThrownBy(() -> w.write(List.of(yearOnly))).isInstanceOf(KbttException.class)
                .hasMessageStartingWith("row 5, column C (NGÀY SINH (*))");
        Guest shortNumber = guest("g4", "Lê Thị D", "1990-01-01", "F", "CCCD", "12345", "CCCD", "Du lịch", null);
        assertThatThrownBy(() -> w.write(List.of(shortNumber))).hasMessageStartingWith("row 5, column H");
    }

    @Test
    void aPlaceOutsideTheTemplatesProvinceAndCommuneListsIsRefused() {
        Guest g = guest("g1", "Nguyễn Văn A", "1990-01-01", "M", "CCCD", "001090000001", "CCCD", "Du lịch", "x");
        KbttPlaces gsoCode = r -> Optional.of(new KbttPlaces.Place("01", null, null, r));
        assertThatThrownBy(() -> new KbttWorkbook(gsoCode).write(List.of(g))).isInstanceOf(KbttException.class)
                .hasMessageStartingWith("row 5, column K (TỈNH/ THÀNH PHỐ)").hasMessageContaining("not in the template's code list");
        KbttPlaces otherProvince = r -> Optional.of(new KbttPlaces.Place("101", "701900001", "Phường Sài Gòn", r));
        assertThatThrownBy(() -> new KbttWorkbook(otherProvince).write(List.of(g)))
                .hasMessageStartingWith("row 5, column L");
        KbttPlaces commune = r -> Optional.of(new KbttPlaces.Place("101", "101900565", "Xã Gia Lâm", "Thôn 1"));
        assertThat(new KbttWorkbook(commune).rows(List.of(g)).get(0).subList(10, 13))
                .containsExactly("101 - TP. Hà Nội", "101900565 - Xã Gia Lâm", "Thôn 1");
    }

    @Test
    void anOldAddressIsPlacedInItsNewProvinceThroughTheAddressConverter() {
        ConvertedPlaces p = new ConvertedPlaces(vn.cccd.kiosk.address.AddressConverter.bundled());
        // Phường Hàng Bài (Quận Hoàn Kiếm) is part of Phường Cửa Nam since 01/07/2025 (issue 15's example)
        KbttPlaces.Place hanoi = p.place("Số 12 phố Hàng Bài, Phường Hàng Bài, Quận Hoàn Kiếm, Thành phố Hà Nội")
                .orElseThrow();
        assertThat(hanoi.provinceCode()).isEqualTo("101");
        assertThat(hanoi.communeCode()).as("the template's commune codes are not known").isNull();
        assertThat(hanoi.detail()).isEqualTo("Số 12 phố Hàng Bài, Phường Cửa Nam, Thành phố Hà Nội");
        assertThat(p.place("Không có địa chỉ nào như thế")).isEmpty();
        assertThat(p.place("Thôn 3, xã nào đó, Thành phố Hồ Chí Minh").map(KbttPlaces.Place::provinceCode))
                .as("not converted: placed by the province's name").hasValue("701");
    }

    @Test
    void provincesArePlacedByTodaysNamesOnly() {
        ProvinceNames p = new ProvinceNames();
        assertThat(p.place(HANOI).map(KbttPlaces.Place::provinceCode)).hasValue("101");
        assertThat(p.place("Phường Đa Kao, Quận 1, Thành phố Hồ Chí Minh").map(KbttPlaces.Place::provinceCode)).hasValue("701");
        assertThat(p.place("Xã X, Huyện Y, Tỉnh Thanh Hoá").map(KbttPlaces.Place::provinceCode)).hasValue("401");
        assertThat(p.place("Phường Z, TP. Cần Thơ").map(KbttPlaces.Place::provinceCode)).hasValue("815");
        assertThat(p.place("Phường Vĩnh Ninh, Thành phố Huế, Tỉnh Thừa Thiên Huế")).isEmpty();
        assertThat(p.place("Xã Phong Thổ, Tỉnh Hà Giang")).isEmpty();
        assertThat(p.place("")).isEmpty();
    }
}
