package com.titan.webhooks.bootstrap;

import com.titan.webhooks.application.port.CardSnapshot;
import com.titan.webhooks.application.port.ContactSnapshot;
import com.titan.webhooks.application.port.ReminderSnapshot;
import com.titan.webhooks.application.port.ScoringJobSnapshot;
import com.titan.webhooks.application.port.out.Cards;
import com.titan.webhooks.application.port.out.Connections;
import com.titan.webhooks.application.port.out.Contacts;
import com.titan.webhooks.application.port.out.Reminders;
import com.titan.webhooks.application.port.out.ScoringJobs;
import com.titan.webhooks.application.service.Projection;
import com.titan.webhooks.application.service.Projections;
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
import java.util.List;
import java.util.Optional;

/**
 * The projection registry as the service runs it: each aggregate once, with its event family, key,
 * first state, rule, store and change record. An aggregate missing here for an event the
 * decoders' catalogue can produce stops the service at start-up.
 */
final class ProjectedAggregates {

    private ProjectedAggregates() {
    }

    /** In the order a batch saves them. */
    static Projections of(Connections connections, Cards cards, Reminders reminders, Contacts contacts,
                          ScoringJobs jobs) {
        return new Projections(List.of(
                new Projection<>(ConnectionEvent.class, ConnectionEvent::connectionId, Connection::unseen,
                        Connection::apply, connections, Optional.empty()),
                Projection.of(CardEvent.class, CardEvent::cardId, Card::unseen, Card::apply, cards, CardSnapshot::new),
                Projection.of(ReminderEvent.class, ReminderEvent::reminderId, Reminder::unseen, Reminder::apply,
                        reminders, ReminderSnapshot::new),
                Projection.of(ContactScored.class, ContactScored::key, Contact::unseen, Contact::apply, contacts,
                        ContactSnapshot::new),
                Projection.of(ScoringJobCompleted.class, ScoringJobCompleted::jobKey, ScoringJob::unseen,
                        ScoringJob::apply, jobs, ScoringJobSnapshot::new)));
    }
}
