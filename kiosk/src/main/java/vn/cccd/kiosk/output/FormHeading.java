package vn.cccd.kiosk.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.cccd.kiosk.forms.FilledForm;
import vn.cccd.kiosk.forms.FormDefinition;
import vn.cccd.kiosk.output.PdfCanvas.Placed;
import vn.cccd.kiosk.output.PdfCanvas.Run;

/** The top of the first page: the form code top right, the national motto, the title and "Kính gửi". */
final class FormHeading extends FormBlock {
    static final String MOTTO_1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    static final String MOTTO_2 = "Độc lập - Tự do - Hạnh phúc";
    private static final Locale VI = Locale.forLanguageTag("vi-VN");

    FormHeading(PdfCanvas c, PdfFonts.Loaded f, FilledForm form) {
        super(c, f, form);
    }

    void draw() {
        formCode();
        motto();
        title();
        addressee();
    }

    private void formCode() {
        if (def.formCode() == null) {
            return;
        }
        float boxW = 230f;
        List<List<Placed>> lines = c.layout(List.of(new Run(def.formCode(), regular)), 8f, boxW, 0);
        float top = c.y();
        for (List<Placed> line : lines) {
            float used = lineWidth(line, 8f);
            for (Placed p : line) {
                c.text(PdfCanvas.RIGHT - used + p.x(), top - 8f, p.font(), 8f, p.text());
            }
            top -= 10f;
        }
        c.moveDown(c.y() - top + 8f);
    }

    private void motto() {
        centred(MOTTO_1, bold, 12f);
        c.moveDown(16f);
        float w = c.textWidth(bold, 12f, MOTTO_2);
        centred(MOTTO_2, bold, 12f);
        float underline = c.y() - 15f;
        c.line((PdfCanvas.PAGE_W - w) / 2, underline, (PdfCanvas.PAGE_W + w) / 2, underline);
        c.moveDown(38f);
    }

    private void title() {
        String title = def.title().vi().toUpperCase(VI);
        List<List<Placed>> lines = c.layout(List.of(new Run(title, bold)), 14f, PdfCanvas.width() - 40, 0);
        for (List<Placed> line : lines) {
            float used = lineWidth(line, 14f);
            float x = (PdfCanvas.PAGE_W - used) / 2;
            for (Placed p : line) {
                c.text(x + p.x(), c.y() - 14f, p.font(), 14f, p.text());
            }
            c.moveDown(19f);
        }
        c.moveDown(8f);
    }

    private void addressee() {
        if (def.addressee() == null) {
            return;
        }
        FormDefinition.Field f = def.field(def.addressee()).orElseThrow();
        List<Run> runs = new ArrayList<>();
        runs.add(new Run(f.label().vi() + ": ", regular));
        String v = form.value(f.id());
        runs.add(v == null ? new Run(PdfCanvas.LEADER, regular) : new Run(v, bold));
        float width = PdfCanvas.width() - 60;
        List<List<Placed>> al = c.layout(runs, BODY, width, 0);
        for (List<Placed> line : al) {
            float used = lineWidth(line, BODY);
            float x = (PdfCanvas.PAGE_W - used) / 2;
            for (Placed p : line) {
                c.text(x + p.x(), c.y() - BODY, p.font(), BODY, p.text());
            }
            c.moveDown(LEADING);
        }
        c.moveDown(6f);
    }
}
