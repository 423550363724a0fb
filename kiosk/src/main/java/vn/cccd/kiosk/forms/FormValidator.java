package vn.cccd.kiosk.forms;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.util.Text;

/**
 * Checks what the person typed against a definition and the pre-fill, and makes the {@link FilledForm}. Generic:
 * the checks come from the field types, {@code required}, {@code pattern} and {@code maxLength} of the definition.
 */
public final class FormValidator {
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern ID_NUMBER = Pattern.compile("[0-9]{12}");
    private static final Pattern PHONE = Pattern.compile("(0|\\+84)[0-9]{9,10}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");
    /** Control characters other than line breaks never belong in a form. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n]]");
    private static final char[] REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    static final I18n REQUIRED = I18n.of("Bắt buộc nhập", "Required");
    static final I18n FROM_CHIP = I18n.of("Trường này lấy từ chip, không sửa được", "This field comes from the chip and cannot be changed");
    static final I18n UNKNOWN = I18n.of("Trường không có trong tờ khai", "No such field in this form");

    private final PrefillEngine prefill;
    private final Clock clock;
    private final String station;

    public FormValidator(PrefillEngine prefill, Clock clock, String station) {
        this.prefill = prefill;
        this.clock = clock;
        this.station = station;
    }

    /**
     * @throws FormValidationException listing every field to correct
     */
    public FilledForm validate(FormDefinition def, List<CardReadResult> cards, FormInput input) {
        LocalDate today = LocalDate.now(clock);
        Prefill pre = prefill.prefill(def, cards, input.roles(), today);
        Set<String> readOnly = new HashSet<>(pre.readOnly());
        Map<String, I18n> errors = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
        Set<String> known = new HashSet<>();
        for (FormDefinition.Field f : def.fields()) {
            known.add(f.id());
            if (f.type() == FieldType.TABLE) {
                List<Map<String, String>> rows = table(f, input.tables().get(f.id()), errors);
                if (!rows.isEmpty()) {
                    tables.put(f.id(), rows);
                } else if (f.required()) {
                    errors.put(f.id(), REQUIRED);
                }
                continue;
            }
            String typed = clean(input.fields().get(f.id()), f.type());
            if (readOnly.contains(f.id())) {
                String chip = pre.fields().get(f.id());
                if (typed != null && !typed.equals(chip)) {
                    errors.put(f.id(), FROM_CHIP);
                }
                values.put(f.id(), chip);
                continue;
            }
            // a field left out keeps its starting value (station value, default); one sent blank was cleared
            String v = input.fields().containsKey(f.id()) ? typed : pre.fields().get(f.id());
            if (v == null) {
                if (f.required()) {
                    errors.put(f.id(), REQUIRED);
                }
                continue;
            }
            I18n problem = check(f, v);
            if (problem != null) {
                errors.put(f.id(), problem);
            } else {
                values.put(f.id(), v);
            }
        }
        for (String id : input.fields().keySet()) {
            if (!known.contains(id)) {
                errors.put(id, UNKNOWN);
            }
        }
        for (String id : input.tables().keySet()) {
            if (def.field(id).map(f -> f.type() != FieldType.TABLE).orElse(true)) {
                errors.put(id, UNKNOWN);
            }
        }
        if (!errors.isEmpty()) {
            throw new FormValidationException(errors);
        }
        SourceExpression.SourceContext ctx = prefill.context(def, cards, input.roles(), today);
        List<String> names = new ArrayList<>();
        for (FormDefinition.Signature s : def.signatures()) {
            names.add(s.nameSource() == null ? null : SourceExpression.parse(s.nameSource()).evaluate(ctx));
        }
        String place = def.placeSource() == null ? null : SourceExpression.parse(def.placeSource()).evaluate(ctx);
        String verdict = cards.isEmpty() || cards.get(0).verification() == null ? null
                : cards.get(0).verification().overall().name();
        return new FilledForm(def, values, tables, readOnly, names, place, today, newReference(today),
                OffsetDateTime.now(clock), station, verdict);
    }

    private static List<Map<String, String>> table(FormDefinition.Field f, List<Map<String, String>> given,
            Map<String, I18n> errors) {
        List<Map<String, String>> rows = new ArrayList<>();
        if (given == null) {
            return rows;
        }
        int n = 0;
        for (Map<String, String> row : given) {
            Map<String, String> clean = new LinkedHashMap<>();
            boolean any = false;
            for (FormDefinition.Column c : f.columns()) {
                String v = clean(row.get(c.id()), c.type());
                if (v != null) {
                    any = true;
                    clean.put(c.id(), v);
                }
            }
            for (String col : row.keySet()) {
                if (f.columns().stream().noneMatch(c -> c.id().equals(col))) {
                    errors.put(f.id() + "." + n + "." + col, UNKNOWN);
                }
            }
            if (!any) {
                continue; // an empty row the person did not use
            }
            if (rows.size() >= f.effectiveMaxRows()) {
                errors.put(f.id(), I18n.of("Tối đa " + f.effectiveMaxRows() + " dòng", "At most "
                        + f.effectiveMaxRows() + " rows"));
                break;
            }
            for (FormDefinition.Column c : f.columns()) {
                String key = f.id() + "." + rows.size() + "." + c.id();
                String v = clean.get(c.id());
                if (v == null) {
                    if (c.required()) {
                        errors.put(key, REQUIRED);
                    }
                    continue;
                }
                I18n problem = check(c.asField(), v);
                if (problem != null) {
                    errors.put(key, problem);
                }
            }
            rows.add(clean);
            n++;
        }
        return rows;
    }

    /** NFC, trimmed, null when blank; line breaks only in a textarea. */
    private static String clean(String raw, FieldType type) {
        if (raw == null) {
            return null;
        }
        String v = Text.nfcOrNull(raw.replace("\r\n", "\n").replace('\r', '\n'));
        if (v != null && type != FieldType.TEXTAREA) {
            v = v.replace('\n', ' ');
        }
        return v;
    }

    /** The problem with a non-empty value, or null when it is fine. */
    static I18n check(FormDefinition.Field f, String v) {
        if (v.length() > f.effectiveMaxLength()) {
            return I18n.of("Tối đa " + f.effectiveMaxLength() + " ký tự", "At most " + f.effectiveMaxLength()
                    + " characters");
        }
        if (CONTROL.matcher(v).find()) {
            return I18n.of("Có ký tự không hợp lệ", "Contains characters that are not allowed");
        }
        I18n builtIn = switch (f.type()) {
            case DATE -> date(v);
            case ID_NUMBER -> ID_NUMBER.matcher(v).matches() ? null
                    : I18n.of("Số định danh gồm đúng 12 chữ số", "The ID number has exactly 12 digits");
            case PHONE -> PHONE.matcher(v.replace(" ", "")).matches() ? null
                    : I18n.of("Số điện thoại gồm 10 chữ số, bắt đầu bằng 0", "A phone number has 10 digits and starts with 0");
            case EMAIL -> EMAIL.matcher(v).matches() ? null
                    : I18n.of("Địa chỉ email không hợp lệ", "Not a valid email address");
            case NUMBER -> NUMBER.matcher(v).matches() ? null : I18n.of("Chỉ nhập chữ số", "Digits only");
            case SELECT -> f.options().stream().anyMatch(o -> o.value().equals(v)) ? null
                    : I18n.of("Hãy chọn một mục trong danh sách", "Choose one of the options");
            default -> null;
        };
        if (builtIn != null) {
            return builtIn;
        }
        if (f.pattern() != null && !Pattern.compile(f.pattern()).matcher(v).matches()) {
            return f.hint() != null ? f.hint() : I18n.of("Giá trị không đúng định dạng", "Not in the expected format");
        }
        return null;
    }

    private static I18n date(String v) {
        try {
            LocalDate.parse(v, DMY);
            return null;
        } catch (DateTimeParseException e) {
            return I18n.of("Ngày theo dạng ngày/tháng/năm, ví dụ 05/09/2024", "A date as day/month/year, e.g. 05/09/2024");
        }
    }

    /** A short random reference, easy to read out (no 0/O, 1/I). */
    static String newReference(LocalDate today) {
        StringBuilder sb = new StringBuilder("K").append(today.format(DateTimeFormatter.BASIC_ISO_DATE)).append('-');
        for (int i = 0; i < 6; i++) {
            sb.append(REFERENCE_ALPHABET[RANDOM.nextInt(REFERENCE_ALPHABET.length)]);
        }
        return sb.toString();
    }
}
