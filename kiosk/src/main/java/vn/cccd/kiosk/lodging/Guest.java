package vn.cccd.kiosk.lodging;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One guest record of the register, as the staff see it (decrypted). Holds what the lodging notification needs
 * (Luật Cư trú, Điều 30 as amended by Luật 118/2025/QH15): name, date of birth, ID or passport number and
 * nationality, reason, period and address of stay; plus the room, the card's verification verdict and whether the
 * guest was already notified (exported); and what the police portal's import template asks beyond the law (sex,
 * the residence on the card, the kind of card). Never a portrait, ethnicity or religion.
 *
 * @param documentType CCCD, PASSPORT or ID_CARD (as the card read JSON)
 * @param foreign a non-Vietnamese document or nationality: the separate NA17 declaration applies
 * @param nationality "Việt Nam", or the three-letter MRZ code of a foreign document
 * @param arrival local {@code YYYY-MM-DDTHH:MM}
 * @param departure expected departure date {@code YYYY-MM-DD} (the morning after the last night)
 * @param checkedOutAt local {@code YYYY-MM-DDTHH:MM}, or null while staying
 * @param notifiedAt ISO instant when exported or marked notified, or null
 * @param sex {@code M}, {@code F} or null (not given by the card, or a record older than this field)
 * @param residence the residence as the card gives it (possibly pre-2025 units), or null
 * @param cardKind for a CCCD: {@code CCCD} (issued before 01/07/2024) or {@code CAN_CUOC} (from then on), else null
 */
@JsonPropertyOrder({"id", "fullName", "dateOfBirth", "documentType", "documentNumber", "nationality", "foreign",
    "na17Required", "reason", "room", "arrival", "departure", "checkedOutAt", "stayAddress", "verification",
    "notifiedAt", "sex", "residence", "cardKind"})
public record Guest(String id, String fullName, String dateOfBirth, String documentType, String documentNumber,
        String nationality, boolean foreign, String reason, String room, String arrival, String departure,
        String checkedOutAt, String stayAddress, String verification, String notifiedAt, String sex, String residence,
        String cardKind) {

    /** Foreign guests are also declared on form NA17 (within 12 hours; Luật 47/2014/QH13, Điều 33). */
    @JsonProperty("na17Required")
    public boolean na17Required() {
        return foreign;
    }

    @Override
    public String toString() {
        return "Guest[" + id + "]"; // personal data never reaches a log by accident
    }
}
