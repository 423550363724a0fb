package vn.cccd.kiosk.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.cccd.kiosk.forms.FieldType;
import vn.cccd.kiosk.forms.FilledForm;
import vn.cccd.kiosk.forms.FormDefinition;

/**
 * The filled form as JSON ({@code POST /api/forms/{id}/export}), and its digest: SHA-256 over the canonical JSON
 * (keys sorted, no white space) of {@code {formId, formVersion, reference, values, tables}}. The digest is printed
 * in the PDF's QR code, so an officer can check that an export and a paper form are the same declaration.
 */
public final class FormExport {
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .disable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private FormExport() {
    }

    /** {@code sha256:<hex>} of the canonical content. */
    public static String digest(FilledForm form) {
        Map<String, Object> canonical = new TreeMap<>();
        canonical.put("formId", form.definition().id());
        canonical.put("formVersion", form.definition().version());
        canonical.put("reference", form.reference());
        canonical.put("values", new TreeMap<>(form.values()));
        canonical.put("tables", new TreeMap<>(form.tables()));
        try {
            byte[] bytes = CANONICAL.writeValueAsBytes(canonical);
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot digest the form", e);
        }
    }

    /** The export document (serialise with Jackson). */
    public static Map<String, Object> document(FilledForm form) {
        FormDefinition def = form.definition();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("formId", def.id());
        out.put("formVersion", def.version());
        out.put("title", def.title().vi());
        out.put("reference", form.reference());
        out.put("createdAt", form.createdAt().toString());
        out.put("station", form.station());
        out.put("cardVerification", form.verdict());
        List<Map<String, Object>> fields = new ArrayList<>();
        Map<String, Object> tables = new LinkedHashMap<>();
        for (FormDefinition.Field f : def.fields()) {
            if (f.type() == FieldType.TABLE) {
                List<Map<String, String>> rows = form.tables().get(f.id());
                tables.put(f.id(), rows == null ? List.of() : rows);
                continue;
            }
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("id", f.id());
            one.put("number", f.number());
            one.put("label", f.label().vi());
            one.put("value", form.value(f.id()));
            one.put("source", form.fromChip().contains(f.id()) ? "chip" : "person");
            fields.add(one);
        }
        out.put("fields", fields);
        out.put("tables", tables);
        out.put("digest", digest(form));
        return out;
    }

    public static byte[] json(FilledForm form) {
        try {
            return vn.cccd.reader.model.Json.MAPPER.writeValueAsString(document(form)).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the export", e);
        }
    }
}
