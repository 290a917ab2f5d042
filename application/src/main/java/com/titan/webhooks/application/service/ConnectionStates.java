package com.titan.webhooks.application.service;

import com.titan.webhooks.application.port.in.ConnectionDetails;
import com.titan.webhooks.application.port.out.AggregateSnapshot;
import com.titan.webhooks.application.port.out.Connections;
import com.titan.webhooks.application.port.out.Contacts;
import com.titan.webhooks.application.port.out.NewChange;
import com.titan.webhooks.application.port.out.Reminders;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionField;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.contact.Contact;
import com.titan.webhooks.domain.contact.ContactKey;
import com.titan.webhooks.domain.contact.LinkKeys;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.reminder.Reminder;
import com.titan.webhooks.domain.reminder.ReminderField;
import com.titan.webhooks.domain.reminder.ReminderId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The served state of the connections a batch affects, before and after its saves. A connection's
 * route serves its reminders and the linked contact's lead status too, so a connection changes for
 * a reader when it changes itself, when a reminder pointing at it changes, or when the lead status
 * it shows does. The lookups are made for the whole batch at once (one query per kind), so that a
 * batch costs the same few round trips however many connections it affects.
 */
final class ConnectionStates {

    private final Connections connections;
    private final Reminders reminders;
    private final Contacts contacts;
    private final Touched<ConnectionId, Connection> touchedConnections;
    private final Touched<ReminderId, Reminder> touchedReminders;
    private final Touched<ContactKey, Contact> touchedContacts;

    private final Map<ConnectionId, Connection> changed = new HashMap<>();
    /** Connections that did not change themselves but may show a change, as stored. */
    private final Map<ConnectionId, Connection> bystanders = new HashMap<>();
    /** Per affected connection, the position in the batch of the last event that affected it. */
    private final Map<ConnectionId, Integer> causes = new TreeMap<>(Comparator.comparing(ConnectionId::value));
    private boolean remindersChanged;
    private boolean linksChanged;
    private Map<ConnectionId, List<Reminder>> remindersBefore = Map.of();
    private Map<ConnectionId, Optional<String>> leadBefore = Map.of();

    ConnectionStates(Connections connections, Reminders reminders, Contacts contacts,
                     Touched<ConnectionId, Connection> touchedConnections, Touched<ReminderId, Reminder> touchedReminders,
                     Touched<ContactKey, Contact> touchedContacts) {
        this.connections = connections;
        this.reminders = reminders;
        this.contacts = contacts;
        this.touchedConnections = touchedConnections;
        this.touchedReminders = touchedReminders;
        this.touchedContacts = touchedContacts;
    }

    /** Finds the affected connections and reads what they show, before anything of the batch is saved. */
    void captureBefore(List<Connection> changedConnections, List<Reminder> changedReminders,
                       List<Contact> changedContacts) {
        for (Connection connection : changedConnections) {
            changed.put(connection.id(), connection);
            cause(connection.id(), touchedConnections.lastChangedBy(connection.id()));
        }
        remindersChanged = !changedReminders.isEmpty();
        linksChanged = !changedContacts.isEmpty() || !changedConnections.isEmpty();
        Set<ConnectionId> pointedAt = new HashSet<>();
        for (Reminder reminder : changedReminders) {
            int index = touchedReminders.lastChangedBy(reminder.id());
            List<Reminder> states = new ArrayList<>(touchedReminders.loaded(reminder.id()).stream().toList());
            states.add(reminder);
            for (Reminder state : states) {
                target(state).ifPresent(id -> {
                    cause(id, index);
                    pointedAt.add(id);
                });
            }
        }
        Set<String> emails = new HashSet<>();
        Set<String> phones = new HashSet<>();
        List<Contact> contactStates = new ArrayList<>();
        for (Contact contact : changedContacts) {
            touchedContacts.loaded(contact.key()).ifPresent(contactStates::add);
            contactStates.add(contact);
        }
        for (Contact state : contactStates) {
            state.email().flatMap(LinkKeys::email).ifPresent(emails::add);
            state.phones().forEach(phone -> LinkKeys.phone(phone.number()).ifPresent(phones::add));
        }
        if (!emails.isEmpty() || !phones.isEmpty()) {
            for (Connection linked : connections.linkedTo(emails, phones)) {
                for (Contact state : contactStates) {
                    if (state.isSamePersonAs(email(linked), phone(linked))) {
                        cause(linked.id(), touchedContacts.lastChangedBy(state.key()));
                        if (!changed.containsKey(linked.id())) {
                            bystanders.put(linked.id(), linked);
                        }
                    }
                }
            }
        }
        pointedAt.removeIf(id -> changed.containsKey(id) || bystanders.containsKey(id));
        if (!pointedAt.isEmpty()) {
            bystanders.putAll(connections.findAll(pointedAt));
        }
        // a reminder may point at a connection that does not exist (yet): nothing to show it in
        causes.keySet().removeIf(id -> !changed.containsKey(id) && !bystanders.containsKey(id));
        if (causes.isEmpty()) {
            return;
        }
        remindersBefore = reminders.pointingAt(causes.keySet(), ConnectionDetails.REMINDERS_SHOWN);
        Map<ConnectionId, Connection> before = new HashMap<>(bystanders);
        changed.keySet().forEach(id -> touchedConnections.loaded(id).ifPresent(stored -> before.put(id, stored)));
        leadBefore = leadStatuses(before);
    }

    /**
     * After the saves: one change per affected connection whose served state differs from what it
     * was. Bystanders are locked first, so that two workers that affect the same connection at once
     * read each other's committed work in turn and the later change shows the final state.
     */
    List<AggregateBatch.IndexedChange> changesAfterSave(List<EventId> applied) {
        if (causes.isEmpty()) {
            return List.of();
        }
        connections.lock(bystanders.keySet());
        Map<ConnectionId, List<Reminder>> remindersAfter = remindersChanged
                ? reminders.pointingAt(causes.keySet(), ConnectionDetails.REMINDERS_SHOWN) : remindersBefore;
        Map<ConnectionId, Connection> after = new HashMap<>(bystanders);
        after.putAll(changed);
        Map<ConnectionId, Optional<String>> leadAfter = linksChanged || !bystanders.isEmpty()
                ? leadStatuses(after) : leadBefore;
        List<AggregateBatch.IndexedChange> changes = new ArrayList<>();
        causes.forEach((id, index) -> {
            Optional<Connection> stored = changed.containsKey(id) ? touchedConnections.loaded(id)
                    : Optional.of(bystanders.get(id));
            Optional<AggregateSnapshot> was = stored.map(connection -> new ConnectionDetails(connection,
                    remindersBefore.getOrDefault(id, List.of()), leadBefore.getOrDefault(id, Optional.empty())));
            ConnectionDetails now = new ConnectionDetails(after.get(id), remindersAfter.getOrDefault(id, List.of()),
                    leadAfter.getOrDefault(id, Optional.empty()));
            if (was.isEmpty() || !was.get().equals(now)) {
                changes.add(new AggregateBatch.IndexedChange(index, new NewChange(was, now, applied.get(index))));
            }
        });
        return changes;
    }

    /** The lead status each connection shows, from one query for the candidates of them all. */
    private Map<ConnectionId, Optional<String>> leadStatuses(Map<ConnectionId, Connection> states) {
        Set<String> emails = new HashSet<>();
        Set<String> phones = new HashSet<>();
        states.values().forEach(connection -> {
            email(connection).ifPresent(emails::add);
            phone(connection).ifPresent(phones::add);
        });
        List<Contact> candidates = emails.isEmpty() && phones.isEmpty() ? List.of() : contacts.linkedTo(emails, phones);
        Map<ConnectionId, Optional<String>> statuses = new LinkedHashMap<>();
        states.forEach((id, connection) -> statuses.put(id,
                Contact.linkedLeadStatus(email(connection), phone(connection), candidates)));
        return statuses;
    }

    /** The lead status one connection shows: what its route serves. */
    static Optional<String> leadStatus(Connection connection, Contacts contacts) {
        Optional<String> email = email(connection);
        Optional<String> phone = phone(connection);
        if (email.isEmpty() && phone.isEmpty()) {
            return Optional.empty();
        }
        return Contact.linkedLeadStatus(email, phone, contacts.linkedTo(asSet(email), asSet(phone)));
    }

    private static Set<String> asSet(Optional<String> value) {
        return value.map(Set::of).orElse(Set.of());
    }

    private static Optional<String> email(Connection connection) {
        return connection.field(ConnectionField.EMAIL).flatMap(LinkKeys::email);
    }

    private static Optional<String> phone(Connection connection) {
        return connection.field(ConnectionField.PHONE).flatMap(LinkKeys::phone);
    }

    private void cause(ConnectionId id, int index) {
        causes.merge(id, index, Math::max);
    }

    /** The connection a reminder points at, if it names a valid one. */
    private static Optional<ConnectionId> target(Reminder reminder) {
        try {
            return reminder.field(ReminderField.CONNECTION_ID).map(ConnectionId::new);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
