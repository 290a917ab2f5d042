package com.titan.webhooks.application.service;

import com.titan.webhooks.application.port.out.Cards;
import com.titan.webhooks.application.port.out.Connections;
import com.titan.webhooks.application.port.out.Contacts;
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
import com.titan.webhooks.domain.event.ProviderEvent;
import com.titan.webhooks.domain.job.ScoringJob;
import com.titan.webhooks.domain.job.ScoringJobCompleted;
import com.titan.webhooks.domain.reminder.Reminder;
import com.titan.webhooks.domain.reminder.ReminderEvent;
import com.titan.webhooks.domain.reminder.ReminderId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The aggregates touched by one projection batch: each is loaded once, receives all of the
 * batch's events for it, and is saved once. Saves go in a fixed order (by type, then key) so that
 * two workers never wait on each other in a cycle.
 */
final class AggregateBatch {

    private final Connections connections;
    private final Cards cards;
    private final Reminders reminders;
    private final Contacts contacts;
    private final ScoringJobs jobs;

    private final Map<ConnectionId, Connection> touchedConnections = new HashMap<>();
    private final Map<CardId, Card> touchedCards = new HashMap<>();
    private final Map<ReminderId, Reminder> touchedReminders = new HashMap<>();
    private final Map<ContactKey, Contact> touchedContacts = new HashMap<>();
    private final Map<String, ScoringJob> touchedJobs = new HashMap<>();

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

    private static <K, A> void loadInto(Map<K, A> touched, Set<K> ids, Function<Set<K>, Map<K, A>> findAll,
                                        Function<K, A> unseen) {
        if (ids.isEmpty()) {
            return;
        }
        Map<K, A> found = findAll.apply(ids);
        ids.forEach(id -> touched.put(id, found.containsKey(id) ? found.get(id) : unseen.apply(id)));
    }

    /** Routes an event to its aggregate; the aggregate holds the rules. */
    void apply(ProviderEvent event) {
        if (event instanceof ConnectionEvent e) {
            touchedConnections.computeIfAbsent(e.connectionId(),
                    id -> connections.find(id).orElseGet(() -> Connection.unseen(id))).apply(e);
        } else if (event instanceof CardEvent e) {
            touchedCards.computeIfAbsent(e.cardId(), id -> cards.find(id).orElseGet(() -> Card.unseen(id))).apply(e);
        } else if (event instanceof ReminderEvent e) {
            touchedReminders.computeIfAbsent(e.reminderId(),
                    id -> reminders.find(id).orElseGet(() -> Reminder.unseen(id))).apply(e);
        } else if (event instanceof ContactScored e) {
            touchedContacts.computeIfAbsent(e.key(), key -> contacts.find(key).orElseGet(() -> Contact.unseen(key)))
                    .apply(e);
        } else if (event instanceof ScoringJobCompleted e) {
            touchedJobs.computeIfAbsent(e.jobKey(), key -> jobs.find(key).orElseGet(() -> ScoringJob.unseen(key)))
                    .apply(e);
        } else {
            throw new IllegalArgumentException("no aggregate takes " + event.getClass().getSimpleName());
        }
    }

    /** Drops the aggregate {@code event} was applied to, unsaved: the event was refused half-way. */
    void forget(ProviderEvent event) {
        if (event instanceof ConnectionEvent e) {
            touchedConnections.remove(e.connectionId());
        } else if (event instanceof CardEvent e) {
            touchedCards.remove(e.cardId());
        } else if (event instanceof ReminderEvent e) {
            touchedReminders.remove(e.reminderId());
        } else if (event instanceof ContactScored e) {
            touchedContacts.remove(e.key());
        } else if (event instanceof ScoringJobCompleted e) {
            touchedJobs.remove(e.jobKey());
        }
    }

    void saveAll() {
        connections.saveAll(sorted(touchedConnections, Comparator.comparing(ConnectionId::value)));
        cards.saveAll(sorted(touchedCards, Comparator.comparing(CardId::value)));
        reminders.saveAll(sorted(touchedReminders, Comparator.comparing(ReminderId::value)));
        contacts.saveAll(sorted(touchedContacts, Comparator.comparing(ContactKey::value)));
        sorted(touchedJobs, Comparator.<String>naturalOrder()).forEach(jobs::save);
    }

    private static <K, A> List<A> sorted(Map<K, A> touched, Comparator<K> order) {
        return touched.keySet().stream().sorted(order).map(touched::get).toList();
    }
}
