package com.titan.webhooks.application.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.titan.webhooks.application.port.AggregateSnapshot;
import com.titan.webhooks.application.port.AggregateType;
import com.titan.webhooks.application.port.CardFilter;
import com.titan.webhooks.application.port.CardSnapshot;
import com.titan.webhooks.application.port.Change;
import com.titan.webhooks.application.port.ChangeKind;
import com.titan.webhooks.application.port.ConnectionDetails;
import com.titan.webhooks.application.port.ConnectionFilter;
import com.titan.webhooks.application.port.ContactFilter;
import com.titan.webhooks.application.port.ContactSnapshot;
import com.titan.webhooks.application.port.DocumentSnapshot;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.application.port.ReminderFilter;
import com.titan.webhooks.application.port.ReminderSnapshot;
import com.titan.webhooks.application.port.ScoringJobSnapshot;
import com.titan.webhooks.application.port.StoredDocumentSnapshot;
import com.titan.webhooks.application.port.out.ChangeWindow;
import com.titan.webhooks.application.port.out.ConnectionLink;
import com.titan.webhooks.application.port.out.NewChange;
import com.titan.webhooks.domain.TestEvents;
import com.titan.webhooks.domain.booking.Booking;
import com.titan.webhooks.domain.booking.BookingChanged;
import com.titan.webhooks.domain.card.Card;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.contact.Contact;
import com.titan.webhooks.domain.contact.ContactLink;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.reminder.Reminder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contract of the change feed store: changes come back in position order with the states they
 * were recorded with (a later change never rewrites an earlier one), a unit of work that fails
 * leaves no change and takes no position, retention remembers where it stopped, and recording
 * marks the aggregates as changed for {@code updated_since}. One subclass per store.
 */
public abstract class ChangeFeedContract extends StoreContract {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void recordedChanges_comeBackInPositionOrder_withTheStatesTheyWereRecordedWith() {
        String id = unique();
        Connection created = TestEvents.aConnection(id);
        Reminder reminder = TestEvents.aReminder(unique(), id);
        ConnectionDetails first = new ConnectionDetails(created, List.of(reminder), Optional.of("high"));
        Connection updated = created.copy();
        updated.apply(TestEvents.statusChanged(id, TestEvents.stamp(9_000), "qualified"));
        ConnectionDetails second = new ConnectionDetails(updated, List.of(reminder), Optional.empty());
        Card card = TestEvents.aCard(unique());
        Contact contact = TestEvents.aContact(unique());
        ChangeWindow before = store.changes().window();

        store.transactions().inTransaction(() -> {
            store.changes().record(List.of(new NewChange(Optional.empty(), first, event("e1")),
                    new NewChange(Optional.empty(), new CardSnapshot(card), event("e2"))), NOW);
            return null;
        });
        store.transactions().inTransaction(() -> {
            store.changes().record(List.of(new NewChange(Optional.of(first), second, event("e3")),
                    new NewChange(Optional.empty(), new ContactSnapshot(contact), event("e4")),
                    new NewChange(Optional.empty(), new ReminderSnapshot(reminder), event("e5")),
                    new NewChange(Optional.empty(), new ScoringJobSnapshot(TestEvents.aScoringJob(unique())), event("e6"))),
                    NOW.plusMillis(1));
            return null;
        });

        List<Change> changes = store.changes().after(before.last(), Set.of(), 100);
        assertEquals(6, changes.size());
        assertEquals(before.last() + 6, store.changes().window().last());
        for (int i = 0; i < changes.size(); i++) {
            assertEquals(before.last() + 1 + i, changes.get(i).position(), "positions without gaps");
            assertEquals(event("e" + (i + 1)), changes.get(i).eventId());
        }
        assertEquals(first, changes.get(0).after(), "a later change does not rewrite an earlier one");
        assertEquals(Optional.empty(), changes.get(0).before());
        assertEquals(NOW, changes.get(0).committedAt());
        assertEquals(new CardSnapshot(card), changes.get(1).after());
        assertEquals(Optional.of(first), changes.get(2).before());
        assertEquals(second, changes.get(2).after());
        assertEquals(new ContactSnapshot(contact), changes.get(3).after());
        assertEquals(AggregateType.SCORING_JOB, changes.get(5).after().type());

        assertEquals(List.of(changes.get(1)), store.changes().after(before.last(), Set.of(AggregateType.CARD), 100));
        assertEquals(changes.subList(2, 4), store.changes().after(changes.get(1).position(), Set.of(), 2));
        assertEquals(List.of(changes.get(0), changes.get(2)), store.changes().after(before.last(),
                Set.of(AggregateType.CONNECTION), Optional.of(first.id()), 100), "one aggregate's history");
        assertEquals(List.of(), store.changes().after(before.last(), Set.of(AggregateType.CARD), Optional.of(first.id()),
                100), "the id of another kind names nothing");
    }

    @Test
    void documentChanges_comeBackWithTheirDocuments_andFilterByTheirType() {
        store.documents().store(RepositoriesContract.BOOKINGS);
        String id = unique();
        Booking created = Booking.aBooking(id);
        Booking cancelled = created.copy();
        cancelled.apply(new BookingChanged(id, TestEvents.stamp(Instant.parse("2026-03-06T00:00:00Z").toEpochMilli()),
                null, null, List.of(), true));
        DocumentSnapshot first = new DocumentSnapshot(RepositoriesContract.BOOKING, id, created.document(), false);
        DocumentSnapshot second = new DocumentSnapshot(RepositoriesContract.BOOKING, id, cancelled.document(), true);
        long last = store.changes().window().last();

        store.transactions().inTransaction(() -> {
            store.changes().record(List.of(new NewChange(Optional.empty(), first, event("e1")),
                    new NewChange(Optional.empty(), new CardSnapshot(TestEvents.aCard(unique())), event("e2")),
                    new NewChange(Optional.of(first), second, event("e3"))), NOW);
            return null;
        });

        List<Change> bookings = store.changes().after(last, Set.of(RepositoriesContract.BOOKING), 10);
        assertEquals(2, bookings.size());
        assertShows(first, bookings.get(0).after());
        assertEquals(Optional.empty(), bookings.get(0).before());
        assertEquals(ChangeKind.UPSERT, bookings.get(0).kind());
        assertShows(first, bookings.get(1).before().orElseThrow());
        assertShows(second, bookings.get(1).after());
        assertEquals(ChangeKind.DELETE, bookings.get(1).kind());
        assertEquals(3, store.changes().after(last, Set.of(), 10).size());
        assertEquals(bookings, store.changes().after(last, Set.of(RepositoriesContract.BOOKING), Optional.of(id), 10));
    }

    /**
     * A booking's change as a store reads it back: its record (a store that keeps objects), or its
     * JSON as the feed shows it (a store that writes it down, and reads it back without its record).
     */
    private static void assertShows(DocumentSnapshot recorded, AggregateSnapshot read) {
        assertEquals(List.of(recorded.type(), recorded.id(), recorded.deleted()), List.of(read.type(), read.id(), read.deleted()));
        if (read instanceof StoredDocumentSnapshot stored) {
            Booking.Document document = (Booking.Document) recorded.document();
            for (String member : List.of("\"venue\":" + (document.venue() == null ? "null" : "\"" + document.venue() + "\""),
                    "\"confirmed\":" + document.confirmed(), "\"starts_at\":" + (document.startsAt() == null ? "null"
                            : "\"" + document.startsAt() + "\""), "\"guests\":[" + (document.guests().isEmpty() ? "]"
                            : "{\"name\":\"" + document.guests().get(0).name() + "\",\"seats\":"))) {
                assertTrue(stored.json().contains(member), member + " in " + stored.json());
            }
        } else {
            assertEquals(recorded, read, "the document as recorded, every member");
        }
    }

    @Test
    void deletedAggregate_isRecordedAsADelete() {
        String id = unique();
        Connection deleted = TestEvents.aConnection(id);
        deleted.apply(TestEvents.connectionDeleted(id, TestEvents.stamp(9_000)));
        long last = store.changes().window().last();
        store.transactions().inTransaction(() -> {
            store.changes().record(List.of(new NewChange(Optional.empty(),
                    new ConnectionDetails(deleted, List.of(), Optional.empty()), event("e1"))), NOW);
            return null;
        });
        Change change = store.changes().after(last, Set.of(), 10).get(0);
        assertEquals(ChangeKind.DELETE, change.kind());
        assertTrue(change.after().deleted());
    }

    @Test
    void unitOfWorkThatFails_leavesNoChange_andTakesNoPosition() {
        String id = unique();
        ChangeWindow before = store.changes().window();
        assertThrows(IllegalStateException.class, () -> store.transactions().inTransaction(() -> {
            Connection connection = TestEvents.aConnection(id);
            store.connections().save(connection);
            store.changes().record(List.of(new NewChange(Optional.empty(),
                    new ConnectionDetails(connection, List.of(), Optional.empty()), event("e1"))), NOW);
            throw new IllegalStateException("the batch fails after recording its change");
        }));
        assertEquals(before, store.changes().window());
        assertEquals(List.of(), store.changes().after(before.last(), Set.of(), 10));
        assertTrue(store.connections().find(new ConnectionId(id)).isEmpty());
    }

    @Test
    void retention_deletesTheOlderChanges_andRemembersWhereItStopped() {
        try (StoreUnderTest fresh = openStore()) {
            Card card = TestEvents.aCard(unique());
            for (int i = 0; i < 3; i++) {
                Instant at = NOW.plusSeconds(i);
                fresh.transactions().inTransaction(() -> {
                    fresh.changes().record(List.of(new NewChange(Optional.empty(), new CardSnapshot(card), event("e"))), at);
                    return null;
                });
            }
            assertEquals(Optional.of(NOW), fresh.changes().oldestCommittedAt());

            assertEquals(2, fresh.changes().pruneCommittedBefore(NOW.plusSeconds(2)));

            assertEquals(new ChangeWindow(2, 3), fresh.changes().window());
            assertEquals(Optional.of(NOW.plusSeconds(2)), fresh.changes().oldestCommittedAt());
            assertEquals(0, fresh.changes().pruneCommittedBefore(NOW.plusSeconds(2)), "nothing more to delete");
            assertEquals(3, fresh.changes().after(2, Set.of(), 10).get(0).position());
        }
    }

    @Test
    void recording_marksTheAggregatesChangedThen_forUpdatedSince() {
        Connection connection = TestEvents.aConnection(unique());
        Card card = TestEvents.aCard(unique());
        Reminder reminder = TestEvents.aReminder(unique(), connection.id().value());
        Contact contact = TestEvents.aContact(unique());
        Instant at = NOW.plusSeconds(3_600);
        store.transactions().inTransaction(() -> {
            store.connections().save(connection);
            store.cards().save(card);
            store.reminders().save(reminder);
            store.contacts().save(contact);
            store.changes().record(List.of(
                    new NewChange(Optional.empty(), new ConnectionDetails(connection, List.of(), Optional.empty()), event("e")),
                    new NewChange(Optional.empty(), new CardSnapshot(card), event("e")),
                    new NewChange(Optional.empty(), new ReminderSnapshot(reminder), event("e")),
                    new NewChange(Optional.empty(), new ContactSnapshot(contact), event("e"))), at);
            return null;
        });
        PageRequest page = PageRequest.first(500);
        for (Instant since : List.of(at, at.plusMillis(1))) {
            boolean expected = since.equals(at);
            Optional<Instant> filter = Optional.of(since);
            assertEquals(expected, store.connections().list(new ConnectionFilter(Optional.empty(), Optional.empty(),
                    Optional.empty(), filter, true), page).items().stream().anyMatch(c -> c.id().equals(connection.id())),
                    "connection since " + since);
            assertEquals(expected, store.cards().list(new CardFilter(true, filter), page).items().contains(card));
            assertEquals(expected, store.reminders().list(new ReminderFilter(Optional.empty(), Optional.empty(),
                    Optional.empty(), filter), page).items().contains(reminder));
            assertEquals(expected, store.contacts().list(new ContactFilter(Optional.empty(), Optional.empty(), filter),
                    page).items().contains(contact));
        }
    }

    @Test
    void linkLookups_findConnectionsAndContactsByEmailOrPhone_andRemindersByConnection() {
        String id = unique();
        Connection connection = TestEvents.aConnection(id);
        Reminder later = TestEvents.aReminder("b-" + unique(), id);
        Reminder earlier = TestEvents.aReminder("a-" + unique(), id);
        Contact contact = TestEvents.aContact(unique());
        store.connections().save(connection);
        store.reminders().saveAll(List.of(later, earlier));
        store.contacts().save(contact);

        ConnectionLink byKeys = new ConnectionLink(connection.id(), Optional.of("jane@example.com"), Optional.of("15551234567"));
        assertTrue(store.connections().linkedTo(Set.of("jane@example.com"), Set.of()).contains(byKeys));
        assertTrue(store.connections().linkedTo(Set.of(), Set.of("15551234567")).contains(byKeys));
        ContactLink link = new ContactLink(contact.key(), "high", Optional.of("ada@example.com"), Set.of("15551234567"));
        assertTrue(store.contacts().linkedTo(Set.of(), Set.of("15551234567")).contains(link));
        assertTrue(store.contacts().linkedTo(Set.of("ada@example.com"), Set.of()).contains(link));
        assertEquals(List.of(), store.contacts().linkedTo(Set.of("nobody@example.com"), Set.of("4930000000")));
        assertEquals(List.of(earlier, later), store.reminders().pointingAt(List.of(connection.id()), 5)
                .get(connection.id()));
        assertEquals(List.of(earlier), store.reminders().pointingAt(List.of(connection.id()), 1).get(connection.id()));
        store.transactions().inTransaction(() -> {
            store.connections().lock(List.of(connection.id()));
            return null;
        });
    }

    private static EventId event(String value) {
        return new EventId(value);
    }

    private static String unique() {
        return UUID.randomUUID().toString();
    }
}
