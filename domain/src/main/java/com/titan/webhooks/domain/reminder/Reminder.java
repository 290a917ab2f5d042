package com.titan.webhooks.domain.reminder;

import com.titan.webhooks.domain.event.Aggregate;
import com.titan.webhooks.domain.event.AggregateSize;
import com.titan.webhooks.domain.Require;
import com.titan.webhooks.domain.event.Stamped;
import com.titan.webhooks.domain.event.StampedFields;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Aggregate: a follow-up reminder for a connection, which it names by id.
 *
 * <p>Invariant: every field is last-writer-wins by stamp, so a {@code reminder.due} that arrives
 * before its {@code reminder.created} stays due.
 */
public final class Reminder implements Aggregate<Reminder> {

    private final ReminderId id;
    private final StampedFields<ReminderField> fields;
    private final long version;

    private Reminder(ReminderId id, StampedFields<ReminderField> fields, long version) {
        this.id = Require.nonNull(id, "id");
        this.fields = fields;
        this.version = version;
    }

    /** First creation: a reminder nothing is known of yet. */
    public static Reminder unseen(ReminderId id) {
        return new Reminder(id, StampedFields.empty(), 0);
    }

    /** Reconstitution from storage. */
    public static Reminder reconstitute(ReminderId id, Map<ReminderField, Stamped<String>> fields, long version) {
        return new Reminder(id, StampedFields.of(fields), version);
    }

    /** An independent copy with the same state and version, to tell what applying events changed. */
    @Override
    public Reminder copy() {
        return new Reminder(id, StampedFields.of(fields.asMap()), version);
    }

    /** Applies one event; applying the same event again changes nothing. */
    public void apply(ReminderEvent event) {
        if (!event.reminderId().equals(id)) {
            throw new IllegalArgumentException("event for reminder " + event.reminderId().value()
                    + " applied to " + id.value());
        }
        long before = fields.characters();
        fields.merge(event.fields(), event.stamp());
        AggregateSize.check("reminder", id.value(), before, fields.characters());
    }

    public ReminderId id() {
        return id;
    }

    @Override
    public long version() {
        return version;
    }

    public Optional<String> field(ReminderField field) {
        return fields.get(field);
    }

    public Map<ReminderField, Stamped<String>> fields() {
        return fields.asMap();
    }

    /**
     * When the reminder is due. A {@code scheduled_for} that is not a time (TitanCard sends
     * milliseconds; a string, a fraction or a boolean can still arrive) is kept as sent in its
     * field, but gives no due time.
     */
    public Optional<Instant> scheduledFor() {
        return fields.get(ReminderField.SCHEDULED_FOR).flatMap(Reminder::instant);
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException notATime) {
            return Optional.empty();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Reminder that && id.equals(that.id) && fields.equals(that.fields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, fields);
    }

    @Override
    public String toString() {
        return "Reminder[" + id.value() + ", " + fields + "]";
    }
}
