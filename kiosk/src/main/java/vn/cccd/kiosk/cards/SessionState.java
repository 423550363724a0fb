package vn.cccd.kiosk.cards;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Where the session stands, for the UI ({@code GET /api/session/state}, the {@code session-state} event). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionState(boolean active, Phase phase, List<CardSummary> cards, boolean multiCard,
        boolean awaitingSecondCard, Failure error, long idleTimeoutSeconds, long idleWarningSeconds) {
    public SessionState {
        cards = List.copyOf(cards);
    }

    /** A card read: its index and verdict only. */
    public record CardSummary(int index, String overall) {
    }

    /** A failed read: the {@code read-failed} event data. */
    public record Failure(String code, String message) {
    }
}
