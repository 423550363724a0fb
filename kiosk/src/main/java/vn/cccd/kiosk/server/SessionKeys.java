package vn.cccd.kiosk.server;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import vn.cccd.kiosk.web.http.ApiException;
import vn.cccd.reader.keys.AccessKey;
import vn.cccd.reader.keys.CccdKeys;
import vn.cccd.reader.keys.MrzKey;
import vn.cccd.reader.qr.CccdQr;

/**
 * The card's access keys from what the person gave: the ID number and date of birth (and issue or expiry date
 * when known), or the scanned QR text, or for a passport (a foreign guest) the document number, date of birth and
 * expiry date printed in its MRZ. Anything unusable is 400 INVALID_KEY naming the field.
 */
final class SessionKeys {
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private final KioskApp app;

    SessionKeys(KioskApp app) {
        this.app = app;
    }

    /** The key request of {@code POST /api/session/key} and {@code /second-card}. Dates are ISO YYYY-MM-DD. */
    record KeyRequest(String idNumber, String dateOfBirth, String issueDate, String expiryDate, String qrPayload,
            Boolean consent, String documentNumber) {
        @Override
        public String toString() {
            return "KeyRequest[redacted]";
        }
    }

    /** The keys, and the QR code they came from (null when typed). */
    record Keys(List<AccessKey> keys, CccdQr qr) {
    }

    Keys keys(KeyRequest k) {
        Clock clock = app.clock();
        if (k.qrPayload() != null) {
            CccdQr qr = QrRoutes.require(app).parseText(Fields.text(k.qrPayload(), "qrPayload", 2000));
            try {
                return new Keys(List.copyOf(qr.accessKeys(LocalDate.now(clock))), qr);
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, "INVALID_KEY", e.getMessage());
            }
        }
        if (k.documentNumber() != null && !k.documentNumber().isBlank()) {
            return new Keys(List.of(mrzKey(k.documentNumber(), k.dateOfBirth(), k.expiryDate())), null);
        }
        if (k.idNumber() == null || k.dateOfBirth() == null) {
            throw new ApiException(400, "INVALID_KEY", "idNumber and dateOfBirth are required (or qrPayload)");
        }
        try {
            return new Keys(CccdKeys.candidates(k.idNumber().strip(), keyDate(k.dateOfBirth(), "dateOfBirth"),
                    keyDate(k.issueDate(), "issueDate"), keyDate(k.expiryDate(), "expiryDate"),
                    LocalDate.now(clock)), null);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "INVALID_KEY", e.getMessage());
        }
    }

    /** A passport's BAC key from the three MRZ fields as printed (document number, birth and expiry dates). */
    private static AccessKey mrzKey(String documentNumber, String dateOfBirth, String expiryDate) {
        LocalDate birth = keyDate(dateOfBirth, "dateOfBirth");
        LocalDate expiry = keyDate(expiryDate, "expiryDate");
        if (birth == null || expiry == null) {
            throw new ApiException(400, "INVALID_KEY", "documentNumber needs dateOfBirth and expiryDate");
        }
        return mrzKey(documentNumber, birth, expiry);
    }

    /** A passport's BAC key; 400 INVALID_KEY for a document number the MRZ cannot hold. */
    static AccessKey mrzKey(String documentNumber, LocalDate birth, LocalDate expiry) {
        try {
            return new MrzKey(documentNumber.strip().toUpperCase(Locale.ROOT), birth.format(YYMMDD),
                    expiry.format(YYMMDD));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "INVALID_KEY", e.getMessage());
        }
    }

    /** A key date of the API (YYYY-MM-DD, blank for none), or 400 INVALID_KEY naming the field. */
    static LocalDate keyDate(String iso, String name) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(iso.strip());
        } catch (DateTimeParseException e) {
            throw new ApiException(400, "INVALID_KEY", name + " must be a date YYYY-MM-DD");
        }
    }
}
