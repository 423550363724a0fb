package vn.cccd.kiosk.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.cccd.kiosk.store.Database;
import vn.cccd.kiosk.store.FieldCipher;
import vn.cccd.kiosk.store.SubjectRecord;
import vn.cccd.kiosk.web.http.ApiException;
import vn.cccd.kiosk.web.http.ApiRequest;
import vn.cccd.kiosk.web.http.ApiResponse;
import vn.cccd.kiosk.web.http.RouteModule;
import vn.cccd.kiosk.web.http.Router;

/**
 * Data-subject requests (Luật 91/2025/QH15; NĐ 356/2025: answer within 2 working days), staff only:
 * {@code GET /api/privacy/subject?idNumber=...} lists every record the registers hold about the person,
 * {@code DELETE} erases them. The processing log keeps its (pseudonymous) entries: it is the controller's record of
 * what was done and holds no personal data.
 */
final class PrivacyApi implements RouteModule {
    private final KioskApp app;

    PrivacyApi(KioskApp app) {
        this.app = app;
    }

    @Override
    public void register(Router r) {
        r.staff().get("/api/privacy/subject", this::find).delete("/api/privacy/subject", this::erase);
    }

    private String idNumber(ApiRequest q) {
        String id = q.query("idNumber");
        if (id == null || id.isBlank() || id.length() > 40) {
            throw new ApiException(400, "INVALID_ID_NUMBER", "idNumber (the ID card or passport number) is required");
        }
        try {
            return FieldCipher.normalizeNumber(id);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "INVALID_ID_NUMBER", e.getMessage());
        }
    }

    private ApiResponse find(ApiRequest q) {
        String id = idNumber(q);
        Database db = app.database();
        List<SubjectRecord> records = db == null ? List.of() : db.findSubject(id);
        app.processingLog().record("privacy-find", Map.of("records", records.size()), id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("records", records);
        out.put("count", records.size());
        out.put("storage", db == null ? "none" : db.dialect().name().toLowerCase(java.util.Locale.ROOT));
        return ApiResponse.ok(out);
    }

    private ApiResponse erase(ApiRequest q) {
        String id = idNumber(q);
        Database db = app.database();
        Map<String, Integer> erased = db == null ? Map.of() : db.eraseSubject(id);
        int total = erased.values().stream().mapToInt(Integer::intValue).sum();
        app.processingLog().record("privacy-erase", Map.of("records", total), id);
        return ApiResponse.ok(Map.of("erased", total, "tables", erased));
    }
}
