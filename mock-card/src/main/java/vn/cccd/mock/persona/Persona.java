package vn.cccd.mock.persona;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import java.util.regex.Pattern;
import vn.cccd.reader.model.Person;

/**
 * A made-up card holder and their document, in the persona JSON format of the public contract. Every value
 * is fake: personas are for tests, demos and integrators, never copies of real people.
 *
 * @param name a slug such as {@code nguyen-thi-a}; also the seed of everything generated for the card
 * @param document the document: type, number, issuing state, expiry
 * @param person the holder, with the field names of the card read JSON
 * @param access how the chip is opened
 * @param activeAuthentication the Active Authentication key type (DG15), or NONE
 * @param chipAuthentication the Chip Authentication key type (DG14), or NONE
 * @param face a JPEG portrait file (relative to the persona file), or null for a generated one
 */
@JsonPropertyOrder({"name", "document", "person", "access", "activeAuthentication", "chipAuthentication", "face"})
public record Persona(
        String name,
        Document document,
        Person person,
        Access access,
        KeyType activeAuthentication,
        KeyType chipAuthentication,
        @JsonInclude(JsonInclude.Include.NON_NULL) String face) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Document types a persona can have. */
    public enum DocumentType { CCCD, PASSPORT }

    /** Key types for Active and Chip Authentication. */
    public enum KeyType { RSA, EC, NONE }

    /**
     * @param documentNumber for a CCCD defaults to the last 9 digits of {@code person.idNumber}
     * @param expiryDate ISO date, or null for a card without expiry (MRZ {@code 991231})
     */
    @JsonPropertyOrder({"type", "documentNumber", "issuingState", "expiryDate"})
    public record Document(DocumentType type, String documentNumber, String issuingState, String expiryDate) {
    }

    /**
     * @param can the 6-digit card access number, or null
     * @param paceCanOnly the chip's PACE takes only its CAN: PACE with the MRZ data is refused as a wrong password
     *        (63Cx at the last step), while BAC opens with the MRZ data. Public reports of Vietnamese chips: PACE
     *        failing and BAC working with the same MRZ data, and "PACE is CAN type" (cccd-card.md §1.2, [I2], [I4]);
     *        how a real chip refuses is not published. Needs {@code pace}, {@code bac} and {@code can}.
     */
    @JsonPropertyOrder({"bac", "pace", "can", "paceCanOnly"})
    public record Access(boolean bac, boolean pace, String can,
            @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean paceCanOnly) {
        public static final Access BAC_ONLY = new Access(true, false, null, false);

        public Access {
            paceCanOnly = Boolean.TRUE.equals(paceCanOnly); // absent in most persona files
        }

        public Access(boolean bac, boolean pace, String can) {
            this(bac, pace, can, false);
        }
    }

    public Persona {
        Objects.requireNonNull(name, "persona name");
        if (!SLUG.matcher(name).matches()) {
            throw new IllegalArgumentException("persona name must be a slug like nguyen-thi-a, got '" + name + "'");
        }
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(document.type(), "document.type");
        Objects.requireNonNull(person, "person");
        access = access == null ? Access.BAC_ONLY : access;
        activeAuthentication = activeAuthentication == null ? KeyType.NONE : activeAuthentication;
        chipAuthentication = chipAuthentication == null ? KeyType.NONE : chipAuthentication;
        if (chipAuthentication == KeyType.RSA) {
            throw new IllegalArgumentException("chipAuthentication must be EC or NONE");
        }
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isCccd() {
        return document.type() == DocumentType.CCCD;
    }

    /** The document number in the MRZ: as given, or for a CCCD the last 9 digits of the ID number. */
    public String documentNumber() {
        if (document.documentNumber() != null && !document.documentNumber().isBlank()) {
            return document.documentNumber();
        }
        String id = person.idNumber();
        if (isCccd() && id != null && id.length() >= 9) {
            return id.substring(id.length() - 9);
        }
        throw new IllegalStateException("persona " + name + " has no document number");
    }

    /** The issuing state (ICAO code), VNM unless given. */
    public String issuingState() {
        String s = document.issuingState();
        return s == null || s.isBlank() ? "VNM" : s;
    }

    /** Personal data never reaches logs. */
    @Override
    public String toString() {
        return "Persona[" + name + ", " + document.type() + "]";
    }
}
