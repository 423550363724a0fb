package vn.cccd.kiosk.lodging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/** The owner's XLSX of a night (the CSV's quoting: GuestRegisterTest) as an independent reader (fastexcel-reader) sees it. */
class GuestExportTest {
    private static Guest guest(String name, String reason) {
        return new Guest("g1", name, "1990-01-02", "CCCD", "001090000001", "Việt Nam", false, reason, "101",
                "2026-07-10T14:30", "2026-07-12", null, "Số 1 phố Demo, Hà Nội", "AUTHENTIC", null, "M", null, "CCCD");
    }

    @Test
    void xlsxCellsReadBackAsWrittenAsTextWithMarkupAndUnwritableCharactersDropped() throws Exception {
        byte[] xlsx = GuestExport.xlsx(List.of(guest("A&B <c> \"d\" 'e' Nguyễn Thị Hồng Nhung 😀", "=1+2"),
                guest("bell\u0007gone", "0123")), LocalDate.of(2026, 7, 10));
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getFirstSheet().getName()).isEqualTo("Lưu trú 2026-07-10");
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0).getCellAsString(11)).hasValue("Khai báo NA17 (NA17 declaration)");
            assertThat(rows.get(1).getCellAsString(1)).hasValue("A&B <c> \"d\" 'e' Nguyễn Thị Hồng Nhung 😀");
            // a reason typed as a formula is a text cell, never a formula; digits keep their leading zero
            assertThat(rows.get(1).getCell(6).getType()).isEqualTo(CellType.STRING);
            assertThat(rows.get(1).getCellAsString(6)).hasValue("=1+2");
            assertThat(rows.get(2).getCellAsString(6)).hasValue("0123");
            assertThat(rows.get(2).getCellAsString(1)).hasValue("bellgone");
            assertThat(rows.get(1).getCellAsString(2)).hasValue("02/01/1990");
        }
    }
}
