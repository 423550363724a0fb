package vn.cccd.kiosk.forms;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * What the kiosk fills in from the session before the person types anything ({@code GET /api/forms/{id}/prefill}).
 *
 * @param fields field id to value, for every field that has one
 * @param readOnly fields whose value came from a card: shown marked "từ chip" and not editable
 * @param missing required fields still without a value
 * @param cards role id to the index of the session card that fills it
 * @param addresses for each field whose value is an address converted from a card: the card's original, the
 *     conversion and the values the person may choose (see {@link AddressProposal})
 */
@JsonPropertyOrder({"formId", "fields", "missing", "readOnly", "cards", "addresses"})
public record Prefill(String formId, Map<String, String> fields, List<String> missing, List<String> readOnly,
        Map<String, Integer> cards, Map<String, AddressProposal> addresses) {

    /**
     * A converted address offered for a field: the person sees {@code original} (the card) beside {@code value}
     * and confirms, picks one of {@code choices} (a split commune: {@code value} is then null) or edits.
     *
     * @param status CONVERTED, CHOICE_NEEDED, ALREADY_CURRENT or NOT_CONVERTED
     * @param original the address as the card has it
     * @param value the field value proposed, or null when the person must pick
     * @param choices the field values to pick from (each with its commune and province codes)
     * @param oldUnits the old commune, district and province, or null
     * @param communeCode official code of the current commune when known
     * @param provinceCode official code of the current province when known
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record AddressProposal(String status, String original, String value, List<Choice> choices,
            String oldUnits, String communeCode, String provinceCode) {
        public AddressProposal {
            choices = List.copyOf(choices);
        }

        @Override
        public String toString() {
            return "AddressProposal[" + status + ", redacted]";
        }
    }

    /** One field value a person may pick, with the codes of its commune and province. */
    public record Choice(String value, String communeCode, String communeName, String provinceCode,
            String provinceName) {
    }

    public Prefill(String formId, Map<String, String> fields, List<String> missing, List<String> readOnly,
            Map<String, Integer> cards) {
        this(formId, fields, missing, readOnly, cards, Map.of());
    }

    public Prefill {
        addresses = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(addresses));
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        missing = List.copyOf(missing);
        readOnly = List.copyOf(readOnly);
        cards = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cards));
    }

    @Override
    public String toString() {
        return "Prefill[" + formId + ", " + fields.size() + " fields, redacted]";
    }
}
