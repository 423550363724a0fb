package vn.cccd.kiosk.address;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What became of one address from a card.
 *
 * @param status what the kiosk could do with it
 * @param original the address as the card has it
 * @param address the address to propose: the two-level address (CONVERTED), the card's own text (ALREADY_CURRENT,
 *     NOT_CONVERTED), or null when the person must pick (CHOICE_NEEDED)
 * @param candidates the current addresses the old one may now be: one when CONVERTED, several when CHOICE_NEEDED,
 *     empty otherwise
 * @param oldUnits the old commune, district and province ("Phường Hàng Bài, Quận Hoàn Kiếm, Thành phố Hà Nội") when
 *     the address was in the pre-2025 form, else null
 * @param commune the current commune with its province and official codes when known (CONVERTED,
 *     ALREADY_CURRENT), else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"status", "original", "address", "candidates", "oldUnits", "note", "commune"})
public record AddressConversion(Status status, String original, String address, List<Candidate> candidates,
        String oldUnits, AdminUnits.Commune commune) {

    /** The outcome. */
    public enum Status {
        /** An old three-level address with exactly one current commune. */
        CONVERTED,
        /** An old commune now split between several current ones: the person picks. */
        CHOICE_NEEDED,
        /** Already a current two-level address. */
        ALREADY_CURRENT,
        /** Matched nothing in the table: kept as the card has it. */
        NOT_CONVERTED
    }

    /** One current address an old address may now be. */
    public record Candidate(String address, AdminUnits.Commune commune) {
    }

    /** The words before the old units in the note (wording not fixed by the forms: docs/FORMS.md). */
    public static final String NOTE_LEAD = "Địa giới hành chính cũ: ";

    public AddressConversion {
        candidates = List.copyOf(candidates);
    }

    /** "(Địa giới hành chính cũ: Phường Hàng Bài, Quận Hoàn Kiếm, Thành phố Hà Nội)", or null without old units. */
    @com.fasterxml.jackson.annotation.JsonProperty("note")
    public String note() {
        return oldUnits == null ? null : "(" + NOTE_LEAD + oldUnits + ")";
    }

    @Override
    public String toString() {
        return "AddressConversion[" + status + ", redacted]";
    }
}
