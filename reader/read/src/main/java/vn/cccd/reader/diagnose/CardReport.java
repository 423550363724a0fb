package vn.cccd.reader.diagnose;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import vn.cccd.reader.model.Json;

/**
 * The card report: the card's structure and protocol behaviour, with none of its holder's values (see the package
 * documentation for what is kept). Serialised as JSON ({@link #toJson()}) or as text ({@link #toText()}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"report", "reader", "atr", "extendedLength", "outcome", "verification", "cardAccess",
        "accessControl", "files", "apdus", "stats"})
public record CardReport(String report, String reader, String atr, boolean extendedLength, Outcome outcome,
        Checks verification, List<Protocol> cardAccess, AccessControl accessControl, List<FileReport> files,
        List<ApduRecord> apdus, Stats stats) {

    /** The format name and version, first in every report. */
    public static final String FORMAT = "cccd-reader card report 1";

    /**
     * How the read ended: {@code exitCode} as {@code cccd-reader read} would give; {@code error} the typed failure's
     * code and message (digit runs and quoted text removed) when it did not complete.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outcome(boolean completed, int exitCode, String error, String message) {
    }

    /** The verification's statuses only (no names, dates or problems text). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Checks(String overall, String passiveAuthentication, Map<String, String> dataGroupHashes,
            String activeAuthentication, String chipAuthentication) {
    }

    /** A SecurityInfo of EF.CardAccess: its protocol OID, version, and parameter id for PACE. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Protocol(String oid, String name, Integer version, Integer parameterId) {
    }

    /**
     * Which access control opened the chip, each attempt seen on the wire, and the reader's own record of its
     * attempts (protocol, kind of password, candidate number, outcome; never a key).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AccessControl(String worked, List<Attempt> attempts,
            List<vn.cccd.reader.model.AccessAttempt> recorded) {
    }

    /**
     * One access control attempt: PACE (MSE:Set AT C1A4 and GENERAL AUTHENTICATE) or BAC (GET CHALLENGE and
     * EXTERNAL AUTHENTICATE), whether it worked, the status word that ended it and its APDUs' indexes.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attempt(String protocol, boolean worked, String sw, int firstApdu, int lastApdu) {
    }

    /**
     * One file: {@code status} is "read", "absent" (the card has it not or will not show it) or "failed" (the read
     * stopped in it); {@code blocks} maps each READ BINARY data length to how many blocks had it; {@code parses}
     * whether this reader's parser understood the file.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FileReport(String file, String status, String sw, Integer bytes, Map<Integer, Integer> blocks,
            Boolean parses, String parseError, List<TlvSkeleton.Node> skeleton) {
    }

    /** Totals of the exchanges. */
    public record Stats(int apdus, long bytesSent, long bytesReceived, long millis) {
    }

    public String toJson() {
        return Json.write(this);
    }

    /** The same report as readable text. */
    public String toText() {
        return ReportText.of(this);
    }
}
