package vn.cccd.kiosk.output;

import com.google.zxing.common.BitMatrix;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import vn.cccd.kiosk.forms.FilledForm;
import vn.cccd.kiosk.output.PdfCanvas.Placed;
import vn.cccd.kiosk.output.PdfCanvas.Run;

/**
 * The QR code with the form data for the officer's scanner, and beside it in words what it holds: the reference,
 * where and when the form was made, the card's verdict and the start of the digest.
 */
final class QrBlock extends FormBlock {
    private static final float QR_SIZE = 118f;

    QrBlock(PdfCanvas c, PdfFonts.Loaded f, FilledForm form) {
        super(c, f, form);
    }

    void draw() {
        String payload = FormQr.payload(form);
        BitMatrix m = FormQr.matrix(payload);
        c.ensure(QR_SIZE + 16);
        c.moveDown(6f);
        float top = c.y();
        modules(m, top);
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

    /** Dark modules as filled rectangles, one per horizontal run, to keep the page's content stream small. */
    private void modules(BitMatrix m, float top) {
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
}
