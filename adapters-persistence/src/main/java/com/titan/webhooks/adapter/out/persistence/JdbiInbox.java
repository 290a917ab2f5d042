package com.titan.webhooks.adapter.out.persistence;

import com.titan.webhooks.application.port.EventFilter;
import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.application.port.out.Appended;
import com.titan.webhooks.application.port.out.Inbox;
import com.titan.webhooks.application.port.out.NewDelivery;
import com.titan.webhooks.application.port.out.ReplaySelection;
import com.titan.webhooks.domain.delivery.Envelope;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.delivery.ProcessingStatus;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.delivery.StoredEvent;
import com.titan.webhooks.domain.signature.SecretUsed;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.result.ResultIterator;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Persistence adapter: the inbox in PostgreSQL or SQLite. Uniqueness of (source, idempotency key)
 * is a constraint of the table; an append that loses the race reads the winner's id.
 */
public final class JdbiInbox implements Inbox {

    static final String COLUMNS = "id, source, event_type, idempotency_key, occurred_at, received_at, raw_body, "
            + "headers, status, attempts, last_error, secret_position, secret_fingerprint";

    private static final String INSERT = """
            INSERT INTO inbox_events (id, source, event_type, idempotency_key, occurred_at, received_at, raw_body,
                                      headers, status, attempts, last_error, next_attempt_at,
                                      secret_position, secret_fingerprint)
            VALUES (:id, :source, :eventType, :key, :occurredAt, :receivedAt, :rawBody,
                    :headers, :status, 0, :error, :receivedAt, :secretPosition, :secretFingerprint)
            ON CONFLICT (source, idempotency_key) DO NOTHING
            """;
    private static final String FIRST_DELIVERY =
            "SELECT id FROM inbox_events WHERE source = :source AND idempotency_key = :key";
    private static final String FIND = "SELECT " + COLUMNS + " FROM inbox_events WHERE id = :id";
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
    private static final String LIST = "SELECT seq, " + COLUMNS + " FROM inbox_events";
    private static final String OLDEST_DUE = """
            SELECT received_at FROM inbox_events
            WHERE status IN ('received', 'failed') AND next_attempt_at <= :now
            ORDER BY seq
            LIMIT 1
            """;
    private static final String LAST_ACCEPTED = """
            SELECT received_at FROM inbox_events
            WHERE source = :source AND status <> 'malformed'
            ORDER BY seq DESC
            LIMIT 1
            """;
    private static final String COUNT_BY_STATUS = "SELECT status, COUNT(*) AS events FROM inbox_events";
    // the newest ones, in the order they were received: an aggregate's latest events decide its values
    private static final String MENTIONING_POSTGRESQL = "SELECT * FROM (SELECT " + COLUMNS + """
            , seq FROM inbox_events
            WHERE source = :source AND position(:text IN raw_body) > 0
            ORDER BY seq DESC
            LIMIT :limit) AS newest ORDER BY seq
            """;
    private static final String MENTIONING_SQLITE = "SELECT * FROM (SELECT " + COLUMNS + """
            , seq FROM inbox_events
            WHERE source = :source AND instr(raw_body, :text) > 0
            ORDER BY seq DESC
            LIMIT :limit) AS newest ORDER BY seq
            """;
    private static final String ACCEPTED_PER_MINUTE = """
            SELECT received_at / 60000 AS minute, COUNT(*) AS events FROM inbox_events
            WHERE source = :source AND received_at >= :since AND status <> 'malformed'
            GROUP BY received_at / 60000
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
    private static final String BLANK = """
            UPDATE inbox_events SET raw_body = :empty, headers = '{}'
            WHERE received_at < :before AND status IN ('processed', 'ignored', 'malformed') AND length(raw_body) > 0
            """;
    private static final String REQUEUE = """
            UPDATE inbox_events SET status = 'received', attempts = 0, next_attempt_at = :now
            WHERE id IN (<ids>)
            """;

    private static final long CLAIM_BYTES = 16L * 1024 * 1024;
    private static final int CLAIM_FETCH_SIZE = 50;

    private final JdbiTransactions transactions;
    private final Dialect dialect;

    public JdbiInbox(JdbiTransactions transactions, Dialect dialect) {
        this.transactions = transactions;
        this.dialect = dialect;
    }

    /** One delivery, one transaction: the simple path, used where a store has no group commit. */
    @Override
    public CompletionStage<Appended> append(NewDelivery delivery) {
        try {
            return CompletableFuture.completedFuture(transactions.withHandle(handle -> appendOn(handle, delivery)));
        } catch (RuntimeException failure) {
            return CompletableFuture.failedFuture(failure);
        }
    }

    /**
     * Appends many deliveries in one transaction: one round trip and one commit for all of them
     * (on PostgreSQL one statement, see {@link PostgresqlAppend}; on SQLite, in process, a JDBC
     * batch). A row the unique constraint turned away is a duplicate, of an earlier delivery or of
     * one earlier in the same batch; its first id is then read back.
     */
    List<Appended> appendAll(List<NewDelivery> deliveries) {
        if (dialect == Dialect.POSTGRESQL) {
            return transactions.inTransaction(() -> transactions.withHandle(handle -> {
                Set<String> inserted = PostgresqlAppend.insert(handle, deliveries);
                List<Appended> answers = new ArrayList<>(deliveries.size());
                for (NewDelivery delivery : deliveries) {
                    answers.add(PostgresqlAppend.inserted(inserted, delivery) ? new Appended(delivery.id(), false)
                            : firstDelivery(handle, delivery));
                }
                return answers;
            }));
        }
        return transactions.inTransaction(() -> transactions.withHandle(handle -> {
            PreparedBatch batch = handle.prepareBatch(INSERT);
            for (NewDelivery delivery : deliveries) {
                bindDelivery(batch, delivery).add();
            }
            int[] inserted = batch.execute();
            List<Appended> answers = new ArrayList<>(deliveries.size());
            for (int i = 0; i < deliveries.size(); i++) {
                NewDelivery delivery = deliveries.get(i);
                answers.add(inserted[i] == 0 ? firstDelivery(handle, delivery) : new Appended(delivery.id(), false));
            }
            return answers;
        }));
    }

    private static Appended appendOn(Handle handle, NewDelivery delivery) {
        int inserted = bindDelivery(handle.createUpdate(INSERT), delivery).execute();
        return inserted == 1 ? new Appended(delivery.id(), false) : firstDelivery(handle, delivery);
    }

    private static <S extends SqlStatement<S>> S bindDelivery(S statement, NewDelivery delivery) {
        Optional<Envelope> envelope = delivery.envelope();
        return statement
                .bind("id", delivery.id().value())
                .bind("source", delivery.source().wireName())
                .bind("eventType", envelope.map(Envelope::eventType).orElse(null))
                .bind("key", envelope.map(e -> e.idempotencyKey().value()).orElse(null))
                .bind("occurredAt", envelope.map(e -> e.occurredAt().toEpochMilli()).orElse(null))
                .bind("receivedAt", delivery.receivedAt().toEpochMilli())
                .bind("rawBody", delivery.body())
                .bind("headers", StoredEventRow.headersJson(delivery.headers()))
                .bind("status", delivery.status().wireName())
                .bind("error", delivery.error().orElse(null))
                .bind("secretPosition", delivery.secretUsed().map(SecretUsed::position).orElse(null))
                .bind("secretFingerprint", delivery.secretUsed().map(SecretUsed::fingerprint).orElse(null));
    }

    private static Appended firstDelivery(Handle handle, NewDelivery delivery) {
        String first = handle.createQuery(FIRST_DELIVERY)
                .bind("source", delivery.source().wireName())
                .bind("key", delivery.envelope().orElseThrow().idempotencyKey().value())
                .mapTo(String.class)
                .one();
        return new Appended(new EventId(first), true);
    }

    @Override
    public Optional<StoredEvent> find(EventId id) {
        return transactions.withHandle(handle -> handle.createQuery(FIND)
                .bind("id", id.value())
                .map(StoredEventRow.MAPPER)
                .findOne());
    }

    /**
     * Claims as above, but stops once the claimed bodies reach {@link #CLAIM_BYTES}: a batch of
     * large deliveries must not need hundreds of megabytes of heap. At least one event is always
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
    public Page<StoredEvent> list(EventFilter filter, PageRequest page) {
        ListQuery query = listQuery(filter, page);
        List<Map.Entry<Long, StoredEvent>> rows = transactions.withHandle(handle -> query.on(handle)
                .map((rs, ctx) -> Map.entry(rs.getLong("seq"), StoredEventRow.MAPPER.map(rs, ctx)))
                .list());
        return Keyset.page(rows, page.limit(), row -> String.valueOf(row.getKey()), Map.Entry::getValue);
    }

    /** The query of one page: a condition for each filter given. */
    static ListQuery listQuery(EventFilter filter, PageRequest page) {
        return filtered(ListQuery.select(LIST), filter)
                .where("seq > :after", "after", Keyset.afterNumber(page.after()))
                .then("ORDER BY seq\nLIMIT :limit", page.limit() + 1);
    }

    private static ListQuery filtered(ListQuery query, EventFilter filter) {
        return query.where(filter.source().map(Source::wireName), "source = :source", "source")
                .where(filter.type(), "event_type = :type", "type")
                .where(filter.status().map(ProcessingStatus::wireName), "status = :status", "status")
                .where(filter.since().map(Instant::toEpochMilli), "received_at >= :since", "since");
    }

    @Override
    public Map<ProcessingStatus, Long> countByStatus(EventFilter filter) {
        Map<ProcessingStatus, Long> counts = new EnumMap<>(ProcessingStatus.class);
        for (ProcessingStatus status : ProcessingStatus.values()) {
            counts.put(status, 0L);
        }
        ListQuery query = filtered(ListQuery.select(COUNT_BY_STATUS), filter).then("GROUP BY status");
        transactions.withHandle(handle -> query.on(handle)
                .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getLong("events")))
                .list())
                .forEach(row -> ProcessingStatus.fromWireName(row.getKey()).ifPresent(s -> counts.put(s, row.getValue())));
        return counts;
    }

    /** A byte search of the raw bodies: both stores compare the bytes as they are, without an index. */
    @Override
    public List<StoredEvent> mentioning(Source source, String text, int limit) {
        String sql = dialect == Dialect.POSTGRESQL ? MENTIONING_POSTGRESQL : MENTIONING_SQLITE;
        return transactions.withHandle(handle -> handle.createQuery(sql)
                .bind("source", source.wireName())
                .bind("text", text.getBytes(StandardCharsets.UTF_8))
                .bind("limit", limit)
                .map(StoredEventRow.MAPPER)
                .list());
    }

    @Override
    public Map<Long, Long> acceptedPerMinute(Source source, Instant since) {
        Map<Long, Long> counts = new HashMap<>();
        transactions.withHandle(handle -> handle.createQuery(ACCEPTED_PER_MINUTE)
                .bind("source", source.wireName())
                .bind("since", since.toEpochMilli())
                .map((rs, ctx) -> Map.entry(rs.getLong("minute"), rs.getLong("events")))
                .list())
                .forEach(row -> counts.put(row.getKey(), row.getValue()));
        return counts;
    }

    @Override
    public Optional<Instant> oldestDueReceivedAt(Instant now) {
        return transactions.withHandle(handle -> handle.createQuery(OLDEST_DUE)
                .bind("now", now.toEpochMilli())
                .mapTo(Long.class)
                .findOne()
                .map(Instant::ofEpochMilli));
    }

    @Override
    public Optional<Instant> lastAcceptedAt(Source source) {
        return transactions.withHandle(handle -> handle.createQuery(LAST_ACCEPTED)
                .bind("source", source.wireName())
                .mapTo(Long.class)
                .findOne()
                .map(Instant::ofEpochMilli));
    }

    @Override
    public int blankPayloadsReceivedBefore(Instant before) {
        return transactions.withHandle(handle -> handle.createUpdate(BLANK)
                .bind("empty", new byte[0])
                .bind("before", before.toEpochMilli())
                .execute());
    }

    @Override
    public List<EventId> requeue(ReplaySelection selection, Instant now) {
        return transactions.inTransaction(() -> transactions.withHandle(handle -> {
            List<String> ids = selection.eventId().isPresent()
                    ? handle.createQuery(REPLAYABLE_BY_ID).bind("id", selection.eventId().get().value())
                            .mapTo(String.class).list()
                    : handle.createQuery(REPLAYABLE_BY_STATUS).bind("status", selection.status().orElseThrow().wireName())
                            .mapTo(String.class).list();
            if (!ids.isEmpty()) {
                handle.createUpdate(REQUEUE).bind("now", now.toEpochMilli()).bindList("ids", ids).execute();
            }
            return ids.stream().map(EventId::new).toList();
        }));
    }
}
