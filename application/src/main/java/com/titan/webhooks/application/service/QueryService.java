package com.titan.webhooks.application.service;

import com.titan.webhooks.application.port.CardFilter;
import com.titan.webhooks.application.port.ConnectionDetails;
import com.titan.webhooks.application.port.ConnectionFilter;
import com.titan.webhooks.application.port.ContactFilter;
import com.titan.webhooks.application.port.EventFilter;
import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.application.port.ReminderFilter;
import com.titan.webhooks.application.port.in.QueryCardsUseCase;
import com.titan.webhooks.application.port.in.QueryConnectionsUseCase;
import com.titan.webhooks.application.port.in.QueryContactsUseCase;
import com.titan.webhooks.application.port.in.QueryEventsUseCase;
import com.titan.webhooks.application.port.in.QueryRemindersUseCase;
import com.titan.webhooks.application.port.in.QueryScoringJobsUseCase;
import com.titan.webhooks.application.port.out.Cards;
import com.titan.webhooks.application.port.out.Connections;
import com.titan.webhooks.application.port.out.Contacts;
import com.titan.webhooks.application.port.out.Reminders;
import com.titan.webhooks.application.port.out.ScoringJobs;
import com.titan.webhooks.application.port.out.StoredEvents;
import com.titan.webhooks.domain.card.Card;
import com.titan.webhooks.domain.card.CardId;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.contact.Contact;
import com.titan.webhooks.domain.contact.ContactKey;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.delivery.ProcessingStatus;
import com.titan.webhooks.domain.delivery.StoredEvent;
import com.titan.webhooks.domain.job.ScoringJob;
import com.titan.webhooks.domain.reminder.Reminder;
import com.titan.webhooks.domain.reminder.ReminderId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Use cases: the read side. Reads go straight to the stores' ports; the one piece of logic is
 * assembling a connection's details, including the cross-provider link to a scored contact, the
 * same way the projection does for the change feed.
 */
public final class QueryService implements QueryConnectionsUseCase, QueryCardsUseCase, QueryRemindersUseCase,
        QueryContactsUseCase, QueryEventsUseCase, QueryScoringJobsUseCase {

    private final Connections connections;
    private final Cards cards;
    private final Reminders reminders;
    private final Contacts contacts;
    private final ScoringJobs jobs;
    private final StoredEvents storedEvents;

    public QueryService(Connections connections, Cards cards, Reminders reminders, Contacts contacts, ScoringJobs jobs,
                        StoredEvents storedEvents) {
        this.jobs = jobs;
        this.connections = connections;
        this.cards = cards;
        this.reminders = reminders;
        this.contacts = contacts;
        this.storedEvents = storedEvents;
    }

    @Override
    public Page<Connection> list(ConnectionFilter filter, PageRequest page) {
        return connections.list(filter, page);
    }

    @Override
    public Optional<ConnectionDetails> details(ConnectionId id, PageRequest notes, PageRequest enrichments) {
        // the same lookups the projection makes for a connection's state in a change record
        return connections.find(id).map(connection -> new ConnectionDetails(connection,
                reminders.pointingAt(List.of(id), ConnectionDetails.REMINDERS_SHOWN).getOrDefault(id, List.of()),
                ConnectionStates.leadStatus(connection, contacts), connections.notes(id, notes),
                connections.enrichments(id, enrichments)));
    }

    @Override
    public Page<Card> list(CardFilter filter, PageRequest page) {
        return cards.list(filter, page);
    }

    @Override
    public Optional<Card> find(CardId id) {
        return cards.find(id);
    }

    @Override
    public Page<Reminder> list(ReminderFilter filter, PageRequest page) {
        return reminders.list(filter, page);
    }

    @Override
    public Optional<Reminder> find(ReminderId id) {
        return reminders.find(id);
    }

    @Override
    public Page<Contact> list(ContactFilter filter, PageRequest page) {
        return contacts.list(filter, page);
    }

    @Override
    public Optional<Contact> find(ContactKey key) {
        return contacts.find(key);
    }

    @Override
    public Optional<ScoringJob> findJob(String jobKey) {
        return jobs.find(jobKey);
    }

    @Override
    public Page<StoredEvent> list(EventFilter filter, PageRequest page) {
        return storedEvents.list(filter, page);
    }

    @Override
    public Optional<StoredEvent> find(EventId id) {
        return storedEvents.find(id);
    }

    @Override
    public Map<ProcessingStatus, Long> counts(EventFilter filter) {
        return storedEvents.countByStatus(filter);
    }
}
