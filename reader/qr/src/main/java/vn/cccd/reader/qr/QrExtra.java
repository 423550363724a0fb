package vn.cccd.reader.qr;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A field after the 7 known ones (thẻ Căn cước 2024), or a known position holding a value of another kind (field 2
 * or 7, see {@link QrWarning.Code#UNEXPECTED_FIELD}), classified by its content since the official order of these
 * fields is not published (cccd-card.md Q9).
 *
 * @param field the field's position in the payload, counted from 1
 */
@JsonPropertyOrder({"field", "kind", "value"})
public record QrExtra(int field, Kind kind, String value) {

    public enum Kind {
        /** 12 digits: a cancelled personal ID number ("số định danh cá nhân đã hủy"). */
        CANCELLED_ID_NUMBER,
        /** 9 digits: an (other) old CMND number. */
        OLD_ID_NUMBER,
        /** Letters and spaces: a parent's name (cards of children); which parent is not stated. */
        PARENT_NAME,
        /** Anything else, kept as it is. */
        UNKNOWN
    }

    @Override
    public String toString() {
        return "QrExtra[field=" + field + ", kind=" + kind + ", value=redacted]";
    }
}
