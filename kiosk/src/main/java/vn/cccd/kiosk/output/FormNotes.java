package vn.cccd.kiosk.output;

import java.util.List;
import vn.cccd.kiosk.forms.FilledForm;
import vn.cccd.kiosk.output.PdfCanvas.Run;

/** The form's footnotes ("(1) ...") under a short rule, in small type, as the official form prints them. */
final class FormNotes extends FormBlock {
    FormNotes(PdfCanvas c, PdfFonts.Loaded f, FilledForm form) {
        super(c, f, form);
    }

    void draw() {
        if (def.notes().isEmpty()) {
            return;
        }
        c.ensure(20f);
        c.line(PdfCanvas.LEFT, c.y(), PdfCanvas.LEFT + 120, c.y());
        c.moveDown(4f);
        for (var n : def.notes()) {
            c.draw(c.layout(List.of(new Run(n.vi(), regular)), SMALL, PdfCanvas.width(), 0), PdfCanvas.LEFT, SMALL,
                    11f);
        }
    }
}
