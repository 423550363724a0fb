package vn.cccd.kiosk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one connection the kiosk's requests share, used by one transaction at a time (a kiosk's load is a few writes
 * a minute; SQLite allows one writer anyway). Waiting for it is bounded ({@link #LOCK_WAIT}); a PostgreSQL
 * connection that broke is opened again on the next transaction.
 */
final class SharedConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SharedConnection.class);
    static final Duration LOCK_WAIT = Duration.ofSeconds(30);

    private final DatabaseTarget target;
    private final ReentrantLock lock = new ReentrantLock(true);
    private Connection connection;
    private volatile boolean closed;

    SharedConnection(DatabaseTarget target) {
        this.target = target;
    }

    /** See {@link Database#transaction}. */
    <T> T transaction(SqlWork<T> work) {
        if (lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("nested Database.transaction: use the connection you were given");
        }
        acquire();
        try {
            Connection c = connection();
            try {
                c.setAutoCommit(false);
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(c);
                if (e instanceof RuntimeException re) {
                    throw re;
                }
                throw failure((SQLException) e);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code work}, which uses connections of its own (Flyway), while no transaction of the shared connection
     * runs, after checking that the database can be reached (a {@code UNAVAILABLE} error otherwise).
     */
    <T> T exclusive(Supplier<T> work) {
        if (lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("Database.migrate inside a transaction");
        }
        acquire();
        try {
            connection();
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private void acquire() {
        if (closed) {
            throw new StorageException(StorageException.Code.UNAVAILABLE, "the register storage is closed");
        }
        try {
            if (!lock.tryLock(LOCK_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new StorageException(StorageException.Code.BUSY, "the register storage is busy; try again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException(StorageException.Code.BUSY, "interrupted while waiting for the storage");
        }
    }

    private StorageException failure(SQLException e) {
        String state = e.getSQLState();
        if (state != null && state.startsWith("08")) {
            dropConnection();
            return new StorageException(StorageException.Code.UNAVAILABLE, "the database cannot be reached: "
                    + e.getMessage(), e);
        }
        if (connectionBroken()) {
            dropConnection();
            return new StorageException(StorageException.Code.UNAVAILABLE, "the database connection was lost", e);
        }
        // SQL messages name tables and constraints, never values: values are always bound parameters
        return new StorageException(StorageException.Code.FAILED, "a database statement failed: " + e.getMessage(), e);
    }

    private boolean connectionBroken() {
        try {
            return connection == null || !connection.isValid(2);
        } catch (SQLException e) {
            return true;
        }
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.warn("rollback failed: {}", e.getMessage());
        }
    }

    /** The shared connection, opened (again) when needed. Called with the lock held. */
    private Connection connection() {
        try {
            if (connection != null && target.dialect() == Dialect.POSTGRESQL && !connection.isValid(5)) {
                dropConnection();
            }
            if (connection == null) {
                connection = target.getConnection();
            }
            return connection;
        } catch (SQLException e) {
            throw new StorageException(StorageException.Code.UNAVAILABLE, "cannot open the register database ("
                    + target.description() + "): " + e.getMessage(), e);
        }
    }

    private void dropConnection() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("closing a broken connection: {}", e.getMessage());
            }
        }
    }

    /** Refuses further transactions and closes the connection once the running one (if any) has ended. */
    @Override
    public void close() {
        closed = true;
        try {
            if (lock.tryLock(LOCK_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                try {
                    dropConnection();
                } finally {
                    lock.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
