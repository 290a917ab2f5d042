package com.titan.webhooks.application.port;

import com.titan.webhooks.domain.reminder.Reminder;

/** A reminder's state in a change record. */
public record ReminderSnapshot(Reminder reminder) implements AggregateSnapshot {

    @Override
    public AggregateType type() {
        return AggregateType.REMINDER;
    }

    @Override
    public String id() {
        return reminder.id().value();
    }

    @Override
    public boolean deleted() {
        return false;
    }
}
