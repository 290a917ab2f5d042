package com.titan.webhooks.adapter.out.persistence;

import com.titan.webhooks.application.port.out.ConcurrentUpdateException;
import com.titan.webhooks.application.port.out.Reminders;
import com.titan.webhooks.domain.reminder.Reminder;
import com.titan.webhooks.domain.reminder.ReminderId;
import java.util.Optional;

/** Persistence adapter: stores reminders in PostgreSQL or SQLite through JDBI. */
public final class JdbiReminderRepository implements Reminders {

    private static final String FIND =
            "SELECT id, version, state, status, connection_id, scheduled_for FROM reminders WHERE id = :id";
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

    private final JdbiTransactions transactions;

    public JdbiReminderRepository(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<Reminder> find(ReminderId id) {
        return transactions.withHandle(handle -> handle.createQuery(FIND).bind("id", id.value())
                .map((rs, ctx) -> new ReminderRow(rs.getString("id"), rs.getLong("version"), rs.getString("state"),
                        rs.getString("status"), rs.getString("connection_id"), (Long) rs.getObject("scheduled_for", Long.class)))
                .findOne()
                .map(ReminderRow::toDomain));
    }

    @Override
    public void save(Reminder reminder) {
        ReminderRow row = ReminderRow.from(reminder);
        int changed = transactions.withHandle(handle -> handle.createUpdate(row.version() == 0 ? INSERT : UPDATE)
                .bind("id", row.id()).bind("version", row.version()).bind("state", row.state())
                .bind("status", row.status()).bind("connectionId", row.connectionId())
                .bind("scheduledFor", row.scheduledFor())
                .execute());
        if (changed != 1) {
            throw new ConcurrentUpdateException("reminder " + row.id() + " changed since version " + row.version());
        }
    }
}
