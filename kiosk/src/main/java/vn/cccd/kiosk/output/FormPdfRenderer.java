package vn.cccd.kiosk.output;

import com.google.zxing.common.BitMatrix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import vn.cccd.kiosk.forms.FieldType;
import vn.cccd.kiosk.forms.FilledForm;
import vn.cccd.kiosk.forms.FormDefinition;
import vn.cccd.kiosk.output.PdfCanvas.Placed;
import vn.cccd.kiosk.output.PdfCanvas.Run;

/**
 * Prints a filled form on A4 the way the official paper form looks: the form code top right, the national motto,
 * the title, "Kính gửi", numbered fields (the ID number in 12 boxes), tables, the declaration, the place and date,
 * the signature blocks, and a QR code with the form data for the officer's scanner. Generic over definitions.
 */
public final class FormPdfRenderer {
    static final String MOTTO_1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    static final String MOTTO_2 = "Độc lập - Tự do - Hạnh phúc";
    private static final Locale VI = Locale.forLanguageTag("vi-VN");
    private static final float BODY = 11f;
    private static final float LEADING = 16f;
    private static final float SMALL = 8.5f;
    private static final float BOX_W = 15f;
    private static final float BOX_H = 17f;
    private static final float QR_SIZE = 118f;

    private final PdfFonts fonts;

    public FormPdfRenderer(PdfFonts fonts) {
        this.fonts = fonts;
    }

    /** The PDF bytes. */
    public byte[] render(FilledForm form) {
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(form.definition().title().vi());
            info.setCreator("CCCD kiosk");
            doc.setDocumentInformation(info);
            PdfFonts.Loaded f = fonts.load(doc);
            try (PdfCanvas c = new PdfCanvas(doc)) {
                new Layout(c, f, form).all();
            }
            footers(doc, f, form);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDF", e);
        }
    }

    private static void footers(PDDocument doc, PdfFonts.Loaded f, FilledForm form) throws IOException {
        int n = doc.getNumberOfPages();
        for (int i = 0; i < n; i++) {
            PDPage page = doc.getPage(i);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                String s = "Trang " + (i + 1) + "/" + n + " · " + form.definition().id() + " · Mã tham chiếu "
                        + form.reference();
                float w = f.regular().getStringWidth(s) / 1000f * 7.5f;
                cs.beginText();
                cs.setFont(f.regular(), 7.5f);
                cs.newLineAtOffset((PdfCanvas.PAGE_W - w) / 2, 26f);
                cs.showText(s);
                cs.endText();
            }
        }
    }

    /** Words for the card's verdict, as printed beside the QR code. */
    static String verdictWords(String verdict) {
        if (verdict == null) {
            return "không đọc thẻ";
        }
        return switch (verdict) {
            case "AUTHENTIC" -> "thẻ thật (chữ ký số của chip hợp lệ)";
            case "NOT_AUTHENTIC" -> "KHÔNG xác thực được là thẻ thật";
            default -> "chưa xác thực được";
        };
    }

    /** One rendering pass. */
    private static final class Layout {
        private final PdfCanvas c;
        private final PDFont regular;
        private final PDFont bold;
        private final FilledForm form;
        private final FormDefinition def;

        Layout(PdfCanvas c, PdfFonts.Loaded f, FilledForm form) {
            this.c = c;
            this.regular = f.regular();
            this.bold = f.bold();
            this.form = form;
            this.def = form.definition();
        }

        void all() {
            header();
            fields();
            commitment();
            signatures();
            qr();
            notes();
        }

        private void header() {
            if (def.formCode() != null) {
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
            centred(MOTTO_1, bold, 12f);
            c.moveDown(16f);
            float w = c.textWidth(bold, 12f, MOTTO_2);
            centred(MOTTO_2, bold, 12f);
            float underline = c.y() - 15f;
            c.line((PdfCanvas.PAGE_W - w) / 2, underline, (PdfCanvas.PAGE_W + w) / 2, underline);
            c.moveDown(38f);
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
            if (def.addressee() != null) {
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

        private void fields() {
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
                        table(f);
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

        private static String label(FormDefinition.Field f) {
            return (f.number() == null ? "" : f.number() + ". ") + f.label().vi();
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

        private void table(FormDefinition.Field f) {
            c.ensure(LEADING * 4);
            c.draw(c.layout(List.of(new Run(label(f) + ":", regular)), BODY, PdfCanvas.width(), 0), PdfCanvas.LEFT,
                    BODY, LEADING);
            float size = 9f;
            float lead = 11.5f;
            float ttW = 24f;
            float total = PdfCanvas.width() - ttW;
            double sum = 0;
            for (FormDefinition.Column col : f.columns()) {
                sum += col.width() == null ? 1.0 / f.columns().size() : col.width();
            }
            float[] widths = new float[f.columns().size() + 1];
            widths[0] = ttW;
            for (int i = 0; i < f.columns().size(); i++) {
                Double w = f.columns().get(i).width();
                widths[i + 1] = (float) ((w == null ? 1.0 / f.columns().size() : w) / sum * total);
            }
            List<String> header = new ArrayList<>();
            header.add("TT");
            for (FormDefinition.Column col : f.columns()) {
                header.add(col.label().vi());
            }
            List<Map<String, String>> rows = form.tables().getOrDefault(f.id(), List.of());
            row(header, widths, bold, size, lead);
            int printed = 0;
            for (Map<String, String> r : rows) {
                List<String> cells = new ArrayList<>();
                cells.add(Integer.toString(++printed));
                for (FormDefinition.Column col : f.columns()) {
                    cells.add(r.getOrDefault(col.id(), ""));
                }
                if (c.y() - rowHeight(cells, widths, regular, size, lead) < PdfCanvas.BOTTOM) {
                    c.newPage();
                    row(header, widths, bold, size, lead);
                }
                row(cells, widths, regular, size, lead);
            }
            for (int i = rows.size(); i < 2; i++) {
                List<String> empty = new ArrayList<>();
                empty.add("");
                for (int k = 0; k < f.columns().size(); k++) {
                    empty.add("");
                }
                row(empty, widths, regular, size, lead);
            }
            c.moveDown(6f);
        }

        private float rowHeight(List<String> cells, float[] widths, PDFont font, float size, float lead) {
            int lines = 1;
            for (int i = 0; i < cells.size(); i++) {
                lines = Math.max(lines, c.layout(List.of(new Run(cells.get(i), font)), size, widths[i] - 6, 0).size());
            }
            return lines * lead + 6;
        }

        private void row(List<String> cells, float[] widths, PDFont font, float size, float lead) {
            float h = Math.max(rowHeight(cells, widths, font, size, lead), 18f);
            c.ensure(h);
            float top = c.y();
            float x = PdfCanvas.LEFT;
            for (int i = 0; i < cells.size(); i++) {
                c.rect(x, top - h, widths[i], h);
                List<List<Placed>> lines = c.layout(List.of(new Run(cells.get(i), font)), size, widths[i] - 6, 0);
                c.drawAt(lines, x + 3, top - 3, size, lead, widths[i] - 6, font == bold);
                x += widths[i];
            }
            c.moveDown(h);
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
            String place = form.place() == null ? "......................" : form.place();
            String dateLine = place + ", ngày " + form.date().format(DateTimeFormatter.ofPattern("dd")) + " tháng "
                    + form.date().format(DateTimeFormatter.ofPattern("MM")) + " năm "
                    + form.date().format(DateTimeFormatter.ofPattern("yyyy"));
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

        private void qr() {
            String payload = FormQr.payload(form);
            BitMatrix m = FormQr.matrix(payload);
            c.ensure(QR_SIZE + 16);
            c.moveDown(6f);
            float top = c.y();
            float module = QR_SIZE / m.getWidth();
            for (int row = 0; row < m.getHeight(); row++) {
                int col = 0;
                while (col < m.getWidth()) {
                    if (!m.get(col, row)) {
                        col++;
                        continue;
                    }
                    int start = col;
                    while (col < m.getWidth() && m.get(col, row)) {
                        col++;
                    }
                    c.fill(PdfCanvas.LEFT + start * module, top - (row + 1) * module, (col - start) * module, module);
                }
            }
            boolean full = payload.contains("\"full\":true");
            List<String> lines = new ArrayList<>();
            lines.add("Mã tham chiếu: " + form.reference());
            lines.add("Lập tại: " + form.station() + ", " + form.createdAt().toLocalDateTime().withNano(0)
                    .format(DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")));
            lines.add("Thông tin từ chip thẻ căn cước: " + verdictWords(form.verdict()));
            lines.add(full ? "Mã QR chứa toàn bộ dữ liệu tờ khai, dành cho cán bộ tiếp nhận."
                    : "Mã QR chứa mã tham chiếu và mã kiểm tra của tờ khai.");
            lines.add("Mã kiểm tra: " + FormExport.digest(form).substring(0, 7 + 24) + "…");
            float tx = PdfCanvas.LEFT + QR_SIZE + 14;
            float ty = top;
            for (String s : lines) {
                List<List<Placed>> l = c.layout(List.of(new Run(s, regular)), SMALL,
                        PdfCanvas.RIGHT - tx, 0);
                ty -= c.drawAt(l, tx, ty, SMALL, 11f, PdfCanvas.RIGHT - tx, false);
            }
            c.moveDown(Math.max(QR_SIZE, top - ty) + 8f);
        }

        private void notes() {
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

        private void centred(String s, PDFont font, float size) {
            float w = c.textWidth(font, size, s);
            c.text((PdfCanvas.PAGE_W - w) / 2, c.y() - size, font, size, s);
        }

        private float lineWidth(List<Placed> line, float size) {
            if (line.isEmpty()) {
                return 0;
            }
            Placed last = line.get(line.size() - 1);
            return last.x() + c.textWidth(last.font(), size, last.text()) - line.get(0).x();
        }

        private float lineWidthFrom0(List<Placed> line, float size) {
            Placed last = line.get(line.size() - 1);
            return last.x() + c.textWidth(last.font(), size, last.text());
        }
    }
}
