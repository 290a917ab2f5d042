package com.titan.webhooks.adapter.out.persistence;

import static com.titan.webhooks.adapter.out.persistence.StoredEventRow.COLUMNS;

import com.titan.webhooks.application.port.EventFilter;
import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.application.port.out.StoredEvents;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.delivery.ProcessingStatus;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.delivery.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Persistence adapter: the events the inbox holds, read and retained in PostgreSQL or SQLite. */
public final class JdbiStoredEvents implements StoredEvents {

    private static final String FIND = "SELECT " + COLUMNS + " FROM inbox_events WHERE id = :id";
    private static final String LIST = "SELECT seq, " + COLUMNS + " FROM inbox_events";
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
    private static final String BLANK = """
            UPDATE inbox_events SET raw_body = :empty, headers = '{}'
            WHERE received_at < :before AND status IN ('processed', 'ignored', 'malformed') AND length(raw_body) > 0
            """;

    private final JdbiTransactions transactions;
    private final Dialect dialect;

    public JdbiStoredEvents(JdbiTransactions transactions, Dialect dialect) {
        this.transactions = transactions;
        this.dialect = dialect;
    }

    @Override
    public Optional<StoredEvent> find(EventId id) {
        return transactions.withHandle(handle -> handle.createQuery(FIND)
                .bind("id", id.value())
                .map(StoredEventRow.MAPPER)
                .findOne());
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
}
