package vn.cccd.kiosk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The register of what personal data is stored (the {@link PersonalTable}s the features registered) and the
 * data-subject requests over it: everything about the holder of an ID number, found or erased by the number's
 * keyed hash, never the number itself.
 */
public final class PersonalData {
    private final SharedConnection shared;
    private final FieldCipher cipher;
    private final List<PersonalTable> tables = new CopyOnWriteArrayList<>();

    PersonalData(SharedConnection shared, FieldCipher cipher) {
        this.shared = shared;
        this.cipher = cipher;
    }

    /** Makes a table's rows findable and erasable by ID number and subject to the retention purge. */
    public synchronized void register(PersonalTable table) {
        for (PersonalTable t : tables) {
            if (t.table().equals(table.table())) {
                throw new IllegalArgumentException("table " + table.table() + " is already registered");
            }
        }
        tables.add(table);
    }

    public List<PersonalTable> tables() {
        return List.copyOf(tables);
    }

    /** Everything the registered tables hold about the holder of {@code idNumber}, decrypted. */
    public List<SubjectRecord> find(String idNumber) {
        String hash = cipher.subjectHash(idNumber);
        return shared.transaction(c -> {
            List<SubjectRecord> out = new ArrayList<>();
            for (PersonalTable t : tables) {
                StringBuilder cols = new StringBuilder(t.idColumn());
                for (String col : t.shownColumns()) {
                    cols.append(", ").append(col);
                }
                String sql = "SELECT " + cols + " FROM " + t.table() + " WHERE " + t.subjectColumn() + " = ? ORDER BY "
                        + t.retentionColumn() + ", " + t.idColumn();
                try (PreparedStatement p = c.prepareStatement(sql)) {
                    p.setString(1, hash);
                    try (ResultSet r = p.executeQuery()) {
                        while (r.next()) {
                            out.add(record(t, r));
                        }
                    }
                }
            }
            return out;
        });
    }

    private SubjectRecord record(PersonalTable t, ResultSet r) throws java.sql.SQLException {
        String id = r.getString(1);
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < t.shownColumns().size(); i++) {
            String col = t.shownColumns().get(i);
            Object v = r.getObject(i + 2);
            if (v != null && t.encryptedColumns().contains(col)) {
                v = cipher.decrypt(v.toString(), t.context(col, id));
            }
            fields.put(col, v);
        }
        return new SubjectRecord(t.table(), t.description(), id, fields);
    }

    /** Deletes every registered row about the holder of {@code idNumber}; returns how many rows, per table. */
    public Map<String, Integer> erase(String idNumber) {
        String hash = cipher.subjectHash(idNumber);
        return shared.transaction(c -> {
            Map<String, Integer> out = new LinkedHashMap<>();
            for (PersonalTable t : tables) {
                try (PreparedStatement p = c.prepareStatement("DELETE FROM " + t.table() + " WHERE "
                        + t.subjectColumn() + " = ?")) {
                    p.setString(1, hash);
                    out.put(t.table(), p.executeUpdate());
                }
            }
            return out;
        });
    }
}
