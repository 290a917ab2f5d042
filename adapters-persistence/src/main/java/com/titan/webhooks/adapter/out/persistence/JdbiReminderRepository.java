package com.titan.webhooks.adapter.out.persistence;

import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.application.port.ReminderFilter;
import com.titan.webhooks.application.port.out.Reminders;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.reminder.Reminder;
import com.titan.webhooks.domain.reminder.ReminderId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/** Persistence adapter: stores reminders in PostgreSQL or SQLite through JDBI. */
public final class JdbiReminderRepository implements Reminders {

    private static final String FIND =
            "SELECT id, version, state, status, connection_id, scheduled_for FROM reminders WHERE id = :id";
    private static final String LIST = "SELECT id, version, state, status, connection_id, scheduled_for FROM reminders";
    private static final RowMapper<ReminderRow> ROW = (rs, ctx) -> new ReminderRow(rs.getString("id"),
            rs.getLong("version"), rs.getString("state"), rs.getString("status"), rs.getString("connection_id"),
            nullableLong(rs, "scheduled_for"));
    private static final String INSERT = """
            INSERT INTO reminders (id, version, state, status, connection_id, scheduled_for)
            VALUES (:id, 1, :state, :status, :connectionId, :scheduledFor)
            ON CONFLICT (id) DO NOTHING
            """;
    private static final String UPDATE = """
            UPDATE reminders SET version = version + 1, state = :state, status = :status,
                   connection_id = :connectionId, scheduled_for = :scheduledFor
            WHERE id = :id AND version = :version
            """;

    private static final String POINTING_AT = """
            SELECT id, version, state, status, connection_id, scheduled_for FROM reminders
            WHERE connection_id IN (<connections>)
            ORDER BY connection_id, id
            """;

    private final JdbiTransactions transactions;

    /** SQLite's driver refuses {@code getObject(column, Long.class)} on a NULL, so read it this way. */
    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    public JdbiReminderRepository(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<Reminder> find(ReminderId id) {
        return transactions.withHandle(handle -> handle.createQuery(FIND).bind("id", id.value())
                .map(ROW)
                .findOne()
                .map(ReminderRow::toDomain));
    }

    @Override
    public Map<ConnectionId, List<Reminder>> pointingAt(Collection<ConnectionId> connections, int eachAtMost) {
        if (connections.isEmpty()) {
            return Map.of();
        }
        List<String> keys = connections.stream().map(ConnectionId::value).toList();
        Map<ConnectionId, List<Reminder>> pointing = new HashMap<>();
        transactions.withHandle(handle -> handle.createQuery(POINTING_AT).bindList("connections", keys).map(ROW).list())
                .forEach(row -> {
                    List<Reminder> list = pointing.computeIfAbsent(new ConnectionId(row.connectionId()),
                            id -> new ArrayList<>());
                    if (list.size() < eachAtMost) {
                        list.add(row.toDomain());
                    }
                });
        return pointing;
    }

    @Override
    public Page<Reminder> list(ReminderFilter filter, PageRequest page) {
        ListQuery query = listQuery(filter, page);
        List<ReminderRow> rows = transactions.withHandle(handle -> query.on(handle).map(ROW).list());
        return Keyset.page(rows, page.limit(), ReminderRow::id, ReminderRow::toDomain);
    }

    /** The query of one page: a condition for each filter given. */
    static ListQuery listQuery(ReminderFilter filter, PageRequest page) {
        return ListQuery.select(LIST)
                .where("id > :after", "after", Keyset.after(page.after()))
                .where(filter.status(), "status = :status", "status")
                .where(filter.dueBefore().map(Instant::toEpochMilli), "scheduled_for < :dueBefore", "dueBefore")
                .where(filter.connectionId(), "connection_id = :connectionId", "connectionId")
                .where(filter.updatedSince().map(Instant::toEpochMilli), "changed_at >= :since", "since")
                .then("ORDER BY id\nLIMIT :limit", page.limit() + 1);
    }

    @Override
    public void save(Reminder reminder) {
        saveAll(List.of(reminder));
    }

    @Override
    public void saveAll(List<Reminder> reminders) {
        List<ReminderRow> rows = reminders.stream().map(ReminderRow::from).toList();
        transactions.withHandle(handle -> {
            VersionedRows.saveAll(handle, INSERT, UPDATE, rows, ReminderRow::version, (batch, row) -> batch
                    .bind("id", row.id()).bind("version", row.version()).bind("state", new JsonState(row.state()))
                    .bind("status", row.status()).bind("connectionId", row.connectionId())
                    .bind("scheduledFor", row.scheduledFor()), row -> "reminder " + row.id());
            return null;
        });
    }
}
