package vn.cccd.reader.qr;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.List;
import vn.cccd.reader.keys.CccdKeys;
import vn.cccd.reader.keys.MrzKey;

/**
 * A parsed CCCD / Căn cước QR code: the contract's QR JSON ({@code format}, {@code payload}, {@code fields}), plus
 * {@code warnings} about text that was repaired or is uncertain.
 *
 * @param payload the text as scanned (surrounding white space removed), before any repair
 */
@JsonPropertyOrder({"format", "payload", "fields", "warnings"})
public record CccdQr(QrFormat format, String payload, QrFields fields, List<QrWarning> warnings) {

    public CccdQr {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** True when some text field cannot be trusted letter for letter (see {@link QrWarning.Code}). */
    @JsonIgnore
    public boolean hasUncertainText() {
        return warnings.stream().anyMatch(CccdQr::aboutLetters);
    }

    private static boolean aboutLetters(QrWarning w) {
        return w.code() == QrWarning.Code.TEXT_UNCERTAIN || w.code() == QrWarning.Code.DIACRITICS_MISSING;
    }

    /** True when the given field carries a warning other than an exact repair. */
    boolean uncertain(String field) {
        return warnings.stream().anyMatch(w -> w.field().equals(field) && aboutLetters(w));
    }

    /**
     * The BAC keys to try for the chip of this card, in order: document number = last 9 digits of the ID number,
     * expiry from the renewal rules and the issue date (every plausible one when the issue date is empty).
     */
    public List<MrzKey> accessKeys(LocalDate today) {
        return CccdKeys.mrzKeys(fields.idNumber(), LocalDate.parse(fields.dateOfBirth()),
                fields.issueDate() == null ? null : LocalDate.parse(fields.issueDate()), null, today);
    }

    @Override
    public String toString() {
        return "CccdQr[format=" + format + ", redacted]";
    }
}
