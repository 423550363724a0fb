package vn.cccd.kiosk.store;

import java.util.Map;

/**
 * One stored row about a person, as {@code GET /api/privacy/subject} lists it.
 *
 * @param table the registered table
 * @param description what the rows of that table are ({@link PersonalTable#description()})
 * @param id the row's key
 * @param fields the shown columns, encrypted ones decrypted
 */
public record SubjectRecord(String table, String description, String id, Map<String, Object> fields) {
}
