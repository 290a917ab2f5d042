package com.titan.webhooks.application.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.titan.webhooks.application.port.AggregateType;
import com.titan.webhooks.application.port.ConnectionFilter;
import com.titan.webhooks.application.port.ContactFilter;
import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.application.port.ReminderFilter;
import com.titan.webhooks.application.port.UnknownCursorException;
import com.titan.webhooks.application.port.out.AggregateStore;
import com.titan.webhooks.application.port.out.ConcurrentUpdateException;
import com.titan.webhooks.application.port.out.DocumentKind;
import com.titan.webhooks.domain.TestEvents;
import com.titan.webhooks.domain.booking.Booking;
import com.titan.webhooks.domain.booking.BookingChanged;
import com.titan.webhooks.domain.card.Card;
import com.titan.webhooks.domain.card.CardId;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionField;
import com.titan.webhooks.domain.connection.ConnectionEvent;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.connection.Note;
import com.titan.webhooks.domain.contact.Contact;
import com.titan.webhooks.domain.contact.ContactKey;
import com.titan.webhooks.domain.contact.LeadStatusLinks;
import com.titan.webhooks.domain.event.DocumentAggregate;
import com.titan.webhooks.domain.event.Stamp;
import com.titan.webhooks.domain.job.ScoringJob;
import com.titan.webhooks.domain.reminder.Reminder;
import com.titan.webhooks.domain.reminder.ReminderId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contract of the aggregate repositories and the unit of work: an aggregate comes back equal
 * to what was saved, a save based on a stale version is refused, and a failed unit of work leaves
 * nothing behind. One subclass per store.
 */
public abstract class RepositoriesContract extends StoreContract {

    static final AggregateType BOOKING = new AggregateType("booking");
    /** A kind of aggregate stored as a document, as a registration in {@code ProjectedAggregates} declares one. */
    static final DocumentKind<Booking, Booking.Document> BOOKINGS =
            new DocumentKind<>(BOOKING, Booking.Document.class, Booking::reconstitute);
    private static final Instant LATER = Instant.parse("2026-03-05T10:00:00Z");

    @Test
    void connection_savedThenFound_isEqualWithItsNextVersion() {
        String id = unique();
        Connection connection = TestEvents.aConnection(id);
        store.connections().save(connection);

        Connection found = store.connections().find(new ConnectionId(id)).orElseThrow();

        // its notes and enrichments are kept apart (and paged): loaded, it holds none of them as added
        assertEquals(Connection.reconstitute(connection.id(), connection.fields(), connection.stampedTags().orElse(null),
                connection.annotatedAt().orElse(null), connection.lifecycle(), 0), found);
        assertEquals(connection.addedNotes(), store.connections().notes(connection.id(), PageRequest.first(50)).items());
        assertEquals(connection.addedEnrichments(),
                store.connections().enrichments(connection.id(), PageRequest.first(50)).items());
        assertEquals(1, found.version());
        assertEquals(Optional.empty(), found.field(ConnectionField.UPDATED_AT), "an explicit null stays null");
        found.apply(TestEvents.statusChanged(id, TestEvents.stamp(9_000), "qualified"));
        store.connections().save(found);
        Connection updated = store.connections().find(new ConnectionId(id)).orElseThrow();
        assertEquals(Optional.of("qualified"), updated.field(ConnectionField.STATUS));
        assertEquals(2, updated.version());
    }

    @Test
    void connection_savedFromAStaleVersion_isRefused() {
        String id = unique();
        store.connections().save(TestEvents.aConnection(id));
        Connection first = store.connections().find(new ConnectionId(id)).orElseThrow();
        Connection second = store.connections().find(new ConnectionId(id)).orElseThrow();
        first.apply(TestEvents.statusChanged(id, TestEvents.stamp(9_000), "qualified"));
        store.connections().save(first);

        second.apply(TestEvents.statusChanged(id, TestEvents.stamp(9_001), "lost"));
        assertThrows(ConcurrentUpdateException.class, () -> store.connections().save(second));
    }

    @Test
    void connection_createdTwiceConcurrently_isRefusedTheSecondTime() {
        String id = unique();
        store.connections().save(TestEvents.aConnection(id));
        assertThrows(ConcurrentUpdateException.class, () -> store.connections().save(TestEvents.aConnection(id)));
    }

    @Test
    void card_savedThenFound_isEqual() {
        String id = unique();
        Card card = TestEvents.aCard(id);
        store.cards().save(card);
        assertEquals(card, store.cards().find(new CardId(id)).orElseThrow());
    }

    @Test
    void reminder_savedThenFound_isEqual() {
        String id = unique();
        Reminder reminder = TestEvents.aReminder(id, "j57xyz789ghi");
        store.reminders().save(reminder);
        assertEquals(reminder, store.reminders().find(new ReminderId(id)).orElseThrow());
    }

    @Test
    void contact_savedThenFound_isEqual() {
        String key = unique();
        Contact contact = TestEvents.aContact(key);
        store.contacts().save(contact);
        assertEquals(contact, store.contacts().find(new ContactKey(key)).orElseThrow());
    }

    @Test
    void scoringJob_savedThenFound_isEqual() {
        String key = unique();
        ScoringJob job = TestEvents.aScoringJob(key);
        store.scoringJobs().save(job);
        assertEquals(job, store.scoringJobs().find(key).orElseThrow());
    }

    @Test
    void document_savedThenFound_isEqualWithItsNextVersion() {
        String id = unique();
        AggregateStore<String, Booking> bookings = store.documents().store(BOOKINGS);
        Booking booking = Booking.aBooking(id);
        bookings.save(booking);

        Booking found = bookings.find(id).orElseThrow();

        assertEquals(booking.document(), found.document(), "every member, a time to the microsecond included");
        assertEquals(1, found.version());
        found.apply(new BookingChanged(id, new Stamp(LATER, "k2"), "Annex", LATER, List.of(), false));
        bookings.save(found);
        Booking updated = bookings.find(id).orElseThrow();
        assertEquals("Annex", updated.document().venue());
        assertEquals(Map.of("changes", 2L), updated.document().counts());
        assertEquals(2, updated.version());
    }

    @Test
    void document_savedFromAStaleVersion_isRefused() {
        String id = unique();
        AggregateStore<String, Booking> bookings = store.documents().store(BOOKINGS);
        bookings.save(Booking.aBooking(id));
        Booking first = bookings.find(id).orElseThrow();
        Booking second = bookings.find(id).orElseThrow();
        first.apply(new BookingChanged(id, new Stamp(LATER, "k2"), "Annex", LATER, List.of(), false));
        bookings.save(first);

        second.apply(new BookingChanged(id, new Stamp(LATER, "k3"), "Roof", LATER, List.of(), false));
        assertThrows(ConcurrentUpdateException.class, () -> bookings.save(second));
        assertThrows(ConcurrentUpdateException.class, () -> bookings.save(Booking.aBooking(id)), "created twice");
        assertEquals("Annex", bookings.find(id).orElseThrow().document().venue());
    }

    @Test
    void documents_ofTwoKinds_withTheSameId_areApart_andFoundTogether() {
        String id = unique();
        AggregateStore<String, Booking> bookings = store.documents().store(BOOKINGS);
        AggregateStore<String, Booking> others = store.documents().store(new DocumentKind<>(
                new AggregateType("other_booking"), Booking.Document.class, Booking::reconstitute));
        bookings.save(Booking.aBooking(id));

        assertTrue(others.find(id).isEmpty(), "the same id of another kind names nothing");
        others.save(Booking.aBooking(id));
        String missing = unique();
        assertEquals(Set.of(id), bookings.findAll(List.of(id, missing)).keySet());
        assertEquals(1, bookings.find(id).orElseThrow().version());
        assertTrue(bookings.find(missing).isEmpty());
    }

    @Test
    void aKindRegisteredAgain_withAnotherDocument_isRefused() {
        store.documents().store(BOOKINGS);
        store.documents().store(BOOKINGS);

        assertThrows(IllegalArgumentException.class, () -> store.documents().store(new DocumentKind<Elsewhere, Elsewhere.Document>(
                BOOKING, Elsewhere.Document.class, (document, version) -> new Elsewhere())));
    }

    /** An aggregate of another shape, registered under a name already taken. */
    private static final class Elsewhere implements DocumentAggregate<Elsewhere, Elsewhere.Document> {

        record Document(String id) {
        }

        @Override
        public String id() {
            return "elsewhere";
        }

        @Override
        public Document document() {
            return new Document(id());
        }

        @Override
        public Elsewhere copy() {
            return new Elsewhere();
        }

        @Override
        public long version() {
            return 0;
        }
    }

    @Test
    void unknownIds_areNotFound() {
        assertTrue(store.connections().find(new ConnectionId(unique())).isEmpty());
        assertTrue(store.cards().find(new CardId(unique())).isEmpty());
        assertTrue(store.scoringJobs().find(unique()).isEmpty());
    }

    @Test
    void unitOfWork_thatThrows_leavesNothingBehind() {
        String id = unique();
        assertThrows(IllegalStateException.class, () -> store.transactions().inTransaction(() -> {
            store.connections().save(TestEvents.aConnection(id));
            store.cards().save(TestEvents.aCard(id));
            throw new IllegalStateException("the work fails after two saves");
        }));
        assertTrue(store.connections().find(new ConnectionId(id)).isEmpty());
        assertTrue(store.cards().find(new CardId(id)).isEmpty());
    }

    @Test
    void unitOfWork_nestedInOneThatThrows_leavesNothingBehind() {
        String id = unique();
        assertThrows(IllegalStateException.class, () -> store.transactions().inTransaction(() -> {
            store.transactions().inTransaction(() -> {
                store.connections().save(TestEvents.aConnection(id));
                return null;
            });
            assertTrue(store.connections().find(new ConnectionId(id)).isPresent(),
                    "the outer work reads what the nested one wrote");
            throw new IllegalStateException("the outer work fails after the nested one returned");
        }));
        assertTrue(store.connections().find(new ConnectionId(id)).isEmpty());
    }

    @Test
    void connections_listByFilter_inPagesThatCoverEveryMatchOnce() {
        String status = "status-" + unique();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String id = "list-" + unique();
            Connection connection = TestEvents.aConnection(id);
            connection.apply(TestEvents.statusChanged(id, TestEvents.stamp(9_000), status));
            if (i == 6) {
                connection.apply(TestEvents.connectionDeleted(id, TestEvents.stamp(9_500)));
            }
            store.connections().save(connection);
            ids.add(id);
        }
        ConnectionFilter filter = new ConnectionFilter(Optional.of(status), Optional.of("conference"),
                Optional.of("JANE@example.com"), Optional.empty(), false);

        List<String> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            Page<Connection> page = store.connections().list(filter, new PageRequest(cursor, 2));
            page.items().forEach(c -> seen.add(c.id().value()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor.isPresent());

        List<String> expected = ids.subList(0, 6).stream().sorted().toList();
        assertEquals(expected, seen);
        assertEquals(3, pages);
        ConnectionFilter withDeleted = new ConnectionFilter(Optional.of(status), Optional.empty(), Optional.empty(),
                Optional.empty(), true);
        assertEquals(7, store.connections().list(withDeleted, PageRequest.first(500)).items().size());
        ConnectionFilter otherTag = new ConnectionFilter(Optional.of(status), Optional.of("conf%"), Optional.empty(),
                Optional.empty(), true);
        assertEquals(0, store.connections().list(otherTag, PageRequest.first(500)).items().size(),
                "a tag filter is a whole tag, wildcards included literally");
    }

    @Test
    void connectionNotes_areAppendedOnce_keptByTheNoteRule_andPagedInTheOrderTheyCame() {
        String id = "notes-" + unique();
        ConnectionId key = new ConnectionId(id);
        Connection created = Connection.unseen(key);
        created.apply(TestEvents.connectionCreated(id, TestEvents.stamp(100),
                TestEvents.connectionFields(ConnectionField.FULL_NAME, "Jane Doe"), List.of()));
        created.apply(TestEvents.noteAdded(id, TestEvents.stamp(3_000), "n3", "third"));
        created.apply(TestEvents.noteAdded(id, TestEvents.stamp(1_000), "n1", "first"));
        store.connections().save(created);

        Connection loaded = store.connections().find(key).orElseThrow();
        assertEquals(List.of(), loaded.addedNotes(), "the notes are not part of the loaded state");
        assertEquals(Instant.ofEpochMilli(3_000), loaded.lastChangedAt(), "it still knows when the last came");
        loaded.apply(TestEvents.noteAdded(id, TestEvents.stamp(2_000), "n2", "second"));
        loaded.apply(TestEvents.noteAdded(id, TestEvents.stamp(1_000), "n1", "first, again"));
        loaded.apply(TestEvents.noteAdded(id, TestEvents.stamp(500), "n3", "an older version of n3"));
        loaded.apply(TestEvents.enriched(id, TestEvents.stamp(4_000), "clearbit"));
        store.connections().save(loaded);
        Connection again = store.connections().find(key).orElseThrow();
        again.apply(TestEvents.noteAdded(id, TestEvents.stamp(2_000), "n2", "second"));
        store.connections().save(again);

        List<String> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            Page<Note> page = store.connections().notes(key, new PageRequest(cursor, 2));
            page.items().forEach(note -> seen.add(note.id() + ":" + note.content()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor.isPresent());
        // n1 at the same time twice: the greater content is kept, as Note.kept says, whichever came first
        assertEquals(List.of("n1:first, again", "n2:second", "n3:third"), seen);
        assertEquals(2, pages);
        assertEquals(1, store.connections().enrichments(key, PageRequest.first(50)).items().size());
        assertEquals(List.of(new Note("n1", "first, again", Instant.ofEpochMilli(1_000))),
                store.connections().storedNotes(key, Set.of("n1", "never-added")));
        String enrichment = store.connections().enrichments(key, PageRequest.first(50)).items().get(0).eventKey();
        assertEquals(Set.of(enrichment), store.connections().storedEnrichments(key, Set.of(enrichment, "never-run")));
        assertEquals(List.of(), store.connections().notes(new ConnectionId("none-" + unique()), PageRequest.first(50))
                .items());
        assertThrows(UnknownCursorException.class, () -> store.connections().notes(key,
                new PageRequest(Optional.of("not a cursor!"), 2)));
    }

    /**
     * Arrival order, now that a store keeps the notes: versions of a few notes, shuffled and
     * applied in batches of random sizes, each batch loaded and saved as the projection does, leave
     * the notes and the time of the latest that one connection built from all of them holds.
     */
    @Test
    void connectionNotes_inAnyOrderAndBatches_areThoseOfOneConnectionBuiltFromThemAll() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String[] contents = {"a", "b", "c"};
        for (int round = 0; round < 5; round++) {
            String id = "shuffled-" + unique();
            ConnectionId key = new ConnectionId(id);
            List<ConnectionEvent.NoteAdded> events = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                events.add(TestEvents.noteAdded(id, TestEvents.stamp(1_000L * (1 + random.nextInt(4)), "k" + i),
                        "n" + random.nextInt(4), contents[random.nextInt(contents.length)]));
            }
            Connection whole = Connection.unseen(key);
            events.forEach(whole::apply);
            Collections.shuffle(events, random);
            for (int at = 0; at < events.size(); ) {
                int end = Math.min(events.size(), at + 1 + random.nextInt(4));
                Connection batch = store.connections().find(key).orElseGet(() -> Connection.unseen(key));
                events.subList(at, end).forEach(batch::apply);
                store.connections().save(batch);
                at = end;
            }
            assertEquals(whole.addedNotes(), store.connections().notes(key, PageRequest.first(500)).items(),
                    "seed " + seed);
            assertEquals(whole.lastChangedAt(), store.connections().find(key).orElseThrow().lastChangedAt(),
                    "seed " + seed);
        }
    }

    @Test
    void reminders_listByConnectionStatusAndDueDate() {
        String connection = unique();
        store.reminders().save(TestEvents.aReminder(unique(), connection));
        store.reminders().save(TestEvents.aReminder(unique(), connection));
        store.reminders().save(TestEvents.aReminder(unique(), unique()));

        assertEquals(2, store.reminders().list(ReminderFilter.forConnection(connection), PageRequest.first(50)).items().size());
        ReminderFilter dueSoon = new ReminderFilter(Optional.of("pending"), Optional.of(Instant.parse("2024-01-18T00:00:00Z")),
                Optional.of(connection), Optional.empty());
        assertEquals(2, store.reminders().list(dueSoon, PageRequest.first(50)).items().size());
        ReminderFilter dueEarlier = new ReminderFilter(Optional.empty(), Optional.of(Instant.parse("2024-01-17T00:00:00Z")),
                Optional.of(connection), Optional.empty());
        assertEquals(0, store.reminders().list(dueEarlier, PageRequest.first(50)).items().size());
    }

    @Test
    void contacts_listByLeadStatus_andLinkByEmailOrPhoneDigits() {
        String key = unique();
        store.contacts().save(TestEvents.aContact(key));
        ContactFilter byEmail = new ContactFilter(Optional.of("high"), Optional.of("ADA@example.com"), Optional.empty());
        assertTrue(store.contacts().list(byEmail, PageRequest.first(500)).items().stream()
                .anyMatch(c -> c.key().value().equals(key)));

        assertEquals(Optional.of("high"), linkedLeadStatus(Optional.of("ada@example.com"), Optional.empty()));
        assertEquals(Optional.of("high"), linkedLeadStatus(Optional.empty(), Optional.of("15551234567")));
        assertEquals(Optional.empty(), linkedLeadStatus(Optional.of("nobody@example.com"), Optional.of("4930000000")));
    }

    private Optional<String> linkedLeadStatus(Optional<String> email, Optional<String> phone) {
        return new LeadStatusLinks(store.contacts().linkedTo(email.map(Set::of).orElse(Set.of()),
                phone.map(Set::of).orElse(Set.of()))).leadStatusOf(email, phone);
    }

    @Test
    void tagHoldingTheSeparator_isFoundWhole_butNotByItsHalves() {
        String id = "pipe-" + unique();
        String half = unique();
        Connection connection = TestEvents.aConnection(id);
        connection.apply(TestEvents.tagged(id, TestEvents.stamp(9_000), List.of(half + "|vip", "back\\slash")));
        store.connections().save(connection);

        assertEquals(List.of(id), taggedWith(half + "|vip"));
        assertEquals(List.of(id), taggedWith("back\\slash"));
        assertEquals(List.of(), taggedWith(half), "the tag's first half");
        assertEquals(List.of(), taggedWith("vip").stream().filter(id::equals).toList(), "the tag's second half");
        assertEquals(List.of(), taggedWith(half + "\\!vip"), "the escaped form is not a tag of its own");
    }

    @Test
    void aTagOfAnyLength_isKept_andFoundWhole_evenWhereItsBeginningIsAnotherTags() {
        // PostgreSQL refuses a B-tree entry over about 2.7 KB: a tag is indexed by its beginning
        String id = "long-" + unique();
        String beginning = unique() + "x".repeat(300);
        java.util.Random random = new java.util.Random(16);
        StringBuilder incompressible = new StringBuilder(beginning);
        while (incompressible.length() < 6_000) {
            incompressible.append((char) ('!' + random.nextInt(90)));
        }
        String longTag = incompressible.toString();
        Connection connection = TestEvents.aConnection(id);
        connection.apply(TestEvents.tagged(id, TestEvents.stamp(9_000), List.of(longTag, beginning + "other")));
        store.connections().save(connection);

        assertEquals(List.of(id), taggedWith(longTag));
        assertEquals(List.of(id), taggedWith(beginning + "other"));
        assertEquals(List.of(), taggedWith(beginning), "a tag's beginning is no tag of its own");
        assertEquals(List.of(longTag, beginning + "other"),
                store.connections().find(new ConnectionId(id)).orElseThrow().tags());
    }

    @Test
    void anEmailFilterNoRowCanMatch_matchesNothing_neverEverything() {
        Connection connection = TestEvents.aConnection("mail-" + unique());
        store.connections().save(connection);
        store.contacts().save(TestEvents.aContact("mail-" + unique() + "@example.com"));
        for (String email : List.of("a".repeat(321) + "@example.com", " ", "bell\u0007@example.com")) {
            ConnectionFilter connections = new ConnectionFilter(Optional.empty(), Optional.empty(), Optional.of(email),
                    Optional.empty(), true);
            assertEquals(List.of(), store.connections().list(connections, PageRequest.first(10)).items(), email);
            ContactFilter contacts = new ContactFilter(Optional.empty(), Optional.of(email), Optional.empty());
            assertEquals(List.of(), store.contacts().list(contacts, PageRequest.first(10)).items(), email);
        }
    }

    @Test
    void cursor_notIssuedByTheService_isRefused() {
        ConnectionFilter all = new ConnectionFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                false);
        // not Base64; a NUL byte (PostgreSQL refuses it in text); a control character; not UTF-8
        for (String cursor : List.of("!!not base64!!", "AA", "eAB5", "CQ", "gA", "7aCA")) {
            assertThrows(UnknownCursorException.class, () -> store.connections().list(all,
                    new PageRequest(Optional.of(cursor), 10)), cursor);
            assertThrows(UnknownCursorException.class, () -> store.storedEvents().list(
                    new com.titan.webhooks.application.port.EventFilter(Optional.empty(), Optional.empty(),
                            Optional.empty(), Optional.empty()), new PageRequest(Optional.of(cursor), 10)), cursor);
        }
        Optional<String> next = store.connections().list(all, PageRequest.first(1)).nextCursor();
        if (next.isPresent()) {
            assertEquals(1, store.connections().list(all, new PageRequest(next, 1)).items().size(),
                    "a cursor the service issued still works");
        }
    }

    private List<String> taggedWith(String tag) {
        ConnectionFilter filter = new ConnectionFilter(Optional.empty(), Optional.of(tag), Optional.empty(),
                Optional.empty(), false);
        return store.connections().list(filter, PageRequest.first(500)).items().stream()
                .map(c -> c.id().value()).toList();
    }

    private static String unique() {
        return UUID.randomUUID().toString();
    }
}
