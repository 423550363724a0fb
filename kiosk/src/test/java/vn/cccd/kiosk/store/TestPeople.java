package vn.cccd.kiosk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import vn.cccd.kiosk.testing.MutableClock;
import vn.cccd.kiosk.testing.TestDatabases;

/**
 * The personal table of the storage tests ({@code test/resources/db/testmod}: {@code test_person}) and how a row
 * is written to it, shared by {@link DatabaseTest} and {@link LegacySchemaUpgradeTest}. Synthetic persona data only.
 */
final class TestPeople {
    /** For {@code @MethodSource}: the tests run on both databases ({@link TestDatabases#kinds()}). */
    static final String KINDS = "vn.cccd.kiosk.testing.TestDatabases#kinds";
    static final String NAME = "Trần Thị Bích Ngọc Thử";
    static final String ID = "079301234567";
    static final PersonalTable PEOPLE = new PersonalTable("test_person", "test rows", "id", "subject_hash",
            "retain_from", List.of("full_name", "note"), Set.of("full_name"));

    private TestPeople() {
    }

    /** The clock the storage tests start from (Vietnam time). */
    static MutableClock clock() {
        return new MutableClock(Instant.parse("2026-06-01T10:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    /** Writes a row as a feature does: the ID number only as its subject hash, the name encrypted. */
    static int insert(Connection c, FieldCipher cipher, String id, String idNumber, String name, long retainFrom)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO test_person (id, subject_hash, full_name, retain_from) VALUES (?, ?, ?, ?)")) {
            p.setString(1, id);
            p.setString(2, cipher.subjectHash(idNumber));
            p.setString(3, cipher.encrypt(name, PEOPLE.context("full_name", id)));
            p.setLong(4, retainFrom);
            return p.executeUpdate();
        }
    }
}
