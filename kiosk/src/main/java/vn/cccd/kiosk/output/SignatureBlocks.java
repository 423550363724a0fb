package vn.cccd.kiosk.output;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import vn.cccd.kiosk.forms.FilledForm;
import vn.cccd.kiosk.forms.FormDefinition;
import vn.cccd.kiosk.output.PdfCanvas.Placed;
import vn.cccd.kiosk.output.PdfCanvas.Run;

/**
 * The end of the declaration: the commitment paragraph, the "place, ngày ... tháng ... năm ..." line and the
 * signature blocks in columns, each with its title, note and the printed name where one is known.
 */
final class SignatureBlocks extends FormBlock {
    SignatureBlocks(PdfCanvas c, PdfFonts.Loaded f, FilledForm form) {
        super(c, f, form);
    }

    void draw() {
        commitment();
        signatures();
    }

    private void commitment() {
        if (def.commitment() == null) {
            return;
        }
        c.moveDown(4f);
        c.draw(c.layout(List.of(new Run("    " + def.commitment().vi(), regular)), BODY, PdfCanvas.width(), 0),
                PdfCanvas.LEFT, BODY, LEADING);
    }

    private void signatures() {
        List<FormDefinition.Signature> sigs = def.signatures();
        if (sigs.isEmpty()) {
            return;
        }
        int cols = Math.max(2, Math.min(4, sigs.size()));
        float colW = PdfCanvas.width() / cols;
        String dateLine = dateLine();
        float dateW = c.textWidth(regular, 10.5f, dateLine);
        float blockH = 0;
        List<List<List<Placed>>> titles = new ArrayList<>();
        List<List<List<Placed>>> notesOf = new ArrayList<>();
        for (FormDefinition.Signature s : sigs) {
            List<List<Placed>> t = c.layout(List.of(new Run(s.title().vi(), bold)), 9.5f, colW - 8, 0);
            List<List<Placed>> n = s.note() == null ? List.of()
                    : c.layout(List.of(new Run(s.note().vi(), regular)), SMALL, colW - 8, 0);
            titles.add(t);
            notesOf.add(n);
            blockH = Math.max(blockH, t.size() * 12f + n.size() * 10.5f + 70f);
        }
        int rows = (sigs.size() + cols - 1) / cols;
        c.ensure(26f + blockH * rows);
        c.moveDown(8f);
        float lastColX = PdfCanvas.LEFT + (cols - 1) * colW;
        float dateX = Math.min(lastColX + (colW - dateW) / 2, PdfCanvas.RIGHT - dateW);
        c.text(Math.max(PdfCanvas.LEFT, dateX), c.y() - 10.5f, regular, 10.5f, dateLine);
        c.moveDown(18f);
        for (int r = 0; r < rows; r++) {
            float top = c.y();
            int inRow = Math.min(cols, sigs.size() - r * cols);
            for (int k = 0; k < inRow; k++) {
                int i = r * cols + k;
                // a row that is not full keeps to the right, where the declarant signs
                int column = cols - inRow + k;
                float x = PdfCanvas.LEFT + column * colW + 4;
                float used = c.drawAt(titles.get(i), x, top, 9.5f, 12f, colW - 8, true);
                used += c.drawAt(notesOf.get(i), x, top - used, SMALL, 10.5f, colW - 8, true);
                String name = form.signatureNames().get(i);
                if (name != null) {
                    List<List<Placed>> nl = c.layout(List.of(new Run(name, bold)), 10.5f, colW - 8, 0);
                    c.drawAt(nl, x, top - used - 58f, 10.5f, 12.5f, colW - 8, true);
                }
            }
            c.moveDown(blockH);
        }
    }

    /** "Hà Nội, ngày 22 tháng 11 năm 2026", with a dotted place where none is configured. */
    private String dateLine() {
        String place = form.place() == null ? "......................" : form.place();
        return place + ", ngày " + form.date().format(DateTimeFormatter.ofPattern("dd")) + " tháng "
                + form.date().format(DateTimeFormatter.ofPattern("MM")) + " năm "
                + form.date().format(DateTimeFormatter.ofPattern("yyyy"));
    }
}
