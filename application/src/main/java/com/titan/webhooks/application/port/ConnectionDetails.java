package com.titan.webhooks.application.port;

import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.reminder.Reminder;
import java.util.List;
import java.util.Optional;

/**
 * A connection with what points at it: its reminders, and the lead status of the TitanX contact it
 * is linked to. It is what the connection's route serves, so it is also a connection's state in a
 * change record.
 */
public record ConnectionDetails(Connection connection, List<Reminder> reminders, Optional<String> leadStatus)
        implements AggregateSnapshot {

    /** A connection's route shows this many of its reminders, in id order; the rest are listed through /api/reminders. */
    public static final int REMINDERS_SHOWN = 100;

    public ConnectionDetails {
        reminders = List.copyOf(reminders);
    }

    @Override
    public AggregateType type() {
        return AggregateType.CONNECTION;
    }

    @Override
    public String id() {
        return connection.id().value();
    }

    @Override
    public boolean deleted() {
        return connection.isDeleted();
    }
}
