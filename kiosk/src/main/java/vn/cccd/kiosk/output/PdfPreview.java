package vn.cccd.kiosk.output;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Pages of a PDF the kiosk made, as PNG images for the on-screen preview. */
public final class PdfPreview {
    /** Sharp enough to read on a kiosk screen, small enough to send at once (about 100 kB a page). */
    static final float DPI = 110f;

    private PdfPreview() {
    }

    public static int pageCount(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the PDF the kiosk made", e);
        }
    }

    /** Page {@code index} (from 0) as PNG. */
    public static byte[] png(byte[] pdf, int index) {
        // PDFBox decodes embedded JPEGs through ImageIO: in memory too
        vn.cccd.reader.util.NoDiskImaging.ensure();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage img = new PDFRenderer(doc).renderImageWithDPI(index, DPI, ImageType.GRAY);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the PDF page", e);
        }
    }
}
