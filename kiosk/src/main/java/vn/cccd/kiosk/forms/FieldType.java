package vn.cccd.kiosk.forms;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a form field holds; decides the input on screen, the built-in check and how it prints. */
public enum FieldType {
    TEXT, TEXTAREA, DATE, ID_NUMBER, PHONE, EMAIL, SELECT, NUMBER, TABLE;

    @JsonValue
    public String id() {
        return switch (this) {
            case ID_NUMBER -> "idNumber";
            default -> name().toLowerCase(Locale.ROOT);
        };
    }

    @JsonCreator
    public static FieldType parse(String s) {
        for (FieldType t : values()) {
            if (t.id().equals(s)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown field type '" + s
                + "' (text, textarea, date, idNumber, phone, email, select, number, table)");
    }
}
