package vn.cccd.kiosk.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/** The hand-written XLSX as an independent reader (fastexcel-reader) sees it. */
class XlsxWriterTest {

    @Test
    void textWithMarkupControlCharactersAndManyColumnsReadsBackAsWritten() throws Exception {
        List<String> header = new ArrayList<>();
        List<String> row = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            header.add("Cột " + i);
            row.add(i == 27 ? "A&B <c> \"d\" 'e' Nguyễn Thị Hồng Nhung 😀" : i == 28 ? "bell\u0007gone" : i == 29 ? null : "v" + i);
        }
        byte[] xlsx = XlsxWriter.write("Lưu trú 2026-06-10", List.of(header, row));
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getFirstSheet().getName()).isEqualTo("Lưu trú 2026-06-10");
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).getCellAsString(29)).hasValue("Cột 29");
            assertThat(rows.get(1).getCellAsString(26)).hasValue("v26");
            assertThat(rows.get(1).getCellAsString(27)).hasValue("A&B <c> \"d\" 'e' Nguyễn Thị Hồng Nhung 😀");
            assertThat(rows.get(1).getCellAsString(28)).hasValue("bellgone");
            assertThat(rows.get(1).getCellAsString(29).orElse("")).isEmpty();
        }
        assertThat(XlsxWriter.column(0)).isEqualTo("A");
        assertThat(XlsxWriter.column(25)).isEqualTo("Z");
        assertThat(XlsxWriter.column(26)).isEqualTo("AA");
        assertThat(XlsxWriter.column(701)).isEqualTo("ZZ");
        assertThat(XlsxWriter.column(702)).isEqualTo("AAA");
    }

    @Test
    void anInvalidSheetNameIsRefused() {
        assertThatThrownBy(() -> XlsxWriter.write("a/b", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> XlsxWriter.write("x".repeat(32), List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
