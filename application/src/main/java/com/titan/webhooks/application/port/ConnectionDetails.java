package com.titan.webhooks.application.port;

import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.Enrichment;
import com.titan.webhooks.domain.connection.Note;
import com.titan.webhooks.domain.reminder.Reminder;
import java.util.List;
import java.util.Optional;

/**
 * A connection with what points at it: its reminders, the lead status of the TitanX contact it is
 * linked to, and one page each of its notes and enrichments. It is what the connection's route
 * serves, so it is also a connection's state in a change record, where the notes and enrichments
 * are those the change added (the connection's history of them would make every change as large
 * as the history; a reader that wants it pages it from the route).
 */
public record ConnectionDetails(Connection connection, List<Reminder> reminders, Optional<String> leadStatus,
                                Page<Note> notes, Page<Enrichment> enrichments) implements AggregateSnapshot {

    /** A connection's route shows this many of its reminders, in id order; the rest are listed through /api/reminders. */
    public static final int REMINDERS_SHOWN = 100;

    public ConnectionDetails {
        reminders = List.copyOf(reminders);
    }

    /** The state of a change: the notes and enrichments are those added by the events applied to {@code connection}. */
    public ConnectionDetails(Connection connection, List<Reminder> reminders, Optional<String> leadStatus) {
        this(connection, reminders, leadStatus, new Page<>(connection.addedNotes(), Optional.empty()),
                new Page<>(connection.addedEnrichments(), Optional.empty()));
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
