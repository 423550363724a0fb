package vn.cccd.kiosk.output;

import java.util.ArrayList;
import java.util.List;
import vn.cccd.kiosk.forms.FieldType;
import vn.cccd.kiosk.forms.FilledForm;
import vn.cccd.kiosk.forms.FormDefinition;
import vn.cccd.kiosk.output.PdfCanvas.Placed;
import vn.cccd.kiosk.output.PdfCanvas.Run;

/**
 * The numbered fields, section by section: "label: value" on the full width, two "half" fields side by side, the ID
 * number one digit per box, and tables (drawn by {@link FormTable}). An empty value prints as a dotted line to be
 * filled by hand.
 */
final class FieldLayout extends FormBlock {
    private static final float BOX_W = 15f;
    private static final float BOX_H = 17f;

    private final FormTable tables;

    FieldLayout(PdfCanvas c, PdfFonts.Loaded f, FilledForm form) {
        super(c, f, form);
        this.tables = new FormTable(c, f, form);
    }

    void draw() {
        for (FormDefinition.Section s : def.sections()) {
            if (s.printTitle() && s.title() != null) {
                c.ensure(LEADING * 2);
                c.draw(c.layout(List.of(new Run(s.title().vi() + ":", bold)), BODY, PdfCanvas.width(), 0),
                        PdfCanvas.LEFT, BODY, LEADING);
            }
            FormDefinition.Field pendingHalf = null;
            for (FormDefinition.Field f : s.fields()) {
                if (f.id().equals(def.addressee())) {
                    continue;
                }
                if (f.layout().equals("half") && f.type() != FieldType.TABLE) {
                    if (pendingHalf == null) {
                        pendingHalf = f;
                    } else {
                        pair(pendingHalf, f);
                        pendingHalf = null;
                    }
                    continue;
                }
                if (pendingHalf != null) {
                    full(pendingHalf);
                    pendingHalf = null;
                }
                if (f.type() == FieldType.TABLE) {
                    tables.draw(f);
                } else if (f.layout().equals("boxes")) {
                    boxes(f);
                } else {
                    full(f);
                }
            }
            if (pendingHalf != null) {
                full(pendingHalf);
            }
        }
    }

    private List<Run> labelled(FormDefinition.Field f) {
        List<Run> runs = new ArrayList<>();
        runs.add(new Run(label(f) + ": ", regular));
        String v = form.value(f.id());
        runs.add(v == null ? new Run(PdfCanvas.LEADER, regular) : new Run(v, bold));
        return runs;
    }

    private void full(FormDefinition.Field f) {
        c.draw(c.layout(labelled(f), BODY, PdfCanvas.width(), 0), PdfCanvas.LEFT, BODY, LEADING);
    }

    private void pair(FormDefinition.Field left, FormDefinition.Field right) {
        float gap = 12f;
        float half = (PdfCanvas.width() - gap) / 2;
        List<List<Placed>> a = c.layout(labelled(left), BODY, half, 0);
        List<List<Placed>> b = c.layout(labelled(right), BODY, half, 0);
        int n = Math.max(a.size(), b.size());
        c.ensure(n * LEADING);
        float top = c.y();
        c.drawAt(a, PdfCanvas.LEFT, top, BODY, LEADING, half, false);
        c.drawAt(b, PdfCanvas.LEFT + half + gap, top, BODY, LEADING, half, false);
        c.moveDown(n * LEADING);
    }

    private void boxes(FormDefinition.Field f) {
        String v = form.value(f.id());
        int count = f.type() == FieldType.ID_NUMBER ? 12 : Math.max(1, v == null ? 12 : v.length());
        float boxesW = count * BOX_W;
        List<List<Placed>> lines = c.layout(List.of(new Run(label(f) + ":", regular)), BODY,
                PdfCanvas.width(), 0);
        List<Placed> last = lines.get(lines.size() - 1);
        float end = last.isEmpty() ? 0 : lineWidthFrom0(last, BODY);
        boolean sameLine = end + 10 + boxesW <= PdfCanvas.width();
        c.ensure(lines.size() * LEADING + (sameLine ? 4 : BOX_H + 8));
        float top = c.y();
        c.drawAt(lines, PdfCanvas.LEFT, top, BODY, LEADING, PdfCanvas.width(), false);
        float bx;
        float boxTop;
        if (sameLine) {
            bx = PdfCanvas.LEFT + end + 10;
            boxTop = top - (lines.size() - 1) * LEADING + 3;
            c.moveDown(lines.size() * LEADING + 4);
        } else {
            bx = PdfCanvas.LEFT + 20;
            boxTop = top - lines.size() * LEADING;
            c.moveDown(lines.size() * LEADING + BOX_H + 6);
        }
        for (int i = 0; i < count; i++) {
            float x = bx + i * BOX_W;
            c.rect(x, boxTop - BOX_H, BOX_W, BOX_H);
            if (v != null && i < v.length()) {
                String ch = v.substring(i, i + 1);
                float cw = c.textWidth(bold, BODY, ch);
                c.text(x + (BOX_W - cw) / 2, boxTop - BOX_H + 4.5f, bold, BODY, ch);
            }
        }
    }
}
