package vn.cccd.kiosk.hospital;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A structural check of a FHIR R4 {@code Patient} in JSON, written from the R4 specification (Patient, Identifier,
 * CodeableConcept, Coding, HumanName, Address, primitive types): every property must be an element of the resource or
 * data type with the right JSON type and cardinality, codes from required bindings must be in their value set
 * (administrative-gender, identifier-use, name-use, address-use/type), URIs absolute, dates in the R4 date format,
 * no nulls, empty strings, empty arrays or empty objects (FHIR JSON forbids them). Returns the problems, empty when
 * the resource conforms.
 */
final class FhirR4PatientChecker {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
    static final Pattern DATE = Pattern.compile("([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)"
            + "(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?");
    static final Pattern URI = Pattern.compile("[a-z][a-z0-9+.-]*:\\S+");
    static final Pattern CODE = Pattern.compile("[^\\s]+( [^\\s]+)*");
    static final Set<String> GENDER = Set.of("male", "female", "other", "unknown");
    static final Set<String> IDENTIFIER_USE = Set.of("usual", "official", "temp", "secondary", "old");
    static final Set<String> NAME_USE = Set.of("usual", "official", "temp", "nickname", "anonymous", "old", "maiden");
    static final Set<String> ADDRESS_USE = Set.of("home", "work", "temp", "old", "billing");
    static final Set<String> ADDRESS_TYPE = Set.of("postal", "physical", "both");
    /** HL7 v2 table 0203 codes used for patient identifiers (a subset of the table). */
    static final Set<String> V2_0203 = Set.of("NI", "PPN", "DL", "MR", "SS", "NH", "SB", "MC", "PRN", "JHN");

    /** Element name to JSON kind; "[]" marks 0..* elements. */
    private static final Map<String, String> PATIENT = Map.ofEntries(
            Map.entry("resourceType", "string"), Map.entry("id", "id"), Map.entry("meta", "object"),
            Map.entry("implicitRules", "uri"), Map.entry("language", "code"), Map.entry("text", "object"),
            Map.entry("contained", "[]object"), Map.entry("extension", "[]object"),
            Map.entry("modifierExtension", "[]object"), Map.entry("identifier", "[]Identifier"),
            Map.entry("active", "boolean"), Map.entry("name", "[]HumanName"), Map.entry("telecom", "[]object"),
            Map.entry("gender", "gender"), Map.entry("birthDate", "date"), Map.entry("deceasedBoolean", "boolean"),
            Map.entry("deceasedDateTime", "string"), Map.entry("address", "[]Address"),
            Map.entry("maritalStatus", "CodeableConcept"), Map.entry("multipleBirthBoolean", "boolean"),
            Map.entry("multipleBirthInteger", "integer"), Map.entry("photo", "[]object"),
            Map.entry("contact", "[]object"), Map.entry("communication", "[]object"),
            Map.entry("generalPractitioner", "[]object"), Map.entry("managingOrganization", "object"),
            Map.entry("link", "[]object"));
    private static final Map<String, String> IDENTIFIER = Map.of("id", "string", "extension", "[]object",
            "use", "identifierUse", "type", "CodeableConcept", "system", "uri", "value", "string", "period", "object",
            "assigner", "object");
    private static final Map<String, String> CODEABLE = Map.of("id", "string", "extension", "[]object",
            "coding", "[]Coding", "text", "string");
    private static final Map<String, String> CODING = Map.of("id", "string", "extension", "[]object",
            "system", "uri", "version", "string", "code", "code", "display", "string", "userSelected", "boolean");
    private static final Map<String, String> HUMAN_NAME = Map.of("id", "string", "extension", "[]object",
            "use", "nameUse", "text", "string", "family", "string", "given", "[]string", "prefix", "[]string",
            "suffix", "[]string", "period", "object");
    private static final Map<String, String> ADDRESS = Map.ofEntries(Map.entry("id", "string"),
            Map.entry("extension", "[]object"), Map.entry("use", "addressUse"), Map.entry("type", "addressType"),
            Map.entry("text", "string"), Map.entry("line", "[]string"), Map.entry("city", "string"),
            Map.entry("district", "string"), Map.entry("state", "string"), Map.entry("postalCode", "string"),
            Map.entry("country", "string"), Map.entry("period", "object"));

    private final List<String> problems = new ArrayList<>();

    static List<String> check(JsonNode patient) {
        FhirR4PatientChecker c = new FhirR4PatientChecker();
        if (!patient.isObject()) {
            return List.of("not a JSON object");
        }
        if (!"Patient".equals(patient.path("resourceType").asText())) {
            c.problems.add("resourceType must be Patient");
        }
        c.object("Patient", patient, PATIENT);
        return c.problems;
    }

    private void object(String path, JsonNode node, Map<String, String> elements) {
        if (!node.isObject()) {
            problems.add(path + " must be an object");
            return;
        }
        if (node.isEmpty()) {
            problems.add(path + " must not be empty");
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String kind = elements.get(e.getKey());
            String p = path + "." + e.getKey();
            if (kind == null) {
                problems.add(p + " is not an element of " + path);
                continue;
            }
            if (kind.startsWith("[]")) {
                if (!e.getValue().isArray() || e.getValue().isEmpty()) {
                    problems.add(p + " must be a non-empty array");
                    continue;
                }
                int i = 0;
                for (JsonNode item : e.getValue()) {
                    value(p + "[" + i++ + "]", item, kind.substring(2));
                }
            } else {
                if (e.getValue().isArray()) {
                    problems.add(p + " must not be an array (0..1)");
                    continue;
                }
                value(p, e.getValue(), kind);
            }
        }
    }

    private void value(String p, JsonNode v, String kind) {
        if (v.isNull()) {
            problems.add(p + " is null (FHIR JSON has no nulls)");
            return;
        }
        switch (kind) {
            case "string" -> text(p, v, null);
            case "id" -> text(p, v, ID);
            case "uri" -> text(p, v, URI);
            case "code" -> text(p, v, CODE);
            case "date" -> text(p, v, DATE);
            case "gender" -> bound(p, v, GENDER);
            case "identifierUse" -> bound(p, v, IDENTIFIER_USE);
            case "nameUse" -> bound(p, v, NAME_USE);
            case "addressUse" -> bound(p, v, ADDRESS_USE);
            case "addressType" -> bound(p, v, ADDRESS_TYPE);
            case "boolean" -> {
                if (!v.isBoolean()) {
                    problems.add(p + " must be a JSON boolean");
                }
            }
            case "integer" -> {
                if (!v.isInt()) {
                    problems.add(p + " must be a JSON integer");
                }
            }
            case "object" -> {
                if (!v.isObject() || v.isEmpty()) {
                    problems.add(p + " must be a non-empty object");
                }
            }
            case "Identifier" -> object(p, v, IDENTIFIER);
            case "CodeableConcept" -> object(p, v, CODEABLE);
            case "Coding" -> {
                object(p, v, CODING);
                if ("http://terminology.hl7.org/CodeSystem/v2-0203".equals(v.path("system").asText())
                        && !V2_0203.contains(v.path("code").asText())) {
                    problems.add(p + ".code is not an identifier type of v2-0203");
                }
            }
            case "HumanName" -> object(p, v, HUMAN_NAME);
            case "Address" -> object(p, v, ADDRESS);
            default -> problems.add(p + ": unknown kind " + kind);
        }
    }

    private void text(String p, JsonNode v, Pattern format) {
        if (!v.isTextual()) {
            problems.add(p + " must be a JSON string");
        } else if (v.asText().isEmpty() || !v.asText().strip().equals(v.asText())) {
            problems.add(p + " must not be empty or padded");
        } else if (format != null && !format.matcher(v.asText()).matches()) {
            problems.add(p + " '" + v.asText() + "' does not match " + format.pattern());
        }
    }

    private void bound(String p, JsonNode v, Set<String> codes) {
        if (!v.isTextual() || !codes.contains(v.asText())) {
            problems.add(p + " must be one of " + codes);
        }
    }
}
