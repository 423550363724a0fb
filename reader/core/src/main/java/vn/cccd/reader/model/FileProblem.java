package vn.cccd.reader.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A file of the card that was read but could not be understood, and what the read did instead: the read went on
 * without it (Passive Authentication still checks its hash), so the verdict stands and the fields it would have
 * given are null for the person to type.
 *
 * @param file the contract's file name ("DG13", "DG14", ...)
 * @param message why, and what was done instead, in words a person can act on (no personal data)
 */
@JsonPropertyOrder({"file", "message"})
public record FileProblem(String file, String message) {
}
