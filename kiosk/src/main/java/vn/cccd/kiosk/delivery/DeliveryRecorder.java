package vn.cccd.kiosk.delivery;

import java.util.Map;

/**
 * Where an outbox sender writes what it delivered, retried or gave up on: the processing log. Details carry ids,
 * counts, statuses and reasons only, never personal data. Shared by the hospital webhook and the police submission.
 */
@FunctionalInterface
public interface DeliveryRecorder {
    void record(String event, Map<String, ?> details);
}
