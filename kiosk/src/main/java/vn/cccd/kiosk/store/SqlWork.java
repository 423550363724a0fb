package vn.cccd.kiosk.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done in one database transaction ({@link Database#transaction}). */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
