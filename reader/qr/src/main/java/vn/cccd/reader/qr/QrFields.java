package vn.cccd.reader.qr;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import vn.cccd.reader.util.Text;

/**
 * The fields of a CCCD / Căn cước QR code, named and formatted as {@code person} in the card read JSON: dates ISO
 * {@code YYYY-MM-DD}, unknown values null, text NFC.
 *
 * @param oldIdNumber the 9-digit CMND, null when the field is empty
 * @param placeOfResidence null when the field is empty
 * @param issueDate null when the field is empty
 * @param extra the fields after the seventh (thẻ Căn cước 2024), empty for a 2021 CCCD
 */
@JsonPropertyOrder({"idNumber", "oldIdNumber", "fullName", "dateOfBirth", "sex", "placeOfResidence", "issueDate",
    "extra"})
public record QrFields(
        String idNumber,
        String oldIdNumber,
        String fullName,
        String dateOfBirth,
        String sex,
        String placeOfResidence,
        String issueDate,
        List<QrExtra> extra) {

    public QrFields {
        fullName = Text.nfc(fullName);
        sex = Text.nfc(sex);
        placeOfResidence = Text.nfc(placeOfResidence);
        extra = extra == null ? List.of() : List.copyOf(extra);
    }

    @Override
    public String toString() {
        return "QrFields[redacted]";
    }
}
