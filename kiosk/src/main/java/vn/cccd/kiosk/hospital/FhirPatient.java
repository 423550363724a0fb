package vn.cccd.kiosk.hospital;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A check-in's patient as an HL7 FHIR R4 {@code Patient} resource (JSON as a map), with only what the card gives:
 * identifiers, name, gender, birth date, address.
 *
 * <p>Identifier systems: the personal ID number uses the Vietnamese Ministry of Health's VN Core IG (draft) naming
 * system {@value #NATIONAL_ID_SYSTEM} with type {@code NI} of HL7 v2 table 0203; the BHYT code uses VN Core's
 * {@value #INSURANCE_SYSTEM}; a passport uses {@code http://hl7.org/fhir/sid/passport-<ICAO state code>} with type
 * {@code PPN}.
 */
public final class FhirPatient {
    public static final String NATIONAL_ID_SYSTEM = "http://fhir.ehealth.gov.vn/core/sid/national_id";
    public static final String INSURANCE_SYSTEM = "http://fhir.ehealth.gov.vn/core/sid/insurance_number";
    public static final String PASSPORT_SYSTEM_PREFIX = "http://hl7.org/fhir/sid/passport-";
    public static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";
    /** The R4 {@code date} type. */
    static final Pattern FHIR_DATE = Pattern.compile("([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)"
            + "(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?");

    private FhirPatient() {
    }

    public static Map<String, Object> of(CheckIn checkIn) {
        Patient p = checkIn.patient();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("resourceType", "Patient");
        r.put("id", checkIn.id());
        List<Object> ids = new ArrayList<>();
        if (present(p.idNumber())) {
            ids.add(identifier(NATIONAL_ID_SYSTEM, p.idNumber(), coded(V2_0203, "NI",
                    "National unique individual identifier", "Số định danh cá nhân")));
        } else if (present(p.documentNumber())) {
            String state = present(p.issuingState()) ? p.issuingState().toUpperCase(Locale.ROOT) : "UNK";
            ids.add(identifier(PASSPORT_SYSTEM_PREFIX + state, p.documentNumber(), coded(V2_0203, "PPN",
                    "Passport number", "Hộ chiếu")));
        }
        String card = checkIn.bhytCardNumber();
        if (card != null) {
            boolean full = card.length() == BhytCode.FULL_LENGTH;
            Map<String, Object> type = new LinkedHashMap<>();
            type.put("text", full ? "Mã thẻ BHYT" : "Mã số BHXH");
            Map<String, Object> id = new LinkedHashMap<>();
            id.put("use", "official");
            id.put("type", type);
            id.put("system", INSURANCE_SYSTEM);
            id.put("value", card);
            ids.add(id);
        }
        if (!ids.isEmpty()) {
            r.put("identifier", ids);
        }
        r.put("active", true);
        if (present(p.fullName())) {
            r.put("name", List.of(name(p)));
        }
        r.put("gender", gender(p.sex()));
        if (present(p.dateOfBirth()) && FHIR_DATE.matcher(p.dateOfBirth()).matches()) {
            r.put("birthDate", p.dateOfBirth());
        }
        if (present(p.placeOfResidence())) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("use", "home");
            a.put("text", p.placeOfResidence());
            if ("VNM".equals(p.issuingState()) || "CCCD".equals(p.documentType())) {
                a.put("country", "VN");
            }
            r.put("address", List.of(a));
        }
        return r;
    }

    /** FHIR administrative gender from the card's sex. */
    static String gender(String sex) {
        if (sex == null) {
            return "unknown";
        }
        switch (sex.strip().toUpperCase(Locale.ROOT)) {
            case "NAM":
            case "M":
            case "MALE":
                return "male";
            case "NỮ":
            case "F":
            case "FEMALE":
                return "female";
            default:
                return "unknown";
        }
    }

    /**
     * A Vietnamese name is written family name first: "Nguyễn Thị Hồng Nhung" is family "Nguyễn", given "Thị Hồng
     * Nhung" (middle and given name together, as VN Core's examples do). Other documents keep only the full text:
     * their order is not known.
     */
    private static Map<String, Object> name(Patient p) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("use", "official");
        String full = p.fullName().strip().replaceAll("\\s+", " ");
        n.put("text", full);
        boolean vietnamese = "CCCD".equals(p.documentType()) || "VNM".equals(p.issuingState());
        int space = full.indexOf(' ');
        if (vietnamese && space > 0) {
            n.put("family", full.substring(0, space));
            n.put("given", List.of(full.substring(space + 1)));
        }
        return n;
    }

    private static Map<String, Object> identifier(String system, String value, Map<String, Object> type) {
        Map<String, Object> id = new LinkedHashMap<>();
        id.put("use", "official");
        id.put("type", type);
        id.put("system", system);
        id.put("value", value);
        return id;
    }

    private static Map<String, Object> coded(String system, String code, String display, String text) {
        Map<String, Object> coding = new LinkedHashMap<>();
        coding.put("system", system);
        coding.put("code", code);
        coding.put("display", display);
        Map<String, Object> cc = new LinkedHashMap<>();
        cc.put("coding", List.of(coding));
        cc.put("text", text);
        return cc;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
