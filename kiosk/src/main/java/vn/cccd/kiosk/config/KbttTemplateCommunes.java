package vn.cccd.kiosk.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * {@code lodging.kbtt.templateFile}: the commune list of the establishment owner's own copy of the police portal's
 * import template (tblt_vn_import.xlsx), read once at start. The sheet PHUONG_XA holds entries like
 * "101900565 - Xã Gia Lâm" (integrations-2026.md A2.3/A2.4), but its column layout is not documented, so every cell
 * of that sheet whose whole text is "9 digits - name" is taken, wherever it is. Bounded: the file's size, the cells
 * looked at and the entries taken; a file that is missing, not an XLSX, without the sheet or without one entry stops
 * the start with a {@link ConfigException} naming the file.
 */
final class KbttTemplateCommunes {
    static final String KEY = "lodging.kbtt.templateFile";
    static final String SHEET = "PHUONG_XA";
    /** The template is well under 1 MB; 20 MB leaves room for an owner's edits while refusing the wrong file. */
    static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    /** The documented list has 3,323 entries; a copy with far more is not the template. */
    static final int MAX_ENTRIES = 20_000;
    /** Cells of the sheet looked at before giving up (a zip bomb or the wrong file); the list needs ~3,323. */
    static final long MAX_CELLS = 2_000_000;
    private static final Pattern ENTRY = Pattern.compile("^\\d{9} - .+$");

    private KbttTemplateCommunes() {
    }

    /** Every distinct "code - name" entry of the sheet PHUONG_XA, NFC and stripped, in the order found. */
    static List<String> read(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw fault(file, "no such file (the template downloaded from the police portal, tblt_vn_import.xlsx)");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw fault(file, "larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MB: not the portal's template");
            }
            try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile())) {
                Sheet sheet = wb.findSheet(SHEET).orElseThrow(() -> fault(file, "has no sheet " + SHEET
                        + " (the template's commune list)"));
                return entries(file, sheet);
            }
        } catch (ConfigException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // fastexcel throws unchecked exceptions for a file that is not a well-formed XLSX
            throw new ConfigException(KEY, file + ": cannot be read as an XLSX workbook (" + e.getClass().getSimpleName()
                    + ")", e);
        }
    }

    private static List<String> entries(Path file, Sheet sheet) throws IOException {
        Set<String> found = new LinkedHashSet<>();
        long cells = 0;
        try (var rows = sheet.openStream()) {
            Iterator<Row> it = rows.iterator();
            while (it.hasNext()) {
                Row row = it.next();
                for (int i = 0; i < row.getCellCount(); i++) {
                    if (++cells > MAX_CELLS) {
                        throw fault(file, "sheet " + SHEET + " has more than " + MAX_CELLS + " cells");
                    }
                    Cell c = row.getCell(i);
                    String text = c == null || c.getRawValue() == null ? null : c.getText();
                    if (text == null) {
                        continue;
                    }
                    text = Normalizer.normalize(text, Normalizer.Form.NFC).strip();
                    if (ENTRY.matcher(text).matches() && found.add(text) && found.size() > MAX_ENTRIES) {
                        throw fault(file, "sheet " + SHEET + " has more than " + MAX_ENTRIES + " commune entries");
                    }
                }
            }
        }
        if (found.isEmpty()) {
            throw fault(file, "sheet " + SHEET + " has no entry like \"101900565 - Xã Gia Lâm\"");
        }
        return new ArrayList<>(found);
    }

    private static ConfigException fault(Path file, String problem) {
        return new ConfigException(KEY, file + ": " + problem);
    }
}
