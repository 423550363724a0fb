package vn.cccd.reader.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The card read JSON of the public contract ({@code read --json}, {@code verify --json}, kiosk
 * {@code GET /api/session}). Field names are part of the contract: do not rename.
 *
 * @param face absent (not null) when the portrait was not read
 * @param problems the files that were read but could not be understood (absent when there is none): the read
 *     went on without them, and the verdict is unaffected when their hashes match
 */
@JsonPropertyOrder({"document", "person", "face", "verification", "dataGroups", "stats", "problems"})
public record CardReadResult(
        DocumentInfo document,
        Person person,
        @JsonInclude(JsonInclude.Include.NON_NULL) Face face,
        Verification verification,
        List<String> dataGroups,
        Stats stats,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FileProblem> problems) {

    public CardReadResult {
        dataGroups = dataGroups == null ? List.of() : List.copyOf(dataGroups);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** A result with no file problems. */
    public CardReadResult(DocumentInfo document, Person person, Face face, Verification verification,
            List<String> dataGroups, Stats stats) {
        this(document, person, face, verification, dataGroups, stats, List.of());
    }

    public CardReadResult withVerification(Verification v) {
        return new CardReadResult(document, person, face, v, dataGroups, stats, problems);
    }

    public CardReadResult withoutFace() {
        return new CardReadResult(document, person, null, verification, dataGroups, stats, problems);
    }
}
