package com.titan.webhooks.bootstrap;

import static com.titan.webhooks.application.port.AggregateType.CARD;
import static com.titan.webhooks.application.port.AggregateType.CONNECTION;
import static com.titan.webhooks.application.port.AggregateType.CONTACT;
import static com.titan.webhooks.application.port.AggregateType.REMINDER;
import static com.titan.webhooks.application.port.AggregateType.SCORING_JOB;

import com.titan.webhooks.application.port.CardSnapshot;
import com.titan.webhooks.application.port.ContactSnapshot;
import com.titan.webhooks.application.port.ReminderSnapshot;
import com.titan.webhooks.application.port.ScoringJobSnapshot;
import com.titan.webhooks.application.port.out.AggregateDocuments;
import com.titan.webhooks.application.port.out.Cards;
import com.titan.webhooks.application.port.out.Connections;
import com.titan.webhooks.application.port.out.Contacts;
import com.titan.webhooks.application.port.out.Reminders;
import com.titan.webhooks.application.port.out.ScoringJobs;
import com.titan.webhooks.application.service.Projection;
import com.titan.webhooks.application.service.Projections;
import com.titan.webhooks.domain.card.Card;
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
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The projection registry as the service runs it: each aggregate once, with its name, event
 * family, key, first state, rule, store and change record. An aggregate missing here for an event
 * the decoders' catalogue can produce stops the service at start-up.
 *
 * <p>The five registered here have tables, change records and routes of their own. A new aggregate
 * is registered with {@link Projection#document}: it is stored in {@code documents} and shown in
 * the change feed as its document, with nothing of its own in {@code application} or the adapters.
 */
final class ProjectedAggregates {

    private ProjectedAggregates() {
    }

    /** In the order a batch saves them. */
    static Projections of(Connections connections, Cards cards, Reminders reminders, Contacts contacts,
                          ScoringJobs jobs, AggregateDocuments documents) {
        return new Projections(List.of(
                new Projection<>(CONNECTION, ConnectionEvent.class, ConnectionEvent::connectionId, ConnectionId::value,
                        Connection::unseen, Connection::apply, connections, Optional.empty()),
                Projection.of(CARD, CardEvent.class, CardEvent::cardId, CardId::value, Card::unseen, Card::apply, cards,
                        CardSnapshot::new),
                Projection.of(REMINDER, ReminderEvent.class, ReminderEvent::reminderId, ReminderId::value,
                        Reminder::unseen, Reminder::apply, reminders, ReminderSnapshot::new),
                Projection.of(CONTACT, ContactScored.class, ContactScored::key, ContactKey::value, Contact::unseen,
                        Contact::apply, contacts, ContactSnapshot::new),
                Projection.of(SCORING_JOB, ScoringJobCompleted.class, ScoringJobCompleted::jobKey, Function.identity(),
                        ScoringJob::unseen, ScoringJob::apply, jobs, ScoringJobSnapshot::new)));
    }
}
