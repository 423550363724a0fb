package vn.cccd.kiosk.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import vn.cccd.kiosk.forms.FilledForm;

/**
 * Prints a filled form on A4 the way the official paper form looks: the form code top right, the national motto,
 * the title, "Kính gửi", numbered fields (the ID number in 12 boxes), tables, the declaration, the place and date,
 * the signature blocks, and a QR code with the form data for the officer's scanner. Generic over definitions.
 * Each part is a {@link FormBlock} drawn in page order on one canvas; this class adds the page numbers last,
 * when the page count is known.
 */
public final class FormPdfRenderer {
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
                new FormHeading(c, f, form).draw();
                new FieldLayout(c, f, form).draw();
                new SignatureBlocks(c, f, form).draw();
                new QrBlock(c, f, form).draw();
                new FormNotes(c, f, form).draw();
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
}
