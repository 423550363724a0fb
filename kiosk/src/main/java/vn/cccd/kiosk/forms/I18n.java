package vn.cccd.kiosk.forms;

import com.fasterxml.jackson.annotation.JsonInclude;
import vn.cccd.reader.util.Text;

/** A text in Vietnamese and (optionally) English. Vietnamese is what forms print; English is for the UI. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record I18n(String vi, String en) {
    public I18n {
        vi = Text.nfc(vi);
        en = Text.nfc(en);
    }

    public static I18n of(String vi, String en) {
        return new I18n(vi, en);
    }

    /** The text in {@code lang}, falling back to Vietnamese. */
    public String in(String lang) {
        return "en".equals(lang) && en != null ? en : vi;
    }
}
