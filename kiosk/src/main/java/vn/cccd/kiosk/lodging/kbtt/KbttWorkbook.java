package vn.cccd.kiosk.lodging.kbtt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import vn.cccd.kiosk.lodging.Guest;

/**
 * The Vietnamese guests of a night in the police portal's import template {@code tblt_vn_import.xlsx} (KBTT,
 * integrations-2026.md A2.3): sheet {@value #SHEET}, title in row 1, headers in row 2, hints in row 3, the example
 * row 4 (the portal skips it by position), guests from row 5 in the 19 columns A–S, every cell text, dates
 * {@code dd/MM/yyyy}, enumerations as the exact {@code "code - label"} of {@link KbttCodes}. Every guest is checked
 * before anything is written: a value the code lists do not have, or an empty required column (B, C, D, E, F, H, N,
 * O, Q), refuses the whole export with a {@link KbttException} naming the row and column.
 */
public final class KbttWorkbook {
    public static final String SHEET = "DS_KHACH_VIET_NAM_LUU_TRU";
    public static final String TITLE = "DANH SÁCH THÔNG BÁO LƯU TRÚ CHO CÔNG DÂN VIỆT NAM (*Vui lòng không xóa dữ liệu"
            + " mẫu; hãy thêm thông tin từ dòng tiếp theo)";
    /** Row 2 exactly as the template has it, stray spaces included (K ends with one, Q starts with one). */
    public static final List<String> HEADERS = List.of("STT", "HỌ TÊN (*)", "NGÀY SINH (*)", "GIỚI TÍNH (*)",
            "QUỐC TỊCH (*)", "LOẠI GIẤY TỜ (*)", "TÊN GIẤY TỜ", "SỐ GIẤY TỜ (*)", "SỐ ĐIỆN THOẠI",
            "NƠI CƯ TRÚ HIỆN NAY", "TỈNH/ THÀNH PHỐ ", "PHƯỜNG/ XÃ/ ĐẶC KHU", "ĐỊA CHỈ CHI TIẾT", "NGÀY ĐẾN (*)",
            "NGÀY ĐI DỰ KIẾN (*)", "SỐ PHÒNG/ KHOA", " LÝ DO CƯ TRÚ (*)", "NHẬP LÝ DO", "GHI CHÚ");
    /**
     * Row 3: the hints seen in the template (integrations-2026.md A2.3); the columns whose hint was not seen stay
     * empty rather than invented.
     */
    public static final List<String> HINTS = Arrays.asList(null, null, "<Giá trị: dd/mm/yyyy>",
            "<Giá trị: F - Nữ, M - Nam>", "<Chọn Quốc tịch theo  Sheet [DANH_MUC]>", null,
            "<Bắt buộc nhập với Giấy tờ khác >", null, null, null, "<Chọn Tỉnh/Thành phố  Sheet [TINH_THANH]>",
            "<Chọn Phường/Xã/Đặc khu  Sheet [PHUONG_XA]>", null, null, null, "< Nhập tên Phòng/Khoa>", null,
            "<Bắt buộc nhập với Lý do cư trú là Mục đích khác >", null);
    /** The columns the portal requires (the web form requires the same nine). */
    public static final String REQUIRED = "BCDEFHNOQ";
    /** The first data row (1-based). */
    public static final int FIRST_ROW = 5;
    static final String EXAMPLE = "[EXAMPLE]";
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final KbttPlaces places;

    public KbttWorkbook(KbttPlaces places) {
        this.places = places;
    }

    /** The guests this template is for: Vietnamese (a CCCD, or a Vietnamese passport); foreigners go to the XML. */
    public static List<Guest> vietnamese(List<Guest> night) {
        return night.stream().filter(g -> !g.foreign()).toList();
    }

    /** The workbook, or a {@link KbttException} for the first guest that cannot be written. */
    public byte[] write(List<Guest> guests) {
        List<List<String>> rows = rows(guests);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(bytes, "cccd-kiosk", "1.0");
            Worksheet ws = wb.newWorksheet(SHEET);
            ws.value(0, 0, TITLE);
            ws.range(0, 0, 0, 0).style().bold().set();
            for (int c = 0; c < HEADERS.size(); c++) {
                ws.value(1, c, HEADERS.get(c));
                if (HINTS.get(c) != null) {
                    ws.value(2, c, HINTS.get(c));
                }
            }
            ws.range(1, 0, 1, HEADERS.size() - 1).style().bold().wrapText(true).set();
            List<String> example = example();
            for (int c = 0; c < example.size(); c++) {
                ws.value(3, c, example.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    if (row.get(c) != null) {
                        ws.value(FIRST_ROW - 1 + r, c, row.get(c));
                    }
                }
            }
            // text format ("@") on the data area: a date or a number with leading zeros edited later stays text
            if (!rows.isEmpty()) {
                ws.range(FIRST_ROW - 1, 0, FIRST_ROW - 1 + rows.size() - 1, HEADERS.size() - 1).style().format("@").set();
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Row 4: a synthetic example (placeholders only) marked as such. */
    static List<String> example() {
        return Arrays.asList(EXAMPLE, "NGUYỄN VĂN A", "01/01/1990", KbttCodes.cell(KbttCodes.SEXES, "M"),
                KbttCodes.cell(KbttCodes.NATIONALITIES, "VNM"), KbttCodes.cell(KbttCodes.DOCUMENT_TYPES, "8"), null,
                "0xxxxxxxxxxx", null, KbttCodes.cell(KbttCodes.RESIDENCE_TYPES, "1"), null, null, null, "01/01/2026",
                "02/01/2026", "101", KbttCodes.cell(KbttCodes.REASONS, "1"), null, null);
    }

    /** The 19 cells of each guest (null: empty), checked. */
    public List<List<String>> rows(List<Guest> guests) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < guests.size(); i++) {
            out.add(row(i + 1, FIRST_ROW + i, guests.get(i)));
        }
        return out;
    }

    private List<String> row(int n, int sheetRow, Guest g) {
        Cells c = new Cells(sheetRow, g.id());
        if (g.foreign()) {
            throw c.refuse('E', "a foreign guest goes into the foreign guests' XML (format=kbtt-foreign)");
        }
        c.set('A', Integer.toString(n));
        c.set('B', g.fullName() == null ? null : g.fullName().strip());
        c.set('C', day(c, 'C', g.dateOfBirth(), "the date of birth"));
        if (g.sex() == null || !KbttCodes.SEXES.containsKey(g.sex())) {
            throw c.refuse('D', "the sex is not known for this guest (the list has only F - Nữ and M - Nam)");
        }
        c.set('D', KbttCodes.cell(KbttCodes.SEXES, g.sex()));
        c.set('E', KbttCodes.cell(KbttCodes.NATIONALITIES, "VNM"));
        String type = documentType(g);
        c.set('F', KbttCodes.cell(KbttCodes.DOCUMENT_TYPES, type));
        if (KbttCodes.OTHER_DOCUMENT.equals(type)) {
            c.set('G', "Giấy tờ tùy thân");
        }
        String number = g.documentNumber() == null ? null : g.documentNumber().strip();
        if (("1".equals(type) || "8".equals(type)) && (number == null || !number.matches("[0-9]{12}"))) {
            throw c.refuse('H', "a CCCD or thẻ Căn cước number has exactly 12 digits");
        }
        c.set('H', number);
        places.place(g.residence()).ifPresentOrElse(p -> {
            c.set('J', KbttCodes.cell(KbttCodes.RESIDENCE_TYPES, "1"));
            c.set('K', p.provinceCode() + " - " + KbttCodes.PROVINCES.get(p.provinceCode()));
            if (p.communeCode() != null && p.communeName() != null) {
                c.set('L', p.communeCode() + " - " + p.communeName());
            }
            c.set('M', p.detail());
        }, () -> {
            if (g.residence() != null) {
                c.set('J', KbttCodes.cell(KbttCodes.RESIDENCE_TYPES, "1"));
                c.set('M', g.residence());
            }
        });
        c.set('N', day(c, 'N', g.arrival() == null ? null : g.arrival().substring(0, Math.min(10, g.arrival().length())),
                "the arrival"));
        c.set('O', day(c, 'O', g.departure(), "the expected departure"));
        c.set('P', g.room());
        String reason = KbttCodes.reasonCode(g.reason()).orElse(KbttCodes.OTHER_REASON);
        c.set('Q', KbttCodes.cell(KbttCodes.REASONS, reason));
        if (KbttCodes.OTHER_REASON.equals(reason)) {
            c.set('R', g.reason());
        }
        c.check();
        return c.cells;
    }

    /** F: a CCCD by the kind of card; a Vietnamese passport 4; another Vietnamese document 9 (named in G). */
    static String documentType(Guest g) {
        return switch (g.documentType() == null ? "" : g.documentType()) {
            case "CCCD" -> "CAN_CUOC".equals(g.cardKind()) ? "8" : "1";
            case "PASSPORT" -> "4";
            default -> KbttCodes.OTHER_DOCUMENT;
        };
    }

    private static String day(Cells c, char column, String iso, String what) {
        if (iso == null || iso.isBlank()) {
            throw c.refuse(column, what + " is missing");
        }
        try {
            return (iso.length() > 10 ? LocalDateTime.parse(iso).toLocalDate() : LocalDate.parse(iso)).format(DMY);
        } catch (DateTimeParseException e) {
            throw c.refuse(column, what + " is not a full date (" + iso.length() + " characters); the template takes"
                    + " dd/mm/yyyy only");
        }
    }

    /** One guest's row being filled; the final check is the template's rules on the finished row. */
    private static final class Cells {
        final List<String> cells = new ArrayList<>(java.util.Collections.nCopies(HEADERS.size(), (String) null));
        final int row;
        final String guest;

        Cells(int row, String guest) {
            this.row = row;
            this.guest = guest;
        }

        void set(char column, String value) {
            cells.set(column - 'A', value == null || value.isBlank() ? null : value);
        }

        KbttException refuse(char column, String problem) {
            return new KbttException(row, String.valueOf(column), HEADERS.get(column - 'A'), guest, problem);
        }

        void check() {
            for (char col : REQUIRED.toCharArray()) {
                if (cells.get(col - 'A') == null) {
                    throw refuse(col, "a required column is empty");
                }
            }
            enumerated('D', KbttCodes.SEXES);
            enumerated('E', KbttCodes.NATIONALITIES);
            enumerated('F', KbttCodes.DOCUMENT_TYPES);
            enumerated('J', KbttCodes.RESIDENCE_TYPES);
            enumerated('K', KbttCodes.PROVINCES);
            enumerated('Q', KbttCodes.REASONS);
            String l = cells.get('L' - 'A');
            String k = cells.get('K' - 'A');
            if (l != null && (k == null || !l.matches("[0-9]{9} - .+") || !l.startsWith(k.substring(0, 3)))) {
                throw refuse('L', "a commune is written \"<9-digit code starting with the province's> - <name>\"");
            }
            if (KbttCodes.cell(KbttCodes.DOCUMENT_TYPES, KbttCodes.OTHER_DOCUMENT).equals(cells.get('F' - 'A'))
                    && cells.get('G' - 'A') == null) {
                throw refuse('G', "required with document type 9");
            }
            if (KbttCodes.cell(KbttCodes.REASONS, KbttCodes.OTHER_REASON).equals(cells.get('Q' - 'A'))
                    && cells.get('R' - 'A') == null) {
                throw refuse('R', "required with reason 20");
            }
        }

        private void enumerated(char column, Map<String, String> list) {
            String v = cells.get(column - 'A');
            if (v != null && !KbttCodes.listed(list, v)) {
                throw refuse(column, "\"" + v + "\" is not in the template's code list");
            }
        }
    }
}
