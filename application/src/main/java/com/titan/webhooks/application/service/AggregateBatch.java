package com.titan.webhooks.application.service;

import com.titan.webhooks.application.port.CardSnapshot;
import com.titan.webhooks.application.port.ContactSnapshot;
import com.titan.webhooks.application.port.ReminderSnapshot;
import com.titan.webhooks.application.port.ScoringJobSnapshot;
import com.titan.webhooks.application.port.out.Cards;
import com.titan.webhooks.application.port.out.Connections;
import com.titan.webhooks.application.port.out.Contacts;
import com.titan.webhooks.application.port.out.NewChange;
import com.titan.webhooks.application.port.out.Reminders;
import com.titan.webhooks.application.port.out.ScoringJobs;
import com.titan.webhooks.domain.card.Card;
import com.titan.webhooks.domain.card.CardEvent;
import com.titan.webhooks.domain.card.CardId;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionEvent;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.contact.Contact;
import com.titan.webhooks.domain.contact.ContactKey;
import com.titan.webhooks.domain.contact.ContactScored;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.event.ProviderEvent;
import com.titan.webhooks.domain.job.ScoringJob;
import com.titan.webhooks.domain.job.ScoringJobCompleted;
import com.titan.webhooks.domain.reminder.Reminder;
import com.titan.webhooks.domain.reminder.ReminderEvent;
import com.titan.webhooks.domain.reminder.ReminderId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The aggregates touched by one projection batch: each is loaded once, receives all of the
 * batch's events for it, and, if they changed it, is saved once and described by one change
 * record. Saves go in a fixed order (by type, then key) so that two workers never wait on each
 * other in a cycle.
 */
final class AggregateBatch {

    private final Connections connections;
    private final Cards cards;
    private final Reminders reminders;
    private final Contacts contacts;
    private final ScoringJobs jobs;

    private final Touched<ConnectionId, Connection> touchedConnections = new Touched<>(Connection::copy, Connection::version);
    private final Touched<CardId, Card> touchedCards = new Touched<>(Card::copy, Card::version);
    private final Touched<ReminderId, Reminder> touchedReminders = new Touched<>(Reminder::copy, Reminder::version);
    private final Touched<ContactKey, Contact> touchedContacts = new Touched<>(Contact::copy, Contact::version);
    private final Touched<String, ScoringJob> touchedJobs = new Touched<>(ScoringJob::copy, ScoringJob::version);
    /** The events applied, by their position in the batch. */
    private final List<EventId> applied = new ArrayList<>();

    AggregateBatch(Connections connections, Cards cards, Reminders reminders, Contacts contacts, ScoringJobs jobs) {
        this.connections = connections;
        this.cards = cards;
        this.reminders = reminders;
        this.contacts = contacts;
        this.jobs = jobs;
    }

    /**
     * Loads, in one query per aggregate type, every aggregate {@code events} will touch, so that
     * applying a batch costs a handful of round trips rather than one per event.
     */
    void load(List<ProviderEvent> events) {
        Set<ConnectionId> connectionIds = new HashSet<>();
        Set<CardId> cardIds = new HashSet<>();
        Set<ReminderId> reminderIds = new HashSet<>();
        Set<ContactKey> contactKeys = new HashSet<>();
        for (ProviderEvent event : events) {
            if (event instanceof ConnectionEvent e) {
                connectionIds.add(e.connectionId());
            } else if (event instanceof CardEvent e) {
                cardIds.add(e.cardId());
            } else if (event instanceof ReminderEvent e) {
                reminderIds.add(e.reminderId());
            } else if (event instanceof ContactScored e) {
                contactKeys.add(e.key());
            }
        }
        loadInto(touchedConnections, connectionIds, connections::findAll, Connection::unseen);
        loadInto(touchedCards, cardIds, cards::findAll, Card::unseen);
        loadInto(touchedReminders, reminderIds, reminders::findAll, Reminder::unseen);
        loadInto(touchedContacts, contactKeys, contacts::findAll, Contact::unseen);
    }

    private static <K, A> void loadInto(Touched<K, A> touched, Set<K> ids, Function<Set<K>, Map<K, A>> findAll,
                                        Function<K, A> unseen) {
        if (ids.isEmpty()) {
            return;
        }
        Map<K, A> found = findAll.apply(ids);
        ids.forEach(id -> touched.take(id, found.containsKey(id) ? found.get(id) : unseen.apply(id)));
    }

    /** Routes an event to its aggregate; the aggregate holds the rules. */
    void apply(EventId eventId, ProviderEvent event) {
        int index = applied.size();
        if (event instanceof ConnectionEvent e) {
            touchedConnections.apply(e.connectionId(), id -> connections.find(id).orElseGet(() -> Connection.unseen(id)),
                    connection -> connection.apply(e), index);
        } else if (event instanceof CardEvent e) {
            touchedCards.apply(e.cardId(), id -> cards.find(id).orElseGet(() -> Card.unseen(id)), card -> card.apply(e),
                    index);
        } else if (event instanceof ReminderEvent e) {
            touchedReminders.apply(e.reminderId(), id -> reminders.find(id).orElseGet(() -> Reminder.unseen(id)),
                    reminder -> reminder.apply(e), index);
        } else if (event instanceof ContactScored e) {
            touchedContacts.apply(e.key(), key -> contacts.find(key).orElseGet(() -> Contact.unseen(key)),
                    contact -> contact.apply(e), index);
        } else if (event instanceof ScoringJobCompleted e) {
            touchedJobs.apply(e.jobKey(), key -> jobs.find(key).orElseGet(() -> ScoringJob.unseen(key)),
                    job -> job.apply(e), index);
        } else {
            throw new IllegalArgumentException("no aggregate takes " + event.getClass().getSimpleName());
        }
        applied.add(eventId);
    }

    /**
     * Drops everything the batch touched, unsaved: its only event was refused half-way, so nothing
     * it touched may be stored.
     */
    void discardAll() {
        touchedConnections.discard();
        touchedCards.discard();
        touchedReminders.discard();
        touchedContacts.discard();
        touchedJobs.discard();
    }

    /**
     * Saves the aggregates the batch changed and answers the changes to record: one per changed
     * aggregate, plus one per connection whose served state changed because something pointing at
     * it did (a reminder, or the linked contact's lead status). Aggregates the batch left as they
     * were are not saved: their events lost to what is stored, and would lose to anything a
     * concurrent worker stores, since every rule only moves forward.
     */
    List<NewChange> saveAll() {
        List<Connection> changedConnections = touchedConnections.changed(Comparator.comparing(ConnectionId::value));
        List<Card> changedCards = touchedCards.changed(Comparator.comparing(CardId::value));
        List<Reminder> changedReminders = touchedReminders.changed(Comparator.comparing(ReminderId::value));
        List<Contact> changedContacts = touchedContacts.changed(Comparator.comparing(ContactKey::value));
        List<ScoringJob> changedJobs = touchedJobs.changed(Comparator.naturalOrder());

        ConnectionStates served = new ConnectionStates(connections, reminders, contacts, touchedConnections,
                touchedReminders, touchedContacts);
        served.captureBefore(changedConnections, changedReminders, changedContacts);

        connections.saveAll(changedConnections);
        cards.saveAll(changedCards);
        reminders.saveAll(changedReminders);
        contacts.saveAll(changedContacts);
        changedJobs.forEach(jobs::save);

        List<IndexedChange> changes = new ArrayList<>(served.changesAfterSave(applied));
        for (Card card : changedCards) {
            changes.add(change(touchedCards, card.id(), CardSnapshot::new));
        }
        for (Reminder reminder : changedReminders) {
            changes.add(change(touchedReminders, reminder.id(), ReminderSnapshot::new));
        }
        for (Contact contact : changedContacts) {
            changes.add(change(touchedContacts, contact.key(), ContactSnapshot::new));
        }
        for (ScoringJob job : changedJobs) {
            changes.add(change(touchedJobs, job.jobKey(), ScoringJobSnapshot::new));
        }
        // in the order of the events that caused them, as a reader would expect within one commit
        return changes.stream().sorted(Comparator.comparingInt(IndexedChange::index)).map(IndexedChange::change).toList();
    }

    private <K, A> IndexedChange change(Touched<K, A> touched, K id,
                                        Function<A, com.titan.webhooks.application.port.AggregateSnapshot> snapshot) {
        int index = touched.lastChangedBy(id);
        return new IndexedChange(index, new NewChange(touched.loaded(id).map(snapshot), snapshot.apply(touched.current(id)),
                applied.get(index)));
    }

    /** A change with the position in the batch of the event that caused it. */
    record IndexedChange(int index, NewChange change) {
    }
}
