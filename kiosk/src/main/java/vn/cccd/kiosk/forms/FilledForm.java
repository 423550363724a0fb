package vn.cccd.kiosk.forms;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A checked, complete form ready to print or export.
 *
 * @param values field id to value (fields without a value are absent)
 * @param tables table field id to rows (column id to value)
 * @param fromChip ids of the fields whose value came from a card
 * @param signatureNames name printed under each signature block (null where none), in block order
 * @param place the place of the "..., ngày ... tháng ... năm ..." line, or null
 * @param date the date of that line
 * @param reference a random reference printed on the form and in its QR code
 * @param verdict the card's verification verdict (AUTHENTIC, UNVERIFIED, NOT_AUTHENTIC), or null without a card
 */
public record FilledForm(
        FormDefinition definition,
        Map<String, String> values,
        Map<String, List<Map<String, String>>> tables,
        Set<String> fromChip,
        List<String> signatureNames,
        String place,
        LocalDate date,
        String reference,
        OffsetDateTime createdAt,
        String station,
        String verdict) {

    public FilledForm {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        fromChip = Set.copyOf(fromChip);
        signatureNames = Collections.unmodifiableList(new java.util.ArrayList<>(signatureNames));
    }

    public String value(String fieldId) {
        return values.get(fieldId);
    }

    @Override
    public String toString() {
        return "FilledForm[" + definition.id() + ", " + reference + ", redacted]";
    }
}
