package com.titan.webhooks.application.service;

import com.titan.webhooks.application.port.AggregateSnapshot;
import com.titan.webhooks.application.port.ConnectionDetails;
import com.titan.webhooks.application.port.out.ConnectionLink;
import com.titan.webhooks.application.port.out.Connections;
import com.titan.webhooks.application.port.out.Contacts;
import com.titan.webhooks.application.port.out.NewChange;
import com.titan.webhooks.application.port.out.Reminders;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionEvent;
import com.titan.webhooks.domain.connection.ConnectionField;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.contact.Contact;
import com.titan.webhooks.domain.contact.ContactKey;
import com.titan.webhooks.domain.contact.ContactScored;
import com.titan.webhooks.domain.contact.LeadStatusLinks;
import com.titan.webhooks.domain.contact.LinkKeys;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.event.ProviderEvent;
import com.titan.webhooks.domain.reminder.Reminder;
import com.titan.webhooks.domain.reminder.ReminderEvent;
import com.titan.webhooks.domain.reminder.ReminderField;
import com.titan.webhooks.domain.reminder.ReminderId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The served state of the connections a batch affects, before and after its saves. A connection's
 * route serves its reminders and the linked contact's lead status too, so a connection changes for
 * a reader when it changes itself, when a reminder pointing at it changes, or when the lead status
 * it shows does. The lookups are made for the whole batch at once (one query per kind), and a
 * connection that only shares an email or phone with a scored contact is loaded only if the lead
 * status it shows did change, so that a batch costs a few round trips however many connections
 * share a contact's email.
 */
final class ConnectionStates {

    private final Connections connections;
    private final Reminders reminders;
    private final Contacts contacts;
    private final Touched<ConnectionId, Connection> touchedConnections;
    private final Touched<ReminderId, Reminder> touchedReminders;
    private final Touched<ContactKey, Contact> touchedContacts;

    private final Map<ConnectionId, Connection> changed = new HashMap<>();
    /** Connections a changed reminder points at, that did not change themselves, as stored. */
    private final Map<ConnectionId, Connection> pointedAt = new HashMap<>();
    /** Connections that share an email or phone with a changed contact, and nothing else of the batch. */
    private final Map<ConnectionId, ConnectionLink> linked = new HashMap<>();
    /** Per affected connection, the position in the batch of the last event that affected it. */
    private final Map<ConnectionId, Integer> causes = new TreeMap<>(Comparator.comparing(ConnectionId::value));
    private boolean remindersChanged;
    private final Map<ConnectionId, List<Reminder>> remindersBefore = new HashMap<>();
    private Map<ConnectionId, Optional<String>> leadBefore = Map.of();

    ConnectionStates(Stores stores, Touched<ConnectionId, Connection> touchedConnections,
                     Touched<ReminderId, Reminder> touchedReminders, Touched<ContactKey, Contact> touchedContacts) {
        this.connections = stores.connections();
        this.reminders = stores.reminders();
        this.contacts = stores.contacts();
        this.touchedConnections = touchedConnections;
        this.touchedReminders = touchedReminders;
        this.touchedContacts = touchedContacts;
    }

    /** The stores a connection's route reads besides the connection: what it must read here too. */
    record Stores(Connections connections, Reminders reminders, Contacts contacts) {
    }

    /**
     * The stores registered for connections, reminders and contacts.
     *
     * @throws IllegalStateException if one is missing or is not its aggregate's port
     */
    static Stores stores(Projections projections) {
        return new Stores(port(projections, ConnectionEvent.class, Connections.class),
                port(projections, ReminderEvent.class, Reminders.class),
                port(projections, ContactScored.class, Contacts.class));
    }

    private static <S> S port(Projections projections, Class<? extends ProviderEvent> family, Class<S> port) {
        Projection<?, ?, ?> projection = projections.ofFamily(family);
        if (!port.isInstance(projection.store())) {
            throw new IllegalStateException(family.getSimpleName() + " must be stored in a " + port.getSimpleName()
                    + ": a connection's served state reads it");
        }
        return port.cast(projection.store());
    }

    /** Finds the affected connections and reads what they show, before anything of the batch is saved. */
    void captureBefore(List<Connection> changedConnections, List<Reminder> changedReminders,
                       List<Contact> changedContacts) {
        for (Connection connection : changedConnections) {
            changed.put(connection.id(), connection);
            cause(connection.id(), touchedConnections.lastChangedBy(connection.id()));
        }
        remindersChanged = !changedReminders.isEmpty();
        Set<ConnectionId> targets = new HashSet<>();
        for (Reminder reminder : changedReminders) {
            int index = touchedReminders.lastChangedBy(reminder.id());
            List<Reminder> states = new ArrayList<>(touchedReminders.loaded(reminder.id()).stream().toList());
            states.add(reminder);
            for (Reminder state : states) {
                target(state).ifPresent(id -> {
                    cause(id, index);
                    targets.add(id);
                });
            }
        }
        targets.removeAll(changed.keySet());
        if (!targets.isEmpty()) {
            pointedAt.putAll(connections.findAll(targets));
        }
        findLinked(changedContacts);
        // a reminder may point at a connection that does not exist (yet): nothing shows it
        causes.keySet().removeIf(id -> !changed.containsKey(id) && !pointedAt.containsKey(id) && !linked.containsKey(id));
        if (causes.isEmpty()) {
            return;
        }
        Set<ConnectionId> loaded = new HashSet<>(changed.keySet());
        loaded.addAll(pointedAt.keySet());
        remindersBefore.putAll(reminders.pointingAt(loaded, ConnectionDetails.REMINDERS_SHOWN));
        Map<ConnectionId, ConnectionLink> before = links(pointedAt);
        changed.keySet().forEach(id -> touchedConnections.loaded(id).ifPresent(stored -> before.put(id, link(stored))));
        before.putAll(linked);
        leadBefore = leadStatuses(before);
    }

    /** The connections that share an email or phone with a changed contact (its old or new one). */
    private void findLinked(List<Contact> changedContacts) {
        Map<String, Integer> byEmail = new HashMap<>();
        Map<String, Integer> byPhone = new HashMap<>();
        for (Contact contact : changedContacts) {
            int index = touchedContacts.lastChangedBy(contact.key());
            List<Contact> states = new ArrayList<>(touchedContacts.loaded(contact.key()).stream().toList());
            states.add(contact);
            for (Contact state : states) {
                state.email().flatMap(LinkKeys::email).ifPresent(email -> byEmail.merge(email, index, Math::max));
                state.phones().forEach(phone -> LinkKeys.phone(phone.number())
                        .ifPresent(digits -> byPhone.merge(digits, index, Math::max)));
            }
        }
        if (byEmail.isEmpty() && byPhone.isEmpty()) {
            return;
        }
        for (ConnectionLink link : connections.linkedTo(byEmail.keySet(), byPhone.keySet())) {
            link.email().map(byEmail::get).ifPresent(index -> cause(link.id(), index));
            link.phone().map(byPhone::get).ifPresent(index -> cause(link.id(), index));
            if (!changed.containsKey(link.id()) && !pointedAt.containsKey(link.id())) {
                linked.put(link.id(), link);
            }
        }
    }

    /**
     * After the saves: one change per affected connection whose served state differs from what it
     * was. The connections this batch did not save are locked first, so that two workers that
     * affect the same connection at once read each other's committed work in turn, and the later
     * change shows the final state.
     */
    List<AggregateBatch.IndexedChange> changesAfterSave(List<EventId> applied) {
        if (causes.isEmpty()) {
            return List.of();
        }
        Set<ConnectionId> unsaved = new HashSet<>(pointedAt.keySet());
        unsaved.addAll(linked.keySet());
        connections.lock(unsaved);
        Map<ConnectionId, ConnectionLink> after = links(changed);
        after.putAll(links(pointedAt));
        after.putAll(linked);
        Map<ConnectionId, Optional<String>> leadAfter = leadStatuses(after);
        // a connection that only shares a contact's email or phone changed only if the lead status it shows did
        linked.keySet().removeIf(id -> leadAfter.get(id).equals(leadBefore.get(id)));
        causes.keySet().removeIf(id -> !changed.containsKey(id) && !pointedAt.containsKey(id) && !linked.containsKey(id));
        Map<ConnectionId, Connection> shown = new HashMap<>(pointedAt);
        if (!linked.isEmpty()) {
            shown.putAll(connections.findAll(linked.keySet()));
            // nothing of the batch pointed at these: their reminders are the same before and after
            remindersBefore.putAll(reminders.pointingAt(linked.keySet(), ConnectionDetails.REMINDERS_SHOWN));
        }
        Map<ConnectionId, List<Reminder>> remindersAfter = remindersBefore;
        if (remindersChanged) {
            Set<ConnectionId> saved = new HashSet<>(changed.keySet());
            saved.addAll(pointedAt.keySet());
            remindersAfter = new HashMap<>(remindersBefore);
            remindersAfter.keySet().removeAll(saved);
            remindersAfter.putAll(reminders.pointingAt(saved, ConnectionDetails.REMINDERS_SHOWN));
        }
        List<AggregateBatch.IndexedChange> changes = new ArrayList<>();
        for (Map.Entry<ConnectionId, Integer> cause : causes.entrySet()) {
            ConnectionId id = cause.getKey();
            Optional<Connection> stored = changed.containsKey(id) ? touchedConnections.loaded(id)
                    : Optional.ofNullable(shown.get(id));
            Connection now = changed.containsKey(id) ? changed.get(id) : shown.get(id);
            if (now == null) {
                continue; // deleted from the store meanwhile
            }
            Optional<AggregateSnapshot> was = stored.map(connection -> new ConnectionDetails(connection,
                    remindersBefore.getOrDefault(id, List.of()), leadBefore.getOrDefault(id, Optional.empty())));
            ConnectionDetails is = new ConnectionDetails(now, remindersAfter.getOrDefault(id, List.of()),
                    leadAfter.getOrDefault(id, Optional.empty()));
            if (was.isEmpty() || !was.get().equals(is)) {
                changes.add(new AggregateBatch.IndexedChange(cause.getValue(), new NewChange(was, is,
                        applied.get(cause.getValue()))));
            }
        }
        return changes;
    }

    /** The lead status each connection shows, from one query for the candidates of them all. */
    private Map<ConnectionId, Optional<String>> leadStatuses(Map<ConnectionId, ConnectionLink> links) {
        Set<String> emails = new HashSet<>();
        Set<String> phones = new HashSet<>();
        links.values().forEach(link -> {
            link.email().ifPresent(emails::add);
            link.phone().ifPresent(phones::add);
        });
        LeadStatusLinks leads = new LeadStatusLinks(emails.isEmpty() && phones.isEmpty() ? List.of()
                : contacts.linkedTo(emails, phones));
        Map<ConnectionId, Optional<String>> statuses = new HashMap<>();
        links.forEach((id, link) -> statuses.put(id, leads.leadStatusOf(link.email(), link.phone())));
        return statuses;
    }

    /** The lead status one connection shows: what its route serves. */
    static Optional<String> leadStatus(Connection connection, Contacts contacts) {
        ConnectionLink link = link(connection);
        if (link.email().isEmpty() && link.phone().isEmpty()) {
            return Optional.empty();
        }
        return new LeadStatusLinks(contacts.linkedTo(link.email().map(Set::of).orElse(Set.of()),
                link.phone().map(Set::of).orElse(Set.of()))).leadStatusOf(link.email(), link.phone());
    }

    private static Map<ConnectionId, ConnectionLink> links(Map<ConnectionId, Connection> states) {
        Map<ConnectionId, ConnectionLink> links = new HashMap<>();
        states.forEach((id, connection) -> links.put(id, link(connection)));
        return links;
    }

    private static ConnectionLink link(Connection connection) {
        return new ConnectionLink(connection.id(), connection.field(ConnectionField.EMAIL).flatMap(LinkKeys::email),
                connection.field(ConnectionField.PHONE).flatMap(LinkKeys::phone));
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
