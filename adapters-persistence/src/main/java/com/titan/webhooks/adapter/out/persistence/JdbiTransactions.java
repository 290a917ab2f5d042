package com.titan.webhooks.adapter.out.persistence;

import com.titan.webhooks.application.port.StoreUnavailableException;
import com.titan.webhooks.application.port.out.ConcurrentUpdateException;
import com.titan.webhooks.application.port.out.Transactions;
import java.util.function.Supplier;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Persistence adapter: the unit of work, on JDBI's own handle scope. {@code Jdbi.inTransaction}
 * binds its handle to the calling thread until it returns, and while one is bound, every
 * {@code Jdbi.withHandle} and {@code Jdbi.inTransaction} on that thread runs on it (a transaction
 * nested in another joins it: {@code Handle.inTransaction} on a handle already in one just runs
 * the work). So the repositories' statements inside {@link #inTransaction} commit or roll back
 * together; outside one, each runs on a handle of its own.
 */
public final class JdbiTransactions implements Transactions {

    private final Jdbi jdbi;

    public JdbiTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return inTransaction(handle -> work.get());
    }

    /** Runs {@code callback} in a transaction: the caller's, if this thread is in one, or a new one. */
    <T> T inTransaction(HandleCallback<T, RuntimeException> callback) {
        try {
            return jdbi.inTransaction(callback);
        } catch (JdbiException failure) {
            throw translated(failure);
        }
    }

    /** Runs {@code callback} on the handle of the caller's transaction, if this thread is in one, or on its own. */
    <T> T withHandle(HandleCallback<T, RuntimeException> callback) {
        try {
            return jdbi.withHandle(callback);
        } catch (JdbiException failure) {
            throw translated(failure);
        }
    }

    /** Whether the calling thread is inside a unit of work (or a store call) right now. */
    boolean inUnitOfWork() {
        return jdbi.getHandleScope().get() != null;
    }

    private static RuntimeException translated(JdbiException failure) {
        if (StoreFailures.isConflict(failure)) {
            // two workers locked the same rows in opposite orders, and the store rolled this one back
            return new ConcurrentUpdateException("the store rolled back for a concurrent transaction: "
                    + rootMessage(failure));
        }
        return unavailable(failure);
    }

    static StoreUnavailableException unavailable(JdbiException failure) {
        return new StoreUnavailableException("the store failed: " + rootMessage(failure), failure);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
