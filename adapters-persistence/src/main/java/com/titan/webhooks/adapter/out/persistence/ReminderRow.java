package com.titan.webhooks.adapter.out.persistence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.titan.webhooks.domain.reminder.Reminder;
import com.titan.webhooks.domain.reminder.ReminderField;
import com.titan.webhooks.domain.reminder.ReminderId;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** A {@code reminders} row: the whole reminder as JSON, plus the columns queries filter on. */
record ReminderRow(String id, long version, String state, String status, String connectionId, Long scheduledFor) {

    static ReminderRow from(Reminder reminder) {
        ObjectNode state = StateJson.object();
        state.set("fields", StateJson.fields(reminder.fields(), ReminderField::wireName));
        return new ReminderRow(reminder.id().value(), reminder.version(), StateJson.write(state),
                reminder.field(ReminderField.STATUS).orElse(null),
                reminder.field(ReminderField.CONNECTION_ID).orElse(null),
                reminder.scheduledFor().flatMap(ReminderRow::epochMillis).orElse(null));
    }

    /** A due time beyond the range of epoch milliseconds (year 292 million) cannot be filtered on. */
    private static Optional<Long> epochMillis(Instant at) {
        try {
            return Optional.of(at.toEpochMilli());
        } catch (ArithmeticException outOfRange) {
            return Optional.empty();
        }
    }

    Reminder toDomain() {
        return StateJson.reconstitute("reminder", id, this::read);
    }

    private Reminder read() {
        return Reminder.reconstitute(new ReminderId(id), StateJson.fields(StateJson.read(state).get("fields"),
                name -> ReminderField.valueOf(name.toUpperCase(Locale.ROOT))), version);
    }
}
