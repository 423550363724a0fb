package vn.cccd.reader.cli;

import java.time.LocalDate;
import java.util.List;
import vn.cccd.reader.access.AccessKey;
import vn.cccd.reader.access.CccdKeys;
import vn.cccd.reader.qr.CccdQrParser;
import vn.cccd.reader.qr.QrException;

/** CCCD key candidates for the CLI: from the typed fields, or from the QR text. */
final class CccdKeyCandidates {
    private CccdKeyCandidates() {
    }

    static List<AccessKey> of(String idNumber, LocalDate birth, LocalDate issue) {
        return CccdKeys.candidates(idNumber, birth, issue, null, LocalDate.now());
    }

    /**
     * The keys from the text of a CCCD / Căn cước QR code ({@link CccdQrParser}: validated, the expiry from the issue
     * date and the renewal rules).
     */
    static List<AccessKey> fromQr(String payload) {
        try {
            return List.copyOf(CccdQrParser.parse(payload, LocalDate.now()).accessKeys(LocalDate.now()));
        } catch (QrException e) {
            throw new IllegalArgumentException("--qr: " + e.getMessage());
        }
    }
}
