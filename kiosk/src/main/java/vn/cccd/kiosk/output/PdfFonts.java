package vn.cccd.kiosk.output;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The TrueType fonts embedded in PDFs. By default DejaVu Serif (regular and bold) from the DejaVu font jar
 * bundled in the kiosk jar, so that a PDF never depends on the fonts installed on the kiosk; it covers every
 * Vietnamese letter and tone mark. {@code pdf.fontPath} can name another TrueType font (used for both weights,
 * or with its {@code -Bold} sibling when there is one).
 */
public final class PdfFonts {
    /** Where the bundled DejaVu fonts are on the class path. */
    public static final String BUNDLED_DIR = "/net/sf/jasperreports/fonts/dejavu/";
    private static final long MAX_FONT_BYTES = 32L * 1024 * 1024;

    private final byte[] regular;
    private final byte[] bold;

    private PdfFonts(byte[] regular, byte[] bold) {
        this.regular = regular;
        this.bold = bold;
    }

    /** The fonts for {@code fontPath}, or the bundled ones when it is null. */
    public static PdfFonts of(Path fontPath) {
        return fontPath == null ? bundled() : fromFile(fontPath);
    }

    public static PdfFonts bundled() {
        return new PdfFonts(resource("DejaVuSerif.ttf"), resource("DejaVuSerif-Bold.ttf"));
    }

    public static PdfFonts fromFile(Path regularFile) {
        byte[] r = file(regularFile);
        String name = regularFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path boldFile = regularFile.resolveSibling(dot < 0 ? name + "-Bold" : name.substring(0, dot) + "-Bold"
                + name.substring(dot));
        byte[] b = Files.isRegularFile(boldFile) ? file(boldFile) : r;
        return new PdfFonts(r, b);
    }

    /** Reads a bundled DejaVu font (also served to the UI). */
    public static byte[] resource(String fileName) {
        try (InputStream in = PdfFonts.class.getResourceAsStream(BUNDLED_DIR + fileName)) {
            if (in == null) {
                throw new IllegalStateException("the bundled font " + fileName + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] file(Path p) {
        try {
            if (Files.size(p) > MAX_FONT_BYTES) {
                throw new IllegalArgumentException("font file " + p + " is larger than 32 MB");
            }
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + p, e);
        }
    }

    /** Fonts embedded (as subsets) in {@code doc}. */
    public Loaded load(PDDocument doc) {
        try {
            return new Loaded(PDType0Font.load(doc, new ByteArrayInputStream(regular), true),
                    PDType0Font.load(doc, new ByteArrayInputStream(bold), true));
        } catch (IOException e) {
            throw new UncheckedIOException("the PDF font cannot be loaded", e);
        }
    }

    /** The regular and bold font of one document. */
    public record Loaded(PDType0Font regular, PDType0Font bold) {
    }
}
