package com.titan.webhooks.application.port.out.memory;

import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.application.port.ReminderFilter;
import com.titan.webhooks.application.port.out.Reminders;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.reminder.Reminder;
import com.titan.webhooks.domain.reminder.ReminderField;
import com.titan.webhooks.domain.reminder.ReminderId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The reminders in memory. */
final class InMemoryReminders implements Reminders {

    private final VersionedAggregates<Reminder> stored;
    private final IssuedCursors cursors;

    InMemoryReminders(InMemoryStore store, IssuedCursors cursors) {
        this.stored = new VersionedAggregates<>(store, "reminder", state -> state.reminders,
                reminder -> reminder.id().value(), Reminder::version, Reminder::copy,
                (r, version) -> Reminder.reconstitute(r.id(), r.fields(), version));
        this.cursors = cursors;
    }

    @Override
    public Optional<Reminder> find(ReminderId id) {
        return stored.find(id.value());
    }

    @Override
    public Map<ReminderId, Reminder> findAll(Collection<ReminderId> ids) {
        return stored.findAll(ids.stream().map(ReminderId::value).toList()).values().stream()
                .collect(Collectors.toMap(Reminder::id, reminder -> reminder));
    }

    @Override
    public void save(Reminder aggregate) {
        stored.saveAll(List.of(aggregate));
    }

    @Override
    public void saveAll(List<Reminder> aggregates) {
        stored.saveAll(aggregates);
    }

    @Override
    public Map<ConnectionId, List<Reminder>> pointingAt(Collection<ConnectionId> connections, int eachAtMost) {
        Set<String> wanted = connections.stream().map(ConnectionId::value).collect(Collectors.toSet());
        Map<ConnectionId, List<Reminder>> pointing = new HashMap<>();
        for (Reminder reminder : stored.storedWhere(r -> connection(r).filter(wanted::contains).isPresent())) {
            List<Reminder> list = pointing.computeIfAbsent(new ConnectionId(connection(reminder).orElseThrow()),
                    id -> new ArrayList<>());
            if (list.size() < eachAtMost) {
                list.add(stored.copyOf(reminder));
            }
        }
        return pointing;
    }

    @Override
    public Page<Reminder> list(ReminderFilter filter, PageRequest page) {
        return stored.list(cursors, page, row -> {
            Reminder r = row.aggregate();
            return filter.status().map(status -> r.field(ReminderField.STATUS).equals(Optional.of(status))).orElse(true)
                    && filter.dueBefore().map(before -> dueMillis(r).filter(due -> due < before.toEpochMilli())
                            .isPresent()).orElse(true)
                    && filter.connectionId().map(id -> connection(r).equals(Optional.of(id))).orElse(true)
                    && UpdatedSince.matches(row, filter.updatedSince());
        });
    }

    private static Optional<String> connection(Reminder reminder) {
        return reminder.field(ReminderField.CONNECTION_ID);
    }

    /** A due time beyond the range of epoch milliseconds cannot be filtered on, as in the SQL stores. */
    private static Optional<Long> dueMillis(Reminder reminder) {
        Optional<Instant> due = reminder.scheduledFor();
        try {
            return due.map(Instant::toEpochMilli);
        } catch (ArithmeticException outOfRange) {
            return Optional.empty();
        }
    }
}
