package vn.cccd.kiosk.hospital;

import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.model.DocumentInfo;
import vn.cccd.reader.model.Person;

/**
 * What a check-in keeps of the card: only what reception and the hospital system need to identify the patient
 * (QĐ 130 table 1 and the FHIR {@code Patient}). No portrait, no ethnicity or religion, no parents or spouse, no
 * identifying marks, no MRZ.
 *
 * @param idNumber the 12-digit personal ID number (số định danh cá nhân), or null (a foreign passport)
 * @param documentType {@code CCCD}, {@code PASSPORT} or {@code ID_CARD}
 * @param documentNumber the document number (for a passport the identifier; for a CCCD its last 9 digits)
 * @param issuingState ICAO code of the issuing state, e.g. {@code VNM}
 * @param fullName as on the card, NFC
 * @param dateOfBirth ISO {@code YYYY-MM-DD} (or a shorter ISO form when the card gives only year or month)
 * @param sex {@code Nam}, {@code Nữ} or null
 * @param nationality as on the card, e.g. {@code Việt Nam}
 * @param placeOfResidence the residence as on the card
 */
public record Patient(String idNumber, String documentType, String documentNumber, String issuingState,
        String fullName, String dateOfBirth, String sex, String nationality, String placeOfResidence) {

    /** The patient fields of a card read. */
    public static Patient of(CardReadResult card) {
        Person p = card.person();
        DocumentInfo d = card.document();
        if (p == null) {
            throw new IllegalArgumentException("the card read has no holder data");
        }
        return new Patient(p.idNumber(), d == null ? null : d.type(), d == null ? null : d.documentNumber(),
                d == null ? null : d.issuingState(), p.fullName(), p.dateOfBirth(), p.sex(), p.nationality(),
                p.placeOfResidence());
    }

    /** Personal data: kept out of logs. */
    @Override
    public String toString() {
        return "Patient[redacted]";
    }
}
