package vn.cccd.reader.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The card read JSON of the public contract ({@code read --json}, {@code verify --json}, kiosk
 * {@code GET /api/session}). Field names are part of the contract: do not rename.
 *
 * @param face absent (not null) when the portrait was not read
 */
@JsonPropertyOrder({"document", "person", "face", "verification", "dataGroups", "stats"})
public record CardReadResult(
        DocumentInfo document,
        Person person,
        @JsonInclude(JsonInclude.Include.NON_NULL) Face face,
        Verification verification,
        List<String> dataGroups,
        Stats stats) {

    public CardReadResult {
        dataGroups = dataGroups == null ? List.of() : List.copyOf(dataGroups);
    }

    public CardReadResult withVerification(Verification v) {
        return new CardReadResult(document, person, face, v, dataGroups, stats);
    }

    public CardReadResult withoutFace() {
        return new CardReadResult(document, person, null, verification, dataGroups, stats);
    }
}
