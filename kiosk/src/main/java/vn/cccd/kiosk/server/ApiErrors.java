package vn.cccd.kiosk.server;

import java.util.Map;
import java.util.function.Consumer;
import vn.cccd.kiosk.cards.SessionException;
import vn.cccd.kiosk.forms.FormValidationException;
import vn.cccd.kiosk.hospital.BhytCodeException;
import vn.cccd.kiosk.hospital.HospitalService;
import vn.cccd.kiosk.lodging.LodgingException;
import vn.cccd.kiosk.lodging.kbtt.KbttException;
import vn.cccd.kiosk.output.PrintException;
import vn.cccd.kiosk.store.StorageException;
import vn.cccd.kiosk.web.http.ApiException;
import vn.cccd.kiosk.web.http.ErrorMapping;
import vn.cccd.reader.qr.QrException;

/**
 * The one mapping from the kiosk's domain failures to HTTP status and JSON error code. Routes let these exceptions
 * through; only failures whose meaning depends on the route (a generic {@link IllegalArgumentException} from a
 * parser, say) are turned into {@link ApiException}s where they happen.
 */
final class ApiErrors implements ErrorMapping {
    private final Consumer<String> storageErrors;

    /** @param storageErrors told the code of every storage failure that reached a request (metrics) */
    ApiErrors(Consumer<String> storageErrors) {
        this.storageErrors = storageErrors;
    }

    @Override
    public ApiException map(Exception failure) {
        if (failure instanceof SessionException e) {
            return new ApiException(409, e.code(), e.getMessage());
        }
        if (failure instanceof StorageException e) {
            return storage(e);
        }
        if (failure instanceof FormValidationException e) {
            return new ApiException(400, "INVALID_FORM", e.getMessage(), Map.of("errors", e.errors()));
        }
        if (failure instanceof QrException e) {
            int status = switch (e.reason()) {
                case IMAGE_TOO_LARGE -> 413;
                case NOT_AN_IMAGE -> 415;
                default -> 422;
            };
            return new ApiException(status, e.code(), e.getMessage());
        }
        if (failure instanceof LodgingException e) {
            return new ApiException(e.kind().status(), e.code(), e.getMessage());
        }
        if (failure instanceof KbttException e) {
            // refused before anything is exported or marked: the staff correct the guest named here
            return new ApiException(422, "KBTT_INVALID", e.getMessage(), Map.of("row", e.row(), "column", e.column(),
                    "guest", e.guestId()));
        }
        if (failure instanceof BhytCodeException e) {
            return new ApiException(400, "INVALID_BHYT_CODE", e.getMessage(), Map.of("reason", e.reason().name(),
                    "vi", e.vi(), "en", e.en()));
        }
        if (failure instanceof HospitalService.UnknownDepartmentException) {
            return new ApiException(400, "UNKNOWN_DEPARTMENT", "choose one of the configured departments");
        }
        if (failure instanceof PrintException e) {
            int status = switch (e.reason()) {
                case NO_PRINTER -> 501;
                case PRINT_FAILED -> 502;
                case PRINT_TIMEOUT -> 504;
            };
            return new ApiException(status, e.reason().name(), e.getMessage());
        }
        return null;
    }

    /** The message names the storage problem (never a stored value); the code lets the UI say "try again". */
    private ApiException storage(StorageException e) {
        storageErrors.accept(e.code().name());
        int status = switch (e.code()) {
            case UNAVAILABLE, BUSY -> 503;
            default -> 500;
        };
        return new ApiException(status, "STORAGE_" + e.code(), "the register storage failed (" + e.code()
                + "); the request was not completed");
    }
}
