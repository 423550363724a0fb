package vn.cccd.reader.cli;

import java.time.LocalDate;
import java.util.List;
import vn.cccd.reader.access.AccessKey;
import vn.cccd.reader.access.CccdKeys;

/** CCCD key candidates for the CLI: from the typed fields, or from the QR text (7 '|'-separated fields). */
final class CccdKeyCandidates {
    private CccdKeyCandidates() {
    }

    static List<AccessKey> of(String idNumber, LocalDate birth, LocalDate issue) {
        return CccdKeys.candidates(idNumber, birth, issue, null, LocalDate.now());
    }

    /**
     * The QR of a CCCD: ID|old ID|name|birth ddMMyyyy|sex|address|issue ddMMyyyy[|...]. Only the fields the key
     * needs are taken here; the full parser is {@code vn.cccd.reader.qr}.
     */
    static List<AccessKey> fromQr(String payload) {
        String[] f = payload.strip().split("\\|", -1);
        if (f.length < 7 || !f[0].matches("[0-9]{12}")) {
            throw new IllegalArgumentException("--qr is not the text of a CCCD QR code (12-digit ID and 7 fields)");
        }
        return CccdKeys.candidates(f[0], ddMMyyyy(f[3], "date of birth"),
                f[6].isBlank() ? null : ddMMyyyy(f[6], "issue date"), null, LocalDate.now());
    }

    private static LocalDate ddMMyyyy(String s, String what) {
        if (!s.matches("[0-9]{8}")) {
            throw new IllegalArgumentException("the QR's " + what + " is not ddMMyyyy");
        }
        try {
            return LocalDate.of(Integer.parseInt(s.substring(4)), Integer.parseInt(s.substring(2, 4)),
                    Integer.parseInt(s.substring(0, 2)));
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("the QR's " + what + " is not a real date");
        }
    }
}
