package vn.cccd.kiosk.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDFont;
import vn.cccd.kiosk.forms.FilledForm;
import vn.cccd.kiosk.forms.FormDefinition;
import vn.cccd.kiosk.output.PdfCanvas.Placed;
import vn.cccd.kiosk.output.PdfCanvas.Run;

/**
 * A table field: a "TT" (row number) column, then the definition's columns in their relative widths. The header
 * row repeats on each new page, and an empty table still prints two blank rows to be filled by hand, as on paper.
 */
final class FormTable extends FormBlock {
    private static final float SIZE = 9f;
    private static final float LEAD = 11.5f;
    private static final float NUMBER_W = 24f;

    FormTable(PdfCanvas c, PdfFonts.Loaded f, FilledForm form) {
        super(c, f, form);
    }

    void draw(FormDefinition.Field f) {
        c.ensure(LEADING * 4);
        c.draw(c.layout(List.of(new Run(label(f) + ":", regular)), BODY, PdfCanvas.width(), 0), PdfCanvas.LEFT,
                BODY, LEADING);
        float[] widths = widths(f.columns());
        List<String> header = new ArrayList<>();
        header.add("TT");
        for (FormDefinition.Column col : f.columns()) {
            header.add(col.label().vi());
        }
        List<Map<String, String>> rows = form.tables().getOrDefault(f.id(), List.of());
        row(header, widths, bold);
        int printed = 0;
        for (Map<String, String> r : rows) {
            List<String> cells = new ArrayList<>();
            cells.add(Integer.toString(++printed));
            for (FormDefinition.Column col : f.columns()) {
                cells.add(r.getOrDefault(col.id(), ""));
            }
            if (c.y() - rowHeight(cells, widths, regular) < PdfCanvas.BOTTOM) {
                c.newPage();
                row(header, widths, bold);
            }
            row(cells, widths, regular);
        }
        for (int i = rows.size(); i < 2; i++) {
            List<String> empty = new ArrayList<>();
            empty.add("");
            for (int k = 0; k < f.columns().size(); k++) {
                empty.add("");
            }
            row(empty, widths, regular);
        }
        c.moveDown(6f);
    }

    /** The row number column, then each column's share of the rest (an equal share where none is given). */
    private static float[] widths(List<FormDefinition.Column> columns) {
        float total = PdfCanvas.width() - NUMBER_W;
        double sum = 0;
        for (FormDefinition.Column col : columns) {
            sum += col.width() == null ? 1.0 / columns.size() : col.width();
        }
        float[] widths = new float[columns.size() + 1];
        widths[0] = NUMBER_W;
        for (int i = 0; i < columns.size(); i++) {
            Double w = columns.get(i).width();
            widths[i + 1] = (float) ((w == null ? 1.0 / columns.size() : w) / sum * total);
        }
        return widths;
    }

    private float rowHeight(List<String> cells, float[] widths, PDFont font) {
        int lines = 1;
        for (int i = 0; i < cells.size(); i++) {
            lines = Math.max(lines, c.layout(List.of(new Run(cells.get(i), font)), SIZE, widths[i] - 6, 0).size());
        }
        return lines * LEAD + 6;
    }

    private void row(List<String> cells, float[] widths, PDFont font) {
        float h = Math.max(rowHeight(cells, widths, font), 18f);
        c.ensure(h);
        float top = c.y();
        float x = PdfCanvas.LEFT;
        for (int i = 0; i < cells.size(); i++) {
            c.rect(x, top - h, widths[i], h);
            List<List<Placed>> lines = c.layout(List.of(new Run(cells.get(i), font)), SIZE, widths[i] - 6, 0);
            c.drawAt(lines, x + 3, top - 3, SIZE, LEAD, widths[i] - 6, font == bold);
            x += widths[i];
        }
        c.moveDown(h);
    }
}
