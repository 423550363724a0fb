package vn.cccd.kiosk.forms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the person typed, as sent by the UI: {@code {"fields": {id: value}, "tables": {id: [{column: value}]}}}.
 * Read-only (chip) fields may be sent too; they must then equal the chip's value. {@code roles} optionally gives
 * the role of each session card ({@code "-"} for none), else roles are assigned automatically.
 */
public record FormInput(Map<String, String> fields, Map<String, List<Map<String, String>>> tables, List<String> roles) {
    public FormInput {
        roles = roles == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(roles));
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        Map<String, List<Map<String, String>>> t = new LinkedHashMap<>();
        if (tables != null) {
            for (Map.Entry<String, List<Map<String, String>>> e : tables.entrySet()) {
                List<Map<String, String>> rows = new ArrayList<>();
                if (e.getValue() != null) {
                    for (Map<String, String> row : e.getValue()) {
                        rows.add(row == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(row)));
                    }
                }
                t.put(e.getKey(), List.copyOf(rows));
            }
        }
        tables = Collections.unmodifiableMap(t);
    }

    public static FormInput empty() {
        return new FormInput(Map.of(), Map.of(), null);
    }

    @Override
    public String toString() {
        return "FormInput[" + fields.size() + " fields, " + tables.size() + " tables, redacted]";
    }
}
