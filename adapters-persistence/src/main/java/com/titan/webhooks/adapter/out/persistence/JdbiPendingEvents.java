package com.titan.webhooks.adapter.out.persistence;

import static com.titan.webhooks.adapter.out.persistence.StoredEventRow.COLUMNS;

import com.titan.webhooks.application.port.out.PendingEvents;
import com.titan.webhooks.application.port.out.ReplaySelection;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.delivery.ProcessingStatus;
import com.titan.webhooks.domain.delivery.StoredEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.result.ResultIterator;

/**
 * Persistence adapter: the inbox's events still to be applied, in PostgreSQL or SQLite. Due events
 * are claimed in receipt order; on PostgreSQL the claim locks them, so that workers share the work.
 */
public final class JdbiPendingEvents implements PendingEvents {

    private static final String CLAIM_POSTGRESQL = "SELECT " + COLUMNS + """
             FROM inbox_events
            WHERE status IN ('received', 'failed') AND next_attempt_at <= :now
            ORDER BY seq
            LIMIT :limit
            FOR UPDATE SKIP LOCKED
            """;
    // SQLite has one writer at a time: the write transaction itself is the claim
    private static final String CLAIM_SQLITE = "SELECT " + COLUMNS + """
             FROM inbox_events
            WHERE status IN ('received', 'failed') AND next_attempt_at <= :now
            ORDER BY seq
            LIMIT :limit
            """;
    private static final String OLDEST_DUE = """
            SELECT received_at FROM inbox_events
            WHERE status IN ('received', 'failed') AND next_attempt_at <= :now
            ORDER BY seq
            LIMIT 1
            """;
    private static final String MARK = "UPDATE inbox_events SET status = :status WHERE id IN (<ids>)";
    private static final String MARK_FAILED = """
            UPDATE inbox_events SET status = :status, attempts = :attempts, last_error = :error,
                                    next_attempt_at = :retryAt
            WHERE id = :id
            """;
    private static final String REPLAYABLE_BY_ID =
            "SELECT id FROM inbox_events WHERE id = :id AND status <> 'malformed'";
    private static final String REPLAYABLE_BY_STATUS =
            "SELECT id FROM inbox_events WHERE status = :status AND status <> 'malformed' ORDER BY seq";
    private static final String REQUEUE = """
            UPDATE inbox_events SET status = 'received', attempts = 0, next_attempt_at = :now
            WHERE id IN (<ids>)
            """;

    private static final long CLAIM_BYTES = 16L * 1024 * 1024;
    private static final int CLAIM_FETCH_SIZE = 50;

    private final JdbiTransactions transactions;
    private final Dialect dialect;

    public JdbiPendingEvents(JdbiTransactions transactions, Dialect dialect) {
        this.transactions = transactions;
        this.dialect = dialect;
    }

    /**
     * Claims as the port says, but stops once the claimed bodies reach {@link #CLAIM_BYTES}: a batch
     * of large deliveries must not need hundreds of megabytes of heap. At least one event is always
     * claimed; the rest stay due for the next batch.
     */
    @Override
    public List<StoredEvent> claimDue(Instant now, int limit) {
        String sql = dialect == Dialect.POSTGRESQL ? CLAIM_POSTGRESQL : CLAIM_SQLITE;
        return transactions.withHandle(handle -> {
            try (ResultIterator<StoredEvent> rows = handle.createQuery(sql)
                    .bind("now", now.toEpochMilli())
                    .bind("limit", limit)
                    .setFetchSize(CLAIM_FETCH_SIZE)
                    .map(StoredEventRow.MAPPER)
                    .iterator()) {
                List<StoredEvent> claimed = new ArrayList<>();
                long bytes = 0;
                while (bytes < CLAIM_BYTES && rows.hasNext()) {
                    StoredEvent event = rows.next();
                    claimed.add(event);
                    bytes += event.rawBody().length;
                }
                return claimed;
            }
        });
    }

    @Override
    public void markProcessed(List<EventId> ids, ProcessingStatus status) {
        if (ids.isEmpty()) {
            return;
        }
        transactions.withHandle(handle -> handle.createUpdate(MARK)
                .bind("status", status.wireName())
                .bindList("ids", ids.stream().map(EventId::value).toList())
                .execute());
    }

    @Override
    public void markFailed(EventId id, int attempts, String error, Optional<Instant> retryAt) {
        transactions.withHandle(handle -> handle.createUpdate(MARK_FAILED)
                .bind("status", (retryAt.isPresent() ? ProcessingStatus.FAILED : ProcessingStatus.PARKED).wireName())
                .bind("attempts", attempts)
                .bind("error", error)
                .bind("retryAt", retryAt.map(Instant::toEpochMilli).orElse(Long.MAX_VALUE))
                .bind("id", id.value())
                .execute());
    }

    @Override
    public List<EventId> requeue(ReplaySelection selection, Instant now) {
        return transactions.inTransaction(handle -> {
            List<String> ids = selection.eventId().isPresent()
                    ? handle.createQuery(REPLAYABLE_BY_ID).bind("id", selection.eventId().get().value())
                            .mapTo(String.class).list()
                    : handle.createQuery(REPLAYABLE_BY_STATUS).bind("status", selection.status().orElseThrow().wireName())
                            .mapTo(String.class).list();
            if (!ids.isEmpty()) {
                handle.createUpdate(REQUEUE).bind("now", now.toEpochMilli()).bindList("ids", ids).execute();
            }
            return ids.stream().map(EventId::new).toList();
        });
    }

    @Override
    public Optional<Instant> oldestDueReceivedAt(Instant now) {
        return transactions.withHandle(handle -> handle.createQuery(OLDEST_DUE)
                .bind("now", now.toEpochMilli())
                .mapTo(Long.class)
                .findOne()
                .map(Instant::ofEpochMilli));
    }
}
