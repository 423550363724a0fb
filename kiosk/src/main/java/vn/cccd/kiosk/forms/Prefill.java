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
 */
@JsonPropertyOrder({"formId", "fields", "missing", "readOnly", "cards"})
public record Prefill(String formId, Map<String, String> fields, List<String> missing, List<String> readOnly,
        Map<String, Integer> cards) {
    public Prefill {
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
