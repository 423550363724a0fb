package vn.cccd.reader.qr;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Something about a field's text that the person or the operator should know: it was repaired, or it cannot be
 * trusted letter for letter.
 *
 * @param field the field's name in the QR JSON ({@code fullName}, {@code placeOfResidence}, {@code sex},
 *        {@code extra}, {@code oldIdNumber}, {@code issueDate})
 */
@JsonPropertyOrder({"code", "field", "message"})
public record QrWarning(Code code, String field, String message) {

    public enum Code {
        /**
         * The text arrived as UTF-8 read as Windows-1252 / Latin-1 (a keyboard-wedge scanner) and was decoded back;
         * the repair is exact.
         */
        TEXT_REPAIRED,
        /**
         * Some letters were lost on the way (a scanner's '?' or a dropped byte) and cannot be told for certain; they
         * are shown as U+FFFD.
         */
        TEXT_UNCERTAIN,
        /** The text has no diacritics at all: a scanner dropped them; the letters with marks are unknown. */
        DIACRITICS_MISSING,
        /**
         * A field holds a value of another kind than its position is for (the 2024 card's extra fields are not
         * published); the value is kept in {@code fields.extra} and the message names the position, never the value.
         */
        UNEXPECTED_FIELD
    }
}
