package com.titan.webhooks.application.service;

import com.titan.webhooks.application.port.AggregateSnapshot;
import com.titan.webhooks.application.port.out.Connections;
import com.titan.webhooks.application.port.out.NewChange;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionEvent;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.connection.Enrichment;
import com.titan.webhooks.domain.connection.Note;
import com.titan.webhooks.domain.contact.Contact;
import com.titan.webhooks.domain.contact.ContactKey;
import com.titan.webhooks.domain.contact.ContactScored;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.event.Aggregate;
import com.titan.webhooks.domain.event.ProviderEvent;
import com.titan.webhooks.domain.reminder.Reminder;
import com.titan.webhooks.domain.reminder.ReminderEvent;
import com.titan.webhooks.domain.reminder.ReminderId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The aggregates touched by one projection batch: each is loaded once, receives all of the
 * batch's events for it, and, if they changed it, is saved once and described by one change
 * record. Events are routed by the {@link Projections} registry, so this class knows no aggregate
 * but the connection, whose served state includes what points at it ({@link ConnectionStates}).
 * Saves go in a fixed order (by registration, then key) so that two workers never wait on each
 * other in a cycle.
 */
final class AggregateBatch {

    private final Projections projections;
    private final ConnectionStates.Stores servedFrom;
    private final Map<Projection<?, ?, ?>, Kind<?, ?, ?>> kinds = new LinkedHashMap<>();
    /** The events applied, by their position in the batch. */
    private final List<EventId> applied = new ArrayList<>();

    AggregateBatch(Projections projections, ConnectionStates.Stores servedFrom) {
        this.projections = projections;
        this.servedFrom = servedFrom;
        projections.all().forEach(projection -> kinds.put(projection, new Kind<>(projection)));
    }

    /**
     * Loads, in one query per aggregate type, every aggregate {@code events} will touch, so that
     * applying a batch costs a handful of round trips rather than one per event.
     */
    void load(List<ProviderEvent> events) {
        for (ProviderEvent event : events) {
            projections.find(event.getClass()).ifPresent(projection -> kinds.get(projection).collect(event));
        }
        kinds.values().forEach(Kind::loadCollected);
    }

    /** Routes an event to its aggregate; the aggregate holds the rules. */
    void apply(EventId eventId, ProviderEvent event) {
        Projection<?, ?, ?> projection = projections.find(event.getClass()).orElseThrow(
                () -> new IllegalArgumentException("no aggregate takes " + event.getClass().getSimpleName()));
        kinds.get(projection).apply(event, applied.size());
        applied.add(eventId);
    }

    /**
     * Drops everything the batch touched, unsaved: its only event was refused half-way, so nothing
     * it touched may be stored.
     */
    void discardAll() {
        kinds.values().forEach(kind -> kind.touched.discard());
    }

    /**
     * Saves the aggregates the batch changed and answers the changes to record: one per changed
     * aggregate, plus one per connection whose served state changed because something pointing at
     * it did (a reminder, or the linked contact's lead status). Aggregates the batch left as they
     * were are not saved: their events lost to what is stored, and would lose to anything a
     * concurrent worker stores, since every rule only moves forward.
     */
    List<NewChange> saveAll() {
        Kind<ConnectionId, Connection, ConnectionEvent> connections = kind(ConnectionEvent.class);
        connections.touched.all().forEach(this::settleAdditions);
        kinds.values().forEach(Kind::findChanged);
        Kind<ReminderId, Reminder, ReminderEvent> reminders = kind(ReminderEvent.class);
        Kind<ContactKey, Contact, ContactScored> contacts = kind(ContactScored.class);
        ConnectionStates served = new ConnectionStates(servedFrom, connections.touched,
                reminders.touched, contacts.touched);
        served.captureBefore(connections.changed, reminders.changed, contacts.changed);

        kinds.values().forEach(Kind::save);

        List<IndexedChange> changes = new ArrayList<>(served.changesAfterSave(applied));
        kinds.values().forEach(kind -> kind.addChanges(changes));
        // in the order of the events that caused them, as a reader would expect within one commit
        return changes.stream().sorted(Comparator.comparingInt(IndexedChange::index)).map(IndexedChange::change).toList();
    }

    /**
     * A connection does not hold its notes and enrichments, so what it added is checked against
     * its store: a note or enrichment applied again is then no change, not saved nor recorded.
     */
    private void settleAdditions(Connection connection) {
        boolean added = !connection.addedNotes().isEmpty() || !connection.addedEnrichments().isEmpty();
        if (connection.version() == 0 || !added) {
            return; // a connection never stored has nothing stored to compare with
        }
        Set<String> notes = connection.addedNotes().stream().map(Note::id).collect(Collectors.toSet());
        Set<String> enrichments = connection.addedEnrichments().stream().map(Enrichment::eventKey)
                .collect(Collectors.toSet());
        Connections store = servedFrom.connections();
        connection.settleAdditions(notes.isEmpty() ? List.of() : store.storedNotes(connection.id(), notes),
                enrichments.isEmpty() ? Set.of() : store.storedEnrichments(connection.id(), enrichments));
    }

    @SuppressWarnings("unchecked")
    private <K extends Comparable<? super K>, A extends Aggregate<A>, E extends ProviderEvent> Kind<K, A, E> kind(
            Class<E> family) {
        return (Kind<K, A, E>) kinds.get(projections.ofFamily(family));
    }

    /** A change with the position in the batch of the event that caused it. */
    record IndexedChange(int index, NewChange change) {
    }

    /** The aggregates of one kind that the batch touches, with the projection that says how. */
    private final class Kind<K extends Comparable<? super K>, A extends Aggregate<A>, E extends ProviderEvent> {

        private final Projection<K, A, E> projection;
        private final Touched<K, A> touched = new Touched<>(Aggregate::copy, Aggregate::version);
        private final Set<K> toLoad = new HashSet<>();
        private List<K> changedKeys = List.of();
        private List<A> changed = List.of();

        private Kind(Projection<K, A, E> projection) {
            this.projection = projection;
        }

        void collect(ProviderEvent event) {
            toLoad.add(projection.key().apply(projection.family().cast(event)));
        }

        void loadCollected() {
            if (toLoad.isEmpty()) {
                return;
            }
            Map<K, A> found = projection.store().findAll(toLoad);
            toLoad.forEach(key -> touched.take(key, found.containsKey(key) ? found.get(key)
                    : projection.unseen().apply(key)));
            toLoad.clear();
        }

        void apply(ProviderEvent event, int index) {
            E typed = projection.family().cast(event);
            touched.apply(projection.key().apply(typed),
                    key -> projection.store().find(key).orElseGet(() -> projection.unseen().apply(key)),
                    aggregate -> projection.rule().accept(aggregate, typed), index);
        }

        void findChanged() {
            changedKeys = touched.changed(Comparator.naturalOrder());
            changed = changedKeys.stream().map(touched::current).toList();
        }

        void save() {
            if (!changed.isEmpty()) {
                projection.store().saveAll(changed);
            }
        }

        void addChanges(List<IndexedChange> changes) {
            projection.snapshot().ifPresent(snapshot -> {
                for (K key : changedKeys) {
                    changes.add(change(key, snapshot));
                }
            });
        }

        private IndexedChange change(K key, Function<A, AggregateSnapshot> snapshot) {
            int index = touched.lastChangedBy(key);
            return new IndexedChange(index, new NewChange(touched.loaded(key).map(snapshot),
                    snapshot.apply(touched.current(key)), applied.get(index)));
        }
    }
}
