package com.titan.webhooks.application.service;

import static com.titan.webhooks.application.port.AggregateType.CARD;
import static com.titan.webhooks.application.port.AggregateType.CONNECTION;
import static com.titan.webhooks.application.port.AggregateType.CONTACT;
import static com.titan.webhooks.application.port.AggregateType.REMINDER;
import static com.titan.webhooks.application.port.AggregateType.SCORING_JOB;

import com.titan.webhooks.application.port.AggregateType;
import com.titan.webhooks.application.port.CardSnapshot;
import com.titan.webhooks.application.port.ContactSnapshot;
import com.titan.webhooks.application.port.ReminderSnapshot;
import com.titan.webhooks.application.port.ScoringJobSnapshot;
import com.titan.webhooks.application.port.out.memory.InMemoryStore;
import com.titan.webhooks.application.port.out.Connections;
import com.titan.webhooks.domain.card.Card;
import com.titan.webhooks.domain.booking.Booking;
import com.titan.webhooks.domain.booking.BookingChanged;
import com.titan.webhooks.domain.card.CardEvent;
import com.titan.webhooks.domain.card.CardId;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionEvent;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.contact.Contact;
import com.titan.webhooks.domain.contact.ContactKey;
import com.titan.webhooks.domain.contact.ContactScored;
import com.titan.webhooks.domain.job.ScoringJob;
import com.titan.webhooks.domain.job.ScoringJobCompleted;
import com.titan.webhooks.domain.reminder.Reminder;
import com.titan.webhooks.domain.reminder.ReminderEvent;
import com.titan.webhooks.domain.reminder.ReminderId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The projection registry of the application's tests, on the in-memory store: the service's own
 * is wired in {@code bootstrap}, which {@code application} cannot see.
 */
final class TestProjections {

    private TestProjections() {
    }

    /** The tests' aggregate stored as a document, registered as the service would register a new one. */
    static final AggregateType BOOKING = new AggregateType("booking");

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
                new Projection<>(CONNECTION, ConnectionEvent.class, ConnectionEvent::connectionId, ConnectionId::value,
                        Connection::unseen, Connection::apply, connections, Optional.empty()),
                Projection.of(CARD, CardEvent.class, CardEvent::cardId, CardId::value, Card::unseen, Card::apply,
                        store.cards(), CardSnapshot::new),
                Projection.of(REMINDER, ReminderEvent.class, ReminderEvent::reminderId, ReminderId::value,
                        Reminder::unseen, Reminder::apply, store.reminders(), ReminderSnapshot::new),
                Projection.of(CONTACT, ContactScored.class, ContactScored::key, ContactKey::value, Contact::unseen,
                        Contact::apply, store.contacts(), ContactSnapshot::new),
                Projection.of(SCORING_JOB, ScoringJobCompleted.class, ScoringJobCompleted::jobKey, Function.identity(),
                        ScoringJob::unseen, ScoringJob::apply, store.scoringJobs(), ScoringJobSnapshot::new),
                Projection.document(store.documents(), BOOKING, BookingChanged.class, BookingChanged::bookingId,
                        Booking::unseen, Booking::apply, Booking.Document.class, Booking::reconstitute)));
    }
}
