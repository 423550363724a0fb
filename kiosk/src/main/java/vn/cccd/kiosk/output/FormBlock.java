package vn.cccd.kiosk.output;

import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;
import vn.cccd.kiosk.forms.FilledForm;
import vn.cccd.kiosk.forms.FormDefinition;
import vn.cccd.kiosk.output.PdfCanvas.Placed;

/**
 * One part of a printed form (heading, fields, signatures...), drawn on the canvas of one rendering pass. The parts
 * share the canvas cursor, the fonts and the body type sizes, so that they line up as one page.
 */
abstract class FormBlock {
    static final float BODY = 11f;
    static final float LEADING = 16f;
    static final float SMALL = 8.5f;

    protected final PdfCanvas c;
    protected final PDFont regular;
    protected final PDFont bold;
    protected final FilledForm form;
    protected final FormDefinition def;

    FormBlock(PdfCanvas c, PdfFonts.Loaded f, FilledForm form) {
        this.c = c;
        this.regular = f.regular();
        this.bold = f.bold();
        this.form = form;
        this.def = form.definition();
    }

    /** A field's label as printed, with its number ("3. Giới tính"). */
    static String label(FormDefinition.Field f) {
        return (f.number() == null ? "" : f.number() + ". ") + f.label().vi();
    }

    void centred(String s, PDFont font, float size) {
        float w = c.textWidth(font, size, s);
        c.text((PdfCanvas.PAGE_W - w) / 2, c.y() - size, font, size, s);
    }

    float lineWidth(List<Placed> line, float size) {
        if (line.isEmpty()) {
            return 0;
        }
        Placed last = line.get(line.size() - 1);
        return last.x() + c.textWidth(last.font(), size, last.text()) - line.get(0).x();
    }

    float lineWidthFrom0(List<Placed> line, float size) {
        Placed last = line.get(line.size() - 1);
        return last.x() + c.textWidth(last.font(), size, last.text());
    }
}
