package vn.cccd.kiosk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Recognises a wrong storage key at start, before anything is written with it: the first start stores
 * {@link FieldCipher#keyCheck()} (a fixed text encrypted with the key, never the key) in {@code storage_meta};
 * every later start must decrypt it.
 */
final class KeyCheck {
    private KeyCheck() {
    }

    /** @throws StorageException {@code WRONG_KEY} when the database was written with another key */
    static void verify(SharedConnection shared, FieldCipher cipher, String description) {
        shared.transaction(c -> {
            String stored = meta(c);
            if (stored == null) {
                // ON CONFLICT: two stations starting on a new PostgreSQL database at once write it once
                try (PreparedStatement p = c.prepareStatement(
                        "INSERT INTO storage_meta (name, value) VALUES ('key_check', ?) ON CONFLICT (name) DO NOTHING")) {
                    p.setString(1, cipher.keyCheck());
                    p.executeUpdate();
                }
                stored = meta(c);
            }
            if (!cipher.matchesKeyCheck(stored)) {
                throw new StorageException(StorageException.Code.WRONG_KEY, "the storage key does not match the key "
                        + "this database (" + description + ") was written with: check storage.keyFile or "
                        + "storage.keyEnv (without the right key the stored records cannot be read)");
            }
            return null;
        });
    }

    private static String meta(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT value FROM storage_meta WHERE name = 'key_check'");
                ResultSet r = p.executeQuery()) {
            return r.next() ? r.getString(1) : null;
        }
    }
}
