package vn.cccd.reader.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import vn.cccd.reader.util.Text;

/**
 * The holder as the card states it. Dates are ISO {@code YYYY-MM-DD}; unknown values are null, never
 * invented; text is NFC. {@code sex} is "Nam", "Nữ" or null.
 */
@JsonPropertyOrder({"idNumber", "fullName", "dateOfBirth", "sex", "nationality", "ethnicity", "religion",
    "placeOfOrigin", "placeOfResidence", "identifyingMarks", "issueDate", "expiryDate", "fatherName",
    "motherName", "spouseName", "oldIdNumber"})
public record Person(
        String idNumber,
        String fullName,
        String dateOfBirth,
        String sex,
        String nationality,
        String ethnicity,
        String religion,
        String placeOfOrigin,
        String placeOfResidence,
        String identifyingMarks,
        String issueDate,
        String expiryDate,
        String fatherName,
        String motherName,
        String spouseName,
        String oldIdNumber) {

    public Person {
        idNumber = Text.nfc(idNumber);
        fullName = Text.nfc(fullName);
        sex = Text.nfc(sex);
        nationality = Text.nfc(nationality);
        ethnicity = Text.nfc(ethnicity);
        religion = Text.nfc(religion);
        placeOfOrigin = Text.nfc(placeOfOrigin);
        placeOfResidence = Text.nfc(placeOfResidence);
        identifyingMarks = Text.nfc(identifyingMarks);
        fatherName = Text.nfc(fatherName);
        motherName = Text.nfc(motherName);
        spouseName = Text.nfc(spouseName);
        oldIdNumber = Text.nfc(oldIdNumber);
    }

    /** Masks the record for toString: personal data never reaches logs by accident. */
    @Override
    public String toString() {
        return "Person[redacted]";
    }
}
