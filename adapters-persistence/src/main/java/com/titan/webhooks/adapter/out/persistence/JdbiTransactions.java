package com.titan.webhooks.adapter.out.persistence;

import com.titan.webhooks.application.port.StoreUnavailableException;
import com.titan.webhooks.application.port.out.ConcurrentUpdateException;
import com.titan.webhooks.application.port.out.Transactions;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Persistence adapter: the unit of work. Repositories called inside {@link #inTransaction} share
 * its handle (held per thread), so their statements commit or roll back together; outside one,
 * each statement runs on its own handle.
 */
public final class JdbiTransactions implements Transactions {

    private final Jdbi jdbi;
    private final ThreadLocal<Handle> current = new ThreadLocal<>();

    public JdbiTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        try {
            return jdbi.inTransaction(handle -> {
                current.set(handle);
                try {
                    return work.get();
                } finally {
                    current.remove();
                }
            });
        } catch (JdbiException failure) {
            throw translated(failure);
        }
    }

    <T> T withHandle(HandleCallback<T, RuntimeException> callback) {
        Handle handle = current.get();
        try {
            return handle != null ? callback.withHandle(handle) : jdbi.withHandle(callback);
        } catch (JdbiException failure) {
            throw translated(failure);
        }
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
