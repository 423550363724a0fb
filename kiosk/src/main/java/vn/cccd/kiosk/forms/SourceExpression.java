package vn.cccd.kiosk.forms;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.cccd.kiosk.address.AddressConversion;
import vn.cccd.kiosk.address.AddressConverter;
import vn.cccd.reader.model.CardReadResult;
import vn.cccd.reader.model.DocumentInfo;
import vn.cccd.reader.model.Person;

/**
 * Where a field's value comes from, written in a form definition as {@code [role:]path(|filter[:arg])*}:
 * <ul>
 *   <li>{@code person.fullName}: the person's card (the first card read);</li>
 *   <li>{@code mother:person.fullName}: the card given the role {@code mother} (see
 *       {@link FormDefinition.CardRole});</li>
 *   <li>{@code config:authority.police}: a station value ({@code prefill.authority.police} in kiosk.properties);</li>
 *   <li>{@code today}: the date the form is made.</li>
 * </ul>
 * Card paths are {@code person.<field of the card read JSON>}, {@code document.type|issuingState|documentNumber}
 * and {@code verification.overall}. Filters: {@code date:dd/MM/yyyy} (an ISO date in another pattern),
 * {@code year}, {@code upper}, {@code prefix:TEXT}, {@code suffix:TEXT}, and {@code address}: a pre-2025 address
 * turned into today's two-level one ({@link AddressConverter}; {@code address:note} adds the old units in
 * parentheses, as CT01's footnote (3) asks). A field with {@code address} is a proposal the person confirms or edits,
 * never read-only; a split commune gives no value until the person picks.
 */
public record SourceExpression(Kind kind, String role, String path, List<Filter> filters) {

    /** What the expression reads. */
    public enum Kind { CARD, CONFIG, TODAY }

    /** A transformation of the value; {@code arg} may be null. */
    public record Filter(String name, String arg) {
    }

    private static final Pattern ROLE = Pattern.compile("[a-z][a-zA-Z0-9]*");
    private static final Pattern CONFIG_NAME = Pattern.compile("[a-zA-Z0-9]+([.-][a-zA-Z0-9]+)*");
    private static final Set<String> PERSON = Set.of("idNumber", "fullName", "dateOfBirth", "sex", "nationality",
            "ethnicity", "religion", "placeOfOrigin", "placeOfResidence", "identifyingMarks", "issueDate",
            "expiryDate", "fatherName", "motherName", "spouseName", "oldIdNumber");
    private static final Set<String> DOCUMENT = Set.of("type", "issuingState", "documentNumber");
    private static final Locale VI = Locale.forLanguageTag("vi-VN");

    public SourceExpression {
        filters = List.copyOf(filters);
    }

    /**
     * Parses and checks an expression.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static SourceExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty source");
        }
        String[] parts = text.stripLeading().split("\\|", -1);
        String head = parts[0].strip();
        List<Filter> filters = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            filters.add(filter(parts[i]));
        }
        if (head.equals("today")) {
            return new SourceExpression(Kind.TODAY, null, null, filters);
        }
        String role = null;
        String path = head;
        int colon = head.indexOf(':');
        if (colon >= 0) {
            role = head.substring(0, colon);
            path = head.substring(colon + 1);
            if (role.equals("config")) {
                if (!CONFIG_NAME.matcher(path).matches()) {
                    throw new IllegalArgumentException("bad config name '" + path + "'");
                }
                return new SourceExpression(Kind.CONFIG, null, path, filters);
            }
            if (!ROLE.matcher(role).matches()) {
                throw new IllegalArgumentException("bad card role '" + role + "'");
            }
        }
        checkCardPath(path);
        return new SourceExpression(Kind.CARD, role, path, filters);
    }

    private static void checkCardPath(String path) {
        String[] p = path.split("\\.");
        boolean ok = p.length == 2 && (p[0].equals("person") && PERSON.contains(p[1])
                || p[0].equals("document") && DOCUMENT.contains(p[1])
                || p[0].equals("verification") && p[1].equals("overall"));
        if (!ok) {
            throw new IllegalArgumentException("unknown card path '" + path + "' (person.<field>, document.type|"
                    + "issuingState|documentNumber, verification.overall)");
        }
    }

    private static Filter filter(String text) {
        // the argument keeps its spaces: "prefix:Số " must print "Số 0011..."
        int colon = text.indexOf(':');
        String name = (colon < 0 ? text : text.substring(0, colon)).strip();
        String arg = colon < 0 ? null : text.substring(colon + 1);
        switch (name) {
            case "date":
                if (arg == null) {
                    throw new IllegalArgumentException("filter date needs a pattern, e.g. date:dd/MM/yyyy");
                }
                try {
                    DateTimeFormatter.ofPattern(arg, VI);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("bad date pattern '" + arg + "': " + e.getMessage());
                }
                break;
            case "prefix":
            case "suffix":
                if (arg == null) {
                    throw new IllegalArgumentException("filter " + name + " needs a text");
                }
                break;
            case "address":
                if (arg != null && !arg.equals("note")) {
                    throw new IllegalArgumentException("filter address takes no argument or 'note'");
                }
                break;
            case "year":
            case "upper":
                if (arg != null) {
                    throw new IllegalArgumentException("filter " + name + " takes no argument");
                }
                break;
            default:
                throw new IllegalArgumentException("unknown filter '" + name + "' (date, year, upper, prefix, suffix, address)");
        }
        return new Filter(name, arg);
    }

    /** Whether the value comes from a card (and so is read-only when the card has it, unless converted). */
    public boolean fromCard() {
        return kind == Kind.CARD;
    }

    /** Whether the value is an address converted to the current units (a proposal, not a chip value). */
    public boolean convertsAddress() {
        return filters.stream().anyMatch(f -> f.name().equals("address"));
    }

    /**
     * The conversion of the address this expression reads (the filters before {@code address} applied), or null
     * without {@code address} or without a value.
     */
    public AddressConversion conversion(SourceContext ctx) {
        int at = addressFilter();
        String v = at < 0 ? null : raw(ctx);
        if (v == null) {
            return null;
        }
        for (int i = 0; i < at; i++) {
            v = apply(filters.get(i), v);
        }
        return AddressConverter.bundled().convert(v);
    }

    /** The field value for one current address of {@code conversion} (a candidate the person may pick). */
    public String render(AddressConversion conversion, String address) {
        int at = addressFilter();
        String v = address;
        if ("note".equals(filters.get(at).arg()) && conversion.note() != null) {
            v = v + " " + conversion.note();
        }
        for (int i = at + 1; i < filters.size(); i++) {
            v = apply(filters.get(i), v);
        }
        return v;
    }

    private int addressFilter() {
        for (int i = 0; i < filters.size(); i++) {
            if (filters.get(i).name().equals("address")) {
                return i;
            }
        }
        return -1;
    }

    private String raw(SourceContext ctx) {
        String raw = switch (kind) {
            case TODAY -> ctx.today().toString();
            case CONFIG -> ctx.config(path);
            case CARD -> ctx.card(role).map(c -> read(c, path)).orElse(null);
        };
        return raw == null || raw.isBlank() ? null : raw;
    }

    /** The value, or null when the source has none (no such card, field empty on the card, no config value). */
    public String evaluate(SourceContext ctx) {
        String v = raw(ctx);
        if (v == null) {
            return null;
        }
        int at = addressFilter();
        if (at >= 0) {
            AddressConversion c = conversion(ctx);
            return c.address() == null ? null : render(c, c.address());
        }
        for (Filter f : filters) {
            v = apply(f, v);
        }
        return v;
    }

    private static String apply(Filter f, String v) {
        switch (f.name()) {
            case "date":
                try {
                    return LocalDate.parse(v).format(DateTimeFormatter.ofPattern(f.arg(), VI));
                } catch (DateTimeParseException e) {
                    return v; // not an ISO date: shown as the card has it rather than guessed
                }
            case "year":
                return v.length() >= 4 && v.substring(0, 4).chars().allMatch(Character::isDigit) ? v.substring(0, 4) : v;
            case "upper":
                return v.toUpperCase(VI);
            case "prefix":
                return f.arg() + v;
            case "suffix":
                return v + f.arg();
            default:
                throw new IllegalStateException("filter " + f.name());
        }
    }

    /** Reads a checked card path. */
    static String read(CardReadResult card, String path) {
        String[] p = path.split("\\.");
        if (p[0].equals("verification")) {
            return card.verification() == null ? null : card.verification().overall().name();
        }
        if (p[0].equals("document")) {
            DocumentInfo d = card.document();
            if (d == null) {
                return null;
            }
            return switch (p[1]) {
                case "type" -> d.type();
                case "issuingState" -> d.issuingState();
                case "documentNumber" -> d.documentNumber();
                default -> null;
            };
        }
        Person who = card.person();
        if (who == null) {
            return null;
        }
        return switch (p[1]) {
            case "idNumber" -> who.idNumber();
            case "fullName" -> who.fullName();
            case "dateOfBirth" -> who.dateOfBirth();
            case "sex" -> who.sex();
            case "nationality" -> who.nationality();
            case "ethnicity" -> who.ethnicity();
            case "religion" -> who.religion();
            case "placeOfOrigin" -> who.placeOfOrigin();
            case "placeOfResidence" -> who.placeOfResidence();
            case "identifyingMarks" -> who.identifyingMarks();
            case "issueDate" -> who.issueDate();
            case "expiryDate" -> who.expiryDate();
            case "fatherName" -> who.fatherName();
            case "motherName" -> who.motherName();
            case "spouseName" -> who.spouseName();
            case "oldIdNumber" -> who.oldIdNumber();
            default -> null;
        };
    }

    /** What an expression is evaluated against. */
    public interface SourceContext {
        /** The card in {@code role}, or the person's (first) card for a null role. */
        Optional<CardReadResult> card(String role);

        /** A station value ({@code prefill.NAME}), or null. */
        String config(String name);

        LocalDate today();
    }
}
