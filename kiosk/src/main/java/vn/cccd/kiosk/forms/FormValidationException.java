package vn.cccd.kiosk.forms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The form cannot be made yet: per field (or {@code table.row.column}), what to fix, in both languages. */
public final class FormValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Map<String, I18n> errors;

    public FormValidationException(Map<String, I18n> errors) {
        super(errors.size() + " field(s) to correct: " + String.join(", ", errors.keySet()));
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    public Map<String, I18n> errors() {
        return errors;
    }
}
