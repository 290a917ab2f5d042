package com.titan.webhooks.application.port.out.memory;

import com.titan.webhooks.application.port.AggregateSnapshot;
import com.titan.webhooks.application.port.AggregateType;
import com.titan.webhooks.application.port.CardSnapshot;
import com.titan.webhooks.application.port.Change;
import com.titan.webhooks.application.port.ConnectionDetails;
import com.titan.webhooks.application.port.ContactSnapshot;
import com.titan.webhooks.application.port.DocumentSnapshot;
import com.titan.webhooks.application.port.ReminderSnapshot;
import com.titan.webhooks.application.port.ScoringJobSnapshot;
import com.titan.webhooks.application.port.out.ChangeFeed;
import com.titan.webhooks.application.port.out.ChangeWindow;
import com.titan.webhooks.application.port.out.NewChange;
import com.titan.webhooks.application.port.out.memory.StoreState.Stored;
import com.titan.webhooks.domain.reminder.Reminder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The change feed in memory. Recording takes the next positions inside the caller's unit of work,
 * so a unit of work that fails takes none. Snapshots hold mutable aggregates, so the feed keeps
 * copies and hands out copies: a later change never rewrites an earlier one.
 */
final class InMemoryChangeFeed implements ChangeFeed {

    private final InMemoryStore store;

    InMemoryChangeFeed(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void record(List<NewChange> changes, Instant committedAt) {
        if (changes.isEmpty()) {
            return;
        }
        Instant at = Millis.of(committedAt);
        store.update(state -> {
            for (NewChange change : changes) {
                touch(state, change.after(), at);
                long position = ++state.lastPosition;
                state.changes.put(position, new Change(position, change.before().map(InMemoryChangeFeed::copy),
                        copy(change.after()), change.eventId(), at));
            }
        });
    }

    /** Marks the changed aggregate as changed at {@code at}, for {@code updated_since}; scoring jobs and documents are not listed. */
    private static void touch(StoreState state, AggregateSnapshot changed, Instant at) {
        AggregateType type = changed.type();
        if (type.equals(AggregateType.CONNECTION)) {
            touch(state.connections, changed.id(), at);
        } else if (type.equals(AggregateType.CARD)) {
            touch(state.cards, changed.id(), at);
        } else if (type.equals(AggregateType.REMINDER)) {
            touch(state.reminders, changed.id(), at);
        } else if (type.equals(AggregateType.CONTACT)) {
            touch(state.contacts, changed.id(), at);
        }
    }

    private static <A> void touch(TreeMap<String, Stored<A>> rows, String id, Instant at) {
        rows.computeIfPresent(id, (key, stored) -> stored.changed(at));
    }

    @Override
    public ChangeWindow window() {
        return store.read(state -> new ChangeWindow(state.prunedPosition, state.lastPosition));
    }

    @Override
    public List<Change> after(long position, Set<AggregateType> types, Optional<String> aggregateId, int limit) {
        return store.read(state -> state.changes.tailMap(position, false).values().stream()
                .filter(change -> types.isEmpty() || types.contains(change.after().type()))
                .filter(change -> aggregateId.map(id -> id.equals(change.after().id())).orElse(true))
                .limit(limit)
                .map(InMemoryChangeFeed::copy)
                .toList());
    }

    @Override
    public int pruneCommittedBefore(Instant before) {
        Instant cutoff = Millis.of(before);
        return store.write(state -> {
            long last = state.changes.values().stream().filter(change -> change.committedAt().isBefore(cutoff))
                    .mapToLong(Change::position).max().orElse(0);
            if (last == 0) {
                return 0;
            }
            Map<Long, Change> pruned = state.changes.headMap(last, true);
            int deleted = pruned.size();
            pruned.clear();
            state.prunedPosition = Math.max(state.prunedPosition, last);
            return deleted;
        });
    }

    @Override
    public Optional<Instant> oldestCommittedAt() {
        return store.read(state -> state.changes.isEmpty() ? Optional.<Instant>empty()
                : Optional.of(state.changes.firstEntry().getValue().committedAt()));
    }

    private static Change copy(Change change) {
        return new Change(change.position(), change.before().map(InMemoryChangeFeed::copy), copy(change.after()),
                change.eventId(), change.committedAt());
    }

    private static AggregateSnapshot copy(AggregateSnapshot snapshot) {
        if (snapshot instanceof ConnectionDetails details) {
            return new ConnectionDetails(details.connection().copy(),
                    details.reminders().stream().map(Reminder::copy).toList(), details.leadStatus());
        } else if (snapshot instanceof CardSnapshot card) {
            return new CardSnapshot(card.card().copy());
        } else if (snapshot instanceof ReminderSnapshot reminder) {
            return new ReminderSnapshot(reminder.reminder().copy());
        } else if (snapshot instanceof ContactSnapshot contact) {
            return new ContactSnapshot(contact.contact().copy());
        } else if (snapshot instanceof ScoringJobSnapshot job) {
            return new ScoringJobSnapshot(job.job().copy());
        } else if (snapshot instanceof DocumentSnapshot document) {
            return document; // a record, never changed in place
        }
        throw new IllegalArgumentException("no copy for " + snapshot.getClass().getSimpleName());
    }
}
