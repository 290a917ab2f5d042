package com.titan.webhooks.application.service;

import com.titan.webhooks.application.port.CardSnapshot;
import com.titan.webhooks.application.port.ContactSnapshot;
import com.titan.webhooks.application.port.ReminderSnapshot;
import com.titan.webhooks.application.port.ScoringJobSnapshot;
import com.titan.webhooks.application.port.out.memory.InMemoryStore;
import com.titan.webhooks.application.port.out.Connections;
import com.titan.webhooks.domain.card.Card;
import com.titan.webhooks.domain.card.CardEvent;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionEvent;
import com.titan.webhooks.domain.contact.Contact;
import com.titan.webhooks.domain.contact.ContactScored;
import com.titan.webhooks.domain.job.ScoringJob;
import com.titan.webhooks.domain.job.ScoringJobCompleted;
import com.titan.webhooks.domain.reminder.Reminder;
import com.titan.webhooks.domain.reminder.ReminderEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The projection registry of the application's tests, on the in-memory store: the service's own
 * is wired in {@code bootstrap}, which {@code application} cannot see.
 */
final class TestProjections {

    private TestProjections() {
    }

    static Projections of(InMemoryStore store) {
        return of(store, store.connections());
    }

    /** With {@code connections} in place of the store's own (a decorated one). */
    static Projections of(InMemoryStore store, Connections connections) {
        return new Projections(all(store, connections));
    }

    /** Every registration, in the service's order, for a test to leave one out. */
    static List<Projection<?, ?, ?>> all(InMemoryStore store, Connections connections) {
        return new ArrayList<>(List.of(
                new Projection<>(ConnectionEvent.class, ConnectionEvent::connectionId, Connection::unseen,
                        Connection::apply, connections, Optional.empty()),
                Projection.of(CardEvent.class, CardEvent::cardId, Card::unseen, Card::apply, store.cards(),
                        CardSnapshot::new),
                Projection.of(ReminderEvent.class, ReminderEvent::reminderId, Reminder::unseen, Reminder::apply,
                        store.reminders(), ReminderSnapshot::new),
                Projection.of(ContactScored.class, ContactScored::key, Contact::unseen, Contact::apply, store.contacts(),
                        ContactSnapshot::new),
                Projection.of(ScoringJobCompleted.class, ScoringJobCompleted::jobKey, ScoringJob::unseen,
                        ScoringJob::apply, store.scoringJobs(), ScoringJobSnapshot::new)));
    }
}
