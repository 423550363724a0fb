package vn.cccd.kiosk.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import vn.cccd.reader.util.Text;

/**
 * A4 pages with a moving cursor: text runs that wrap, lines, boxes, and a new page when the next thing does not
 * fit. Text is NFC (PDFBox does no shaping: decomposed tone marks would be misplaced) and characters the font
 * lacks print as '?' instead of failing the whole form.
 */
final class PdfCanvas implements AutoCloseable {
    static final float PAGE_W = PDRectangle.A4.getWidth();
    static final float PAGE_H = PDRectangle.A4.getHeight();
    static final float LEFT = 56.7f;
    static final float RIGHT = PAGE_W - 42.5f;
    static final float TOP = PAGE_H - 40f;
    static final float BOTTOM = 52f;

    /** A piece of text in one font. */
    record Run(String text, PDFont font) {
    }

    /** A word placed on a line. */
    record Placed(float x, String text, PDFont font) {
    }

    /** Fills the rest of a line with dots, for a value to be written by hand. */
    static final String LEADER = "\u0000leader";

    private final PDDocument doc;
    private final Map<PDFont, Map<Integer, Boolean>> glyphs = new HashMap<>();
    private PDPageContentStream cs;
    private float y;

    PdfCanvas(PDDocument doc) {
        this.doc = doc;
        newPage();
    }

    float y() {
        return y;
    }

    void moveDown(float dy) {
        y -= dy;
    }

    static float width() {
        return RIGHT - LEFT;
    }

    void newPage() {
        closeStream();
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try {
            cs = new PDPageContentStream(doc, page);
            cs.setLineWidth(0.6f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = TOP;
    }

    /** Starts a new page unless {@code height} still fits above the bottom margin. */
    void ensure(float height) {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    float textWidth(PDFont font, float size, String s) {
        try {
            return font.getStringWidth(safe(font, s)) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void text(float x, float baseline, PDFont font, float size, String s) {
        if (s.isEmpty()) {
            return;
        }
        try {
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(x, baseline);
            cs.showText(safe(font, s));
            cs.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void line(float x1, float y1, float x2, float y2) {
        try {
            cs.moveTo(x1, y1);
            cs.lineTo(x2, y2);
            cs.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void rect(float x, float yBottom, float w, float h) {
        try {
            cs.addRect(x, yBottom, w, h);
            cs.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void fill(float x, float yBottom, float w, float h) {
        try {
            cs.addRect(x, yBottom, w, h);
            cs.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Lays out runs in {@code width}: words are kept whole unless one alone is wider than a line; {@code \n} breaks
     * the line. Lines after the first start at {@code nextIndent}.
     */
    List<List<Placed>> layout(List<Run> runs, float size, float width, float nextIndent) {
        List<List<Placed>> lines = new ArrayList<>();
        List<Placed> line = new ArrayList<>();
        float x = 0;
        float start = 0;
        for (Run run : runs) {
            if (run.text().equals(LEADER)) {
                float dots = textWidth(run.font(), size, ".");
                float room = width - x;
                if (room < dots * 12) {
                    lines.add(line);
                    line = new ArrayList<>();
                    start = nextIndent;
                    x = start;
                    room = width - x;
                }
                int n = Math.max(0, (int) (room / dots));
                line.add(new Placed(x, ".".repeat(n), run.font()));
                x += n * dots;
                continue;
            }
            String[] paragraphs = Text.nfc(run.text()).split("\n", -1);
            for (int p = 0; p < paragraphs.length; p++) {
                if (p > 0) {
                    lines.add(line);
                    line = new ArrayList<>();
                    start = nextIndent;
                    x = start;
                }
                String para = paragraphs[p];
                float space = textWidth(run.font(), size, " ");
                String[] words = para.split(" ", -1);
                for (int w = 0; w < words.length; w++) {
                    String word = words[w];
                    boolean leadingSpace = w > 0;
                    float gap = leadingSpace ? space : 0;
                    if (word.isEmpty()) {
                        x += gap;
                        continue;
                    }
                    float ww = textWidth(run.font(), size, word);
                    if (x + gap + ww > width && x > start) {
                        lines.add(line);
                        line = new ArrayList<>();
                        start = nextIndent;
                        x = start;
                        gap = 0;
                    }
                    while (ww > width - x && word.length() > 1) {
                        // a single word wider than the line: break it where it must
                        int cut = word.length() - 1;
                        while (cut > 1 && textWidth(run.font(), size, word.substring(0, cut)) > width - x) {
                            cut--;
                        }
                        line.add(new Placed(x + gap, word.substring(0, cut), run.font()));
                        lines.add(line);
                        line = new ArrayList<>();
                        start = nextIndent;
                        x = start;
                        gap = 0;
                        word = word.substring(cut);
                        ww = textWidth(run.font(), size, word);
                    }
                    line.add(new Placed(x + gap, word, run.font()));
                    x += gap + ww;
                }
            }
        }
        lines.add(line);
        return lines;
    }

    /** Draws laid-out lines from the cursor down, one page break allowed before any line. */
    void draw(List<List<Placed>> lines, float x, float size, float leading) {
        for (List<Placed> line : lines) {
            ensure(leading);
            float baseline = y - size;
            for (Placed p : line) {
                text(x + p.x(), baseline, p.font(), size, p.text());
            }
            y -= leading;
        }
    }

    /** Draws laid-out lines at a fixed top without moving the cursor; returns the height used. */
    float drawAt(List<List<Placed>> lines, float x, float top, float size, float leading, float boxWidth,
            boolean centred) {
        float yy = top;
        for (List<Placed> line : lines) {
            float shift = 0;
            if (centred && !line.isEmpty()) {
                Placed last = line.get(line.size() - 1);
                float used = last.x() + textWidth(last.font(), size, last.text()) - line.get(0).x();
                shift = (boxWidth - used) / 2 - line.get(0).x();
            }
            for (Placed p : line) {
                text(x + p.x() + shift, yy - size, p.font(), size, p.text());
            }
            yy -= leading;
        }
        return top - yy;
    }

    /** Replaces characters the font cannot show by '?'. */
    String safe(PDFont font, String s) {
        Map<Integer, Boolean> known = glyphs.computeIfAbsent(font, f -> new HashMap<>());
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            boolean ok = known.computeIfAbsent(cp, c -> {
                try {
                    font.encode(new String(Character.toChars(c)));
                    return !Character.isISOControl(c);
                } catch (IOException | IllegalArgumentException e) {
                    return false;
                }
            });
            if (ok) {
                sb.appendCodePoint(cp);
            } else {
                sb.append('?');
            }
        });
        return sb.toString();
    }

    private void closeStream() {
        if (cs != null) {
            try {
                cs.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            cs = null;
        }
    }

    @Override
    public void close() {
        closeStream();
    }
}
