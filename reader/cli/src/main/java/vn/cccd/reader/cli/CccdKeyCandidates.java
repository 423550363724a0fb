package vn.cccd.reader.cli;

import java.time.LocalDate;
import java.util.List;
import vn.cccd.reader.keys.AccessKey;
import vn.cccd.reader.keys.CccdKeys;
import vn.cccd.reader.qr.CccdQr;
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
     * The text of a CCCD / Căn cước QR code, parsed and validated ({@link CccdQrParser}); IllegalArgumentException
     * with the parser's message (which never quotes personal data) when it is not one.
     */
    static CccdQr parseQr(String payload) {
        try {
            return CccdQrParser.parse(payload, LocalDate.now());
        } catch (QrException e) {
            throw new IllegalArgumentException("--qr: " + e.getMessage());
        }
    }

    /** The keys from a CCCD QR code: the expiry from the issue date and the renewal rules, candidates in order. */
    static List<AccessKey> fromQr(CccdQr qr) {
        return List.copyOf(qr.accessKeys(LocalDate.now()));
    }
}
