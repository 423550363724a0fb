package vn.cccd.kiosk.server;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import vn.cccd.kiosk.web.http.ApiException;
import vn.cccd.kiosk.web.http.ApiRequest;
import vn.cccd.kiosk.web.http.ApiResponse;
import vn.cccd.kiosk.web.http.RouteModule;
import vn.cccd.kiosk.web.http.Router;
import vn.cccd.reader.diagnose.CardReport;
import vn.cccd.reader.error.ReaderException;
import vn.cccd.reader.keys.AccessKey;
import vn.cccd.reader.keys.CanKey;
import vn.cccd.reader.keys.CccdKeys;

/**
 * Staff only: {@code POST /api/operator/card-report} reads the card on the reader as {@code cccd-reader diagnose}
 * does and answers its report (structure only, none of the holder's values) as a JSON download for a bug report.
 * The report is built in memory and sent; the server writes it nowhere.
 */
final class CardReportApi implements RouteModule {
    private final KioskApp app;

    CardReportApi(KioskApp app) {
        this.app = app;
    }

    @Override
    public void register(Router r) {
        r.staff().post("/api/operator/card-report", this::report);
    }

    /**
     * The card's key: {@code idNumber} and {@code dateOfBirth} (with {@code issueDate} or {@code expiryDate} when
     * known), or {@code documentNumber}, {@code dateOfBirth} and {@code expiryDate} (a passport), or {@code can}.
     */
    record KeyBody(String idNumber, String dateOfBirth, String issueDate, String expiryDate, String documentNumber,
            String can) {
        @Override
        public String toString() {
            return "KeyBody[redacted]";
        }
    }

    private ApiResponse report(ApiRequest q) {
        List<AccessKey> keys = keys(q.json(KeyBody.class));
        CardReport report;
        try {
            report = app.cards().diagnose(keys);
        } catch (IllegalStateException e) {
            throw new ApiException(409, "SESSION_ACTIVE", "a session is running: end it before writing a card report");
        } catch (UnsupportedOperationException e) {
            throw new ApiException(501, "NO_CARD_REPORT", e.getMessage());
        } catch (ReaderException e) {
            throw new ApiException(409, "NO_CARD", "place the card on the reader first (" + e.code() + ")");
        }
        return ApiResponse.bytes(ApiResponse.JSON, report.toJson().getBytes(StandardCharsets.UTF_8))
                .withHeader("Content-Disposition", "attachment; filename=\"cccd-card-report.json\"");
    }

    private List<AccessKey> keys(KeyBody k) {
        try {
            if (k.can() != null && !k.can().isBlank()) {
                return List.of(new CanKey(k.can().strip()));
            }
            LocalDate birth = SessionKeys.keyDate(k.dateOfBirth(), "dateOfBirth");
            if (birth == null) {
                throw new ApiException(400, "INVALID_KEY", "dateOfBirth is required (or can)");
            }
            if (k.documentNumber() != null && !k.documentNumber().isBlank()) {
                LocalDate expiry = SessionKeys.keyDate(k.expiryDate(), "expiryDate");
                if (expiry == null) {
                    throw new ApiException(400, "INVALID_KEY", "documentNumber needs expiryDate");
                }
                return List.of(SessionKeys.mrzKey(k.documentNumber(), birth, expiry));
            }
            if (k.idNumber() == null || k.idNumber().isBlank()) {
                throw new ApiException(400, "INVALID_KEY", "idNumber and dateOfBirth are required (or can)");
            }
            return CccdKeys.candidates(k.idNumber().strip(), birth, SessionKeys.keyDate(k.issueDate(), "issueDate"),
                    SessionKeys.keyDate(k.expiryDate(), "expiryDate"), LocalDate.now(app.clock()));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "INVALID_KEY", e.getMessage());
        }
    }
}
