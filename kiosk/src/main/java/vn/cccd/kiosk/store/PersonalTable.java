package vn.cccd.kiosk.store;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A table that holds personal data, registered with {@link Database#register(PersonalTable)} by the feature that
 * owns it, so that the data-subject endpoints find and erase a person's rows in it and the retention purge
 * removes its old rows. Every such table has a column with the keyed hash of the person's ID number
 * ({@link FieldCipher#subjectHash}) and a column with the time (epoch milliseconds) from which retention counts.
 *
 * @param table table name
 * @param description what the rows are, for the person asking (Vietnamese / English)
 * @param idColumn the row's key
 * @param subjectColumn the keyed hash of the ID or passport number
 * @param retentionColumn epoch milliseconds from which the retention period counts (e.g. the end of the stay)
 * @param shownColumns columns listed for the person by {@code GET /api/privacy/subject}
 * @param encryptedColumns which of the shown columns hold {@link FieldCipher} values (context
 *     {@code table.column:id}), decrypted for the listing
 */
public record PersonalTable(String table, String description, String idColumn, String subjectColumn,
        String retentionColumn, List<String> shownColumns, Set<String> encryptedColumns) {

    private static final String NAME = "[a-z][a-z0-9_]{0,62}";

    public PersonalTable {
        Objects.requireNonNull(description, "description");
        shownColumns = List.copyOf(shownColumns);
        encryptedColumns = Set.copyOf(encryptedColumns);
        // names are put into SQL text: only plain identifiers
        for (String n : List.of(table, idColumn, subjectColumn, retentionColumn)) {
            check(n);
        }
        shownColumns.forEach(PersonalTable::check);
        if (!shownColumns.containsAll(encryptedColumns)) {
            throw new IllegalArgumentException("encrypted columns must be among the shown columns");
        }
    }

    private static void check(String name) {
        if (name == null || !name.matches(NAME)) {
            throw new IllegalArgumentException("not a plain SQL name: " + name);
        }
    }

    /** The {@link FieldCipher} context of a value in this table. */
    public String context(String column, String id) {
        return table + "." + column + ":" + id;
    }
}
