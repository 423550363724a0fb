package vn.cccd.reader.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Passive Authentication outcome.
 *
 * @param dataGroupHashes per file name ("DG1", "DG13", ...): MATCH, MISMATCH or NOT_READ
 * @param problems every problem found, in words a person can act on
 * @param notes what is worth knowing but is no problem, e.g. a Document Signer certificate that has expired since it
 *        signed a card that is still valid (docs/PASSIVE-AUTHENTICATION.md)
 */
@JsonPropertyOrder({"status", "signatureValid", "chainTrusted", "dataGroupHashes", "documentSigner", "csca", "problems",
    "notes"})
public record PassiveAuthentication(
        Status status,
        boolean signatureValid,
        boolean chainTrusted,
        Map<String, HashStatus> dataGroupHashes,
        Signer documentSigner,
        Csca csca,
        List<String> problems,
        List<String> notes) {

    public enum Status { VALID, INVALID, UNTRUSTED, NOT_CHECKED }

    public enum HashStatus { MATCH, MISMATCH, NOT_READ }

    public record Signer(String subject, String notBefore, String notAfter) {
    }

    public record Csca(String subject) {
    }

    public PassiveAuthentication {
        dataGroupHashes = dataGroupHashes == null ? Map.of() : new TreeMap<>(dataGroupHashes);
        problems = problems == null ? List.of() : List.copyOf(problems);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** Without notes. */
    public PassiveAuthentication(Status status, boolean signatureValid, boolean chainTrusted,
            Map<String, HashStatus> dataGroupHashes, Signer documentSigner, Csca csca, List<String> problems) {
        this(status, signatureValid, chainTrusted, dataGroupHashes, documentSigner, csca, problems, List.of());
    }

    public static PassiveAuthentication notChecked(String why) {
        return new PassiveAuthentication(Status.NOT_CHECKED, false, false, Map.of(), null, null,
                why == null ? List.of() : List.of(why));
    }
}
