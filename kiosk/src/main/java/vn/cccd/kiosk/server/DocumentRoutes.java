package vn.cccd.kiosk.server;

import java.util.Map;
import vn.cccd.kiosk.cards.CardService;
import vn.cccd.kiosk.cards.StoredDocument;
import vn.cccd.kiosk.output.PdfPreview;
import vn.cccd.kiosk.output.Printer;
import vn.cccd.kiosk.web.http.ApiException;
import vn.cccd.kiosk.web.http.ApiRequest;
import vn.cccd.kiosk.web.http.ApiResponse;
import vn.cccd.kiosk.web.http.RouteModule;
import vn.cccd.kiosk.web.http.Router;

/**
 * The documents made in this session ({@link FormRoutes} makes them): the PDF, the JSON export, page previews as
 * PNG, and printing. They live in the session and go with it.
 */
final class DocumentRoutes implements RouteModule {
    static final String PDF = "application/pdf";
    private final CardService cards;
    private final Printer printer;

    DocumentRoutes(CardService cards, Printer printer) {
        this.cards = cards;
        this.printer = printer;
    }

    @Override
    public void register(Router r) {
        r.get("/api/session/documents/{doc}/pdf", q -> {
            StoredDocument doc = document(q);
            return ApiResponse.bytes(PDF, doc.pdf())
                    .withHeader("Content-Disposition", "inline; filename=\"" + doc.reference() + ".pdf\"");
        });
        r.get("/api/session/documents/{doc}/json", q -> {
            StoredDocument doc = document(q);
            return ApiResponse.bytes(ApiResponse.JSON, doc.json())
                    .withHeader("Content-Disposition", "attachment; filename=\"" + doc.reference() + ".json\"");
        });
        r.get("/api/session/documents/{doc}/pages/{page}", this::page);
        r.post("/api/session/documents/{doc}/print", this::print);
    }

    private StoredDocument document(ApiRequest q) {
        return cards.document(q.param("doc")).orElseThrow(() -> new ApiException(404, "NO_DOCUMENT",
                "no such document in this session"));
    }

    /** A page of the document as PNG: a preview that needs no PDF viewer in the kiosk browser. */
    private ApiResponse page(ApiRequest q) {
        StoredDocument doc = document(q);
        String p = q.param("page");
        int page = p.matches("[0-9]{1,3}") ? Integer.parseInt(p) : 0;
        if (page < 1 || page > doc.pages()) {
            throw new ApiException(404, "NO_PAGE", "the document has " + doc.pages() + " page(s)");
        }
        return ApiResponse.bytes("image/png", PdfPreview.png(doc.pdf(), page - 1));
    }

    /** Print failures are {@code PrintException}s, answered by {@link ApiErrors} (501, 502, 504). */
    private ApiResponse print(ApiRequest q) throws Exception {
        StoredDocument doc = document(q);
        printer.print(doc.pdf());
        cards.record("printed", Map.of("formId", doc.formId(), "reference", doc.reference()));
        return ApiResponse.json(202, Map.of("printed", true));
    }
}
