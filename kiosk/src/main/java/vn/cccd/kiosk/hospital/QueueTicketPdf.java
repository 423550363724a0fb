package vn.cccd.kiosk.hospital;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import vn.cccd.kiosk.config.HospitalConfig;
import vn.cccd.kiosk.output.PdfFonts;
import vn.cccd.reader.util.Text;

/**
 * The queue ticket for an 80 mm receipt printer: the station, the department, the queue number in large type, the
 * time and a short reference for the counter. No name, ID number, birth date or BHYT code: a ticket is left lying
 * around in waiting rooms. The font is embedded (DejaVu, or {@code pdf.fontPath}), so the printer needs none.
 */
public final class QueueTicketPdf {
    /** 80 mm paper. */
    public static final float WIDTH = 80f / 25.4f * 72f;
    /** Room to lay the ticket out; the page is then trimmed to the content, so no paper is fed for nothing. */
    public static final float HEIGHT = 200f / 25.4f * 72f;
    private static final float MARGIN = 4f / 25.4f * 72f;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final PdfFonts fonts;
    private final ZoneId zone;

    public QueueTicketPdf(PdfFonts fonts, ZoneId zone) {
        this.fonts = fonts;
        this.zone = zone;
    }

    /** The ticket of {@code c}; {@code place} heads it (the station or hospital name). */
    public byte[] render(CheckIn c, HospitalConfig.Department department, String place) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Phiếu số thứ tự " + c.queueNumber());
            info.setCreator("CCCD kiosk");
            PdfFonts.Loaded f = fonts.load(doc);
            PDPage page = new PDPage(new PDRectangle(WIDTH, HEIGHT));
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                Cursor y = new Cursor(HEIGHT - MARGIN);
                centred(cs, f.regular(), 9, place, y, 12);
                y.down(4);
                centred(cs, f.bold(), 13, "PHIẾU SỐ THỨ TỰ", y, 16);
                centred(cs, f.regular(), 8, "Queue ticket", y, 12);
                y.down(6);
                centred(cs, f.bold(), 12, department.vi(), y, 15);
                if (department.en() != null) {
                    centred(cs, f.regular(), 8, department.en(), y, 11);
                }
                y.down(6);
                centred(cs, f.bold(), 64, String.valueOf(c.queueNumber()), y, 70);
                y.down(8);
                centred(cs, f.regular(), 10, "Thời gian / Time: " + TIME.format(c.createdAt().atZone(zone)), y, 14);
                centred(cs, f.regular(), 8, "Mã / Ref: " + c.id().substring(0, 8).toUpperCase(java.util.Locale.ROOT),
                        y, 14);
                // only the number the BHXH gateway returned (the issue asks for it on the ticket); a number the
                // patient typed stays off the paper, like the rest of what the patient gave
                if (c.bhytCheck() != null && c.bhytCheck().cardNumber() != null) {
                    centred(cs, f.regular(), 9, "Thẻ BHYT / Insurance card: " + c.bhytCheck().cardNumber(), y, 12);
                }
                if (c.bhytCheck() != null) {
                    // the patient's words: a name or birth-date mismatch reads "staff will check", never the record
                    centred(cs, f.regular(), 8, c.bhytCheck().patientWords().vi(), y, 11);
                    centred(cs, f.regular(), 7, c.bhytCheck().patientWords().en(), y, 10);
                }
                y.down(6);
                centred(cs, f.regular(), 9, "Vui lòng chờ gọi số thứ tự của bạn.", y, 12);
                centred(cs, f.regular(), 8, "Please wait until your number is called.", y, 11);
                y.down(4);
                cs.setLineWidth(0.5f);
                cs.moveTo(MARGIN, y.y);
                cs.lineTo(WIDTH - MARGIN, y.y);
                cs.stroke();
                float bottom = Math.max(0, y.y - MARGIN);
                page.setMediaBox(new PDRectangle(0, bottom, WIDTH, HEIGHT - bottom));
                page.setCropBox(new PDRectangle(0, bottom, WIDTH, HEIGHT - bottom));
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the ticket could not be made", e);
        }
    }

    private static final class Cursor {
        float y;

        Cursor(float y) {
            this.y = y;
        }

        void down(float d) {
            y -= d;
        }
    }

    /** Draws text centred, wrapped at word boundaries to the printable width. */
    private static void centred(PDPageContentStream cs, PDFont font, float size, String text, Cursor y, float leading)
            throws IOException {
        float width = WIDTH - 2 * MARGIN;
        for (String line : wrap(font, size, safe(font, Text.nfc(text)), width)) {
            float w = width(font, size, line);
            y.down(leading);
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(Math.max(MARGIN, (WIDTH - w) / 2), y.y + (leading - size) / 2);
            cs.showText(line);
            cs.endText();
        }
    }

    /** Characters the font cannot show become '?' (a configured font may lack some), instead of no ticket. */
    static String safe(PDFont font, String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                sb.append(Character.isISOControl(cp) ? "?" : ch);
            } catch (IOException | IllegalArgumentException e) {
                sb.append('?');
            }
        });
        return sb.toString();
    }

    static List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && width(font, size, candidate) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static float width(PDFont font, float size, String s) throws IOException {
        return font.getStringWidth(s) / 1000f * size;
    }
}
