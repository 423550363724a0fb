package vn.cccd.kiosk.hospital;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An SQLite file for the hospital tables (WAL, synchronous writes: a committed check-in is on disk), with the
 * {@code db/hospital-1.sql} schema applied on first use.
 */
final class LocalSqlite implements JdbcCheckinStore.Connections {
    static final String MIGRATION = "/db/hospital-1.sql";
    private final String url;

    LocalSqlite(Path file) {
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
        try (Connection c = open()) {
            if (!hasTable(c, "hospital_checkin")) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    for (String sql : statements(migration())) {
                        s.execute(sql);
                    }
                }
                c.commit();
            }
        } catch (SQLException e) {
            throw new JdbcCheckinStore.StoreException("the hospital database cannot be opened", e);
        }
    }

    @Override
    public Connection open() throws SQLException {
        Connection c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA foreign_keys=ON");
            s.execute("PRAGMA busy_timeout=5000");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private static boolean hasTable(Connection c, String name) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet r = md.getTables(null, null, name, null)) {
            return r.next();
        }
    }

    static String migration() {
        try (InputStream in = LocalSqlite.class.getResourceAsStream(MIGRATION)) {
            if (in == null) {
                throw new IllegalStateException(MIGRATION + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The statements of a migration: split at semicolons, comment lines dropped. */
    static java.util.List<String> statements(String sql) {
        StringBuilder clean = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.strip().startsWith("--")) {
                clean.append(line).append('\n');
            }
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String s : clean.toString().split(";")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }
}
