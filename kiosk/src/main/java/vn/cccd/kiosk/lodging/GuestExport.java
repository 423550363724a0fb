package vn.cccd.kiosk.lodging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The guests of one night as a table for the police notification (VNeID or the public-service portal): the content
 * the law asks for (name, date of birth, ID or passport number, nationality, reason, period and address of stay),
 * plus the room and the NA17 flag for foreign guests. Dates as Vietnamese forms write them (dd/MM/yyyy). CSV (UTF-8
 * with a byte-order mark, so that Excel shows Vietnamese correctly) and XLSX (fastexcel: every cell a text cell, so a
 * value that looks like a formula or a number stays as typed; characters XML cannot carry are dropped).
 */
public final class GuestExport {
    static final List<String> HEADER = List.of("STT (No.)", "Họ và tên (Full name)", "Ngày sinh (Date of birth)",
            "Loại giấy tờ (Document)", "Số định danh / hộ chiếu (ID / passport no.)", "Quốc tịch (Nationality)",
            "Lý do lưu trú (Reason)", "Từ (From)", "Đến (To)", "Phòng (Room)", "Địa chỉ lưu trú (Address of stay)",
            "Khai báo NA17 (NA17 declaration)");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private GuestExport() {
    }

    /** The header and one row per guest. */
    public static List<List<String>> rows(List<Guest> guests) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        int n = 1;
        for (Guest g : guests) {
            rows.add(List.of(Integer.toString(n++), g.fullName(), day(g.dateOfBirth()), documentName(g.documentType()),
                    g.documentNumber(), nz(g.nationality()), g.reason(), LocalDateTime.parse(g.arrival()).format(DAY_TIME),
                    g.checkedOutAt() != null ? LocalDateTime.parse(g.checkedOutAt()).format(DAY_TIME) : day(g.departure()),
                    g.room(), g.stayAddress(), g.foreign() ? "Có (Yes)" : "Không (No)"));
        }
        return rows;
    }

    public static byte[] csv(List<Guest> guests) {
        StringBuilder b = new StringBuilder("\uFEFF");
        for (List<String> row : rows(guests)) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(csvCell(row.get(i)));
            }
            b.append("\r\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] xlsx(List<Guest> guests, LocalDate night) {
        return workbook(wb -> {
            Worksheet ws = wb.newWorksheet("Lưu trú " + night);
            List<List<String>> rows = rows(guests);
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    if (row.get(c) != null && !row.get(c).isEmpty()) {
                        ws.value(r, c, row.get(c));
                    }
                }
            }
            ws.range(0, 0, 0, HEADER.size() - 1).style().bold().set();
        });
    }

    /** Writes one workbook in memory (an export is a few hundred rows at most). */
    static byte[] workbook(SheetWriter content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(bytes, "cccd-kiosk", "1.0");
            content.write(wb);
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Fills a workbook. */
    @FunctionalInterface
    interface SheetWriter {
        void write(Workbook wb) throws IOException;
    }

    /**
     * RFC 4180 quoting; a cell that a spreadsheet would run as a formula (= + - @ first) gets a leading apostrophe,
     * so that a reason typed as a formula stays text.
     */
    static String csvCell(String v) {
        if (v == null) {
            return "";
        }
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static String day(String iso) {
        return iso == null ? "" : LocalDate.parse(iso).format(DAY);
    }

    private static String nz(String v) {
        return v == null ? "" : v;
    }

    static String documentName(String type) {
        return switch (type) {
            case "CCCD" -> "CCCD / Căn cước";
            case "PASSPORT" -> "Hộ chiếu (Passport)";
            default -> "Giấy tờ tùy thân (ID card)";
        };
    }
}
