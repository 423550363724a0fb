package vn.cccd.kiosk.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.cccd.kiosk.forms.FilledForm;

/**
 * The QR code printed on a form, for the officer's scanner: JSON
 * {@code {"t":"cccd-kiosk-form","v":1,"form","ref","digest","values","tables"}}. When the data would make the code
 * too dense to scan from paper, only the form id, reference and digest are kept ({@code "full": false}).
 */
public final class FormQr {
    /** Type tag of the payload. */
    public static final String TYPE = "cccd-kiosk-form";
    /** Above this many bytes the code gets too dense for a 45 mm print; values are left out. */
    static final int MAX_FULL_BYTES = 1700;
    private static final ObjectMapper COMPACT = new ObjectMapper()
            .disable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private FormQr() {
    }

    /** The text the code carries. */
    public static String payload(FilledForm form) {
        Map<String, Object> p = header(form);
        p.put("full", true);
        p.put("values", form.values());
        if (!form.tables().isEmpty()) {
            p.put("tables", form.tables());
        }
        String full = write(p);
        if (full.getBytes(StandardCharsets.UTF_8).length <= MAX_FULL_BYTES) {
            return full;
        }
        Map<String, Object> small = header(form);
        small.put("full", false);
        return write(small);
    }

    private static Map<String, Object> header(FilledForm form) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("t", TYPE);
        p.put("v", 1);
        p.put("form", form.definition().id());
        p.put("ref", form.reference());
        p.put("digest", FormExport.digest(form));
        return p;
    }

    /** The module matrix, without quiet zone (the PDF leaves white space around it). */
    public static BitMatrix matrix(String payload) {
        int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        hints.put(EncodeHintType.ERROR_CORRECTION, bytes <= 900 ? ErrorCorrectionLevel.M : ErrorCorrectionLevel.L);
        hints.put(EncodeHintType.MARGIN, 0);
        try {
            return new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalStateException("the form data does not fit a QR code", e);
        }
    }

    private static String write(Map<String, Object> p) {
        try {
            return COMPACT.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
