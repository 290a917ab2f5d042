package com.titan.webhooks.adapter.out.persistence;

import com.titan.webhooks.application.port.out.ConcurrentUpdateException;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Saves many aggregate rows with optimistic versions in two JDBC batches, one of inserts (new
 * aggregates, version 0) and one of updates: two round trips for a whole projection batch. A row
 * that another worker created or changed first counts 0, and the caller's transaction is retried.
 */
final class VersionedRows {

    private VersionedRows() {
    }

    static <R> void saveAll(Handle handle, String insert, String update, List<R> rows, ToLongFunction<R> version,
                            BiConsumer<PreparedBatch, R> bind, Function<R, String> key) {
        save(handle, insert, rows.stream().filter(row -> version.applyAsLong(row) == 0).toList(), bind, key);
        save(handle, update, rows.stream().filter(row -> version.applyAsLong(row) != 0).toList(), bind, key);
    }

    private static <R> void save(Handle handle, String sql, List<R> rows, BiConsumer<PreparedBatch, R> bind,
                                 Function<R, String> key) {
        if (rows.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch(sql);
        for (R row : rows) {
            bind.accept(batch, row);
            batch.add();
        }
        int[] counts = batch.execute();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                throw new ConcurrentUpdateException(key.apply(rows.get(i)) + " changed since it was loaded");
            }
        }
    }
}
