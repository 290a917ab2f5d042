package com.titan.webhooks.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.titan.webhooks.application.port.AggregateType;
import com.titan.webhooks.application.port.CardSnapshot;
import com.titan.webhooks.application.port.Change;
import com.titan.webhooks.application.port.DocumentSnapshot;
import com.titan.webhooks.application.port.out.AggregateStore;
import com.titan.webhooks.application.port.out.ConcurrentUpdateException;
import com.titan.webhooks.application.port.out.DocumentKind;
import com.titan.webhooks.application.port.out.NewChange;
import com.titan.webhooks.domain.Require;
import com.titan.webhooks.domain.TestEvents;
import com.titan.webhooks.domain.booking.Booking;
import com.titan.webhooks.domain.booking.BookingChanged;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.event.DocumentAggregate;
import com.titan.webhooks.domain.event.Stamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generic document store and the change feed of documents, attacked: a record that gained a
 * member it requires, a save that lost a race, and an upgrade from a V12 store with data, on both
 * stores.
 */
class DocumentStoreTest {

    private static final AggregateType BOOKING = new AggregateType("booking");
    private static final DocumentKind<Booking, Booking.Document> BOOKINGS =
            new DocumentKind<>(BOOKING, Booking.Document.class, Booking::reconstitute);
    private static final AggregateType TICKET = new AggregateType("ticket");
    private static final Instant LATER = Instant.parse("2026-03-05T10:00:00Z");

    static Stream<Supplier<TestDatabase>> stores() {
        return Stream.of(TestDatabase::sqlite, TestDatabase::postgres);
    }

    /**
     * A release changes a document's shape the way the house style writes records (a list member,
     * copied in the compact constructor) and migrates the stored documents, as the README tells it
     * to. The change rows written before still hold the old shape: they must not make the feed of
     * every kind unreadable (every unfiltered reader gets a 500, the broker publisher stops), for
     * the whole retention.
     */
    @ParameterizedTest
    @MethodSource("stores")
    void aDocumentShapeChange_leavesTheFeedOfEveryKindReadable(Supplier<TestDatabase> kind) {
        try (TestDatabase store = kind.get(); Database older = store.openMigrated();
             Database newer = Database.open(store.settings())) {
            AggregateStore<String, Held<OldTicket>> oldTickets = older.documents().store(
                    new DocumentKind<>(TICKET, OldTicket.class, Held<OldTicket>::new));
            Held<OldTicket> ticket = new Held<>(new OldTicket("t1", "4A"), 0);
            older.transactions().inTransaction(() -> {
                oldTickets.save(ticket);
                older.changes().record(List.of(
                        new NewChange(Optional.empty(), new DocumentSnapshot(TICKET, "t1", ticket.document(), false),
                                new EventId("e1")),
                        new NewChange(Optional.empty(), new CardSnapshot(TestEvents.aCard("c1")), new EventId("e2"))),
                        Instant.now());
                return null;
            });
            // the new release: Ticket.Document gained "tags"; its Java migration upgrades the stored documents
            AggregateStore<String, Held<Ticket>> tickets = newer.documents().store(
                    new DocumentKind<>(TICKET, Ticket.class, Held<Ticket>::new));
            newer.transactions().inTransaction(() -> newer.jdbiTransactions().withHandle(handle -> handle
                    .createUpdate("UPDATE aggregate_documents SET state = :state WHERE aggregate = 'ticket'")
                    .bind("state", new JsonState("{\"id\":\"t1\",\"seat\":\"4A\",\"tags\":[]}")).execute()));
            assertEquals("4A", tickets.find("t1").orElseThrow().document().seat(), "the store reads after its migration");

            List<Change> read = assertDoesNotThrow(() -> newer.changes().after(0, Set.of(), 10),
                    "a change row of the older shape makes the whole feed unreadable");
            assertEquals(List.of(new EventId("e1"), new EventId("e2")), read.stream().map(Change::eventId).toList());
        }
    }

    /** Two workers save the same document at once on PostgreSQL: the one that lost waits, then is refused. */
    @ParameterizedTest
    @MethodSource("postgresOnly")
    void aSaveThatLostARace_isRefused_notAnOverwrite(Supplier<TestDatabase> kind) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try (TestDatabase store = kind.get(); Database database = store.openMigrated()) {
            AggregateStore<String, Booking> bookings = database.documents().store(BOOKINGS);
            bookings.save(Booking.aBooking("b1"));
            Booking first = bookings.find("b1").orElseThrow();
            Booking second = bookings.find("b1").orElseThrow();
            first.apply(new BookingChanged("b1", new Stamp(LATER, "k2"), "Annex", LATER, List.of(), false));
            second.apply(new BookingChanged("b1", new Stamp(LATER, "k3"), "Roof", LATER, List.of(), false));

            Future<?> lost = race(database, workers, () -> bookings.save(first), () -> bookings.save(second));

            ExecutionException refused = assertThrows(ExecutionException.class, () -> lost.get(10, TimeUnit.SECONDS));
            assertInstanceOf(ConcurrentUpdateException.class, refused.getCause(), refused.getCause().toString());
            Booking stored = bookings.find("b1").orElseThrow();
            assertEquals("Annex", stored.document().venue());
            assertEquals(2, stored.version());
        } finally {
            workers.shutdownNow();
        }
    }

    /** Two workers create the same document at once on PostgreSQL: the second insert is refused, not dropped silently. */
    @ParameterizedTest
    @MethodSource("postgresOnly")
    void aCreationThatLostARace_isRefused(Supplier<TestDatabase> kind) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try (TestDatabase store = kind.get(); Database database = store.openMigrated()) {
            AggregateStore<String, Booking> bookings = database.documents().store(BOOKINGS);
            Booking first = Booking.unseen("b2");
            first.apply(new BookingChanged("b2", new Stamp(LATER, "k2"), "Annex", LATER, List.of(), false));
            Booking second = Booking.unseen("b2");
            second.apply(new BookingChanged("b2", new Stamp(LATER, "k3"), "Roof", LATER, List.of(), false));

            Future<?> lost = race(database, workers, () -> bookings.save(first), () -> bookings.save(second));

            ExecutionException refused = assertThrows(ExecutionException.class, () -> lost.get(10, TimeUnit.SECONDS));
            assertInstanceOf(ConcurrentUpdateException.class, refused.getCause(), refused.getCause().toString());
            assertEquals("Annex", bookings.find("b2").orElseThrow().document().venue());
        } finally {
            workers.shutdownNow();
        }
    }

    static Stream<Supplier<TestDatabase>> postgresOnly() {
        return Stream.of(TestDatabase::postgres);
    }

    /** Runs {@code winner} in a transaction held open until {@code loser}, in another, is blocked behind it; answers the loser. */
    private static Future<?> race(Database database, ExecutorService workers, Runnable winner, Runnable loser)
            throws Exception {
        CountDownLatch saved = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Future<?> won = workers.submit(() -> database.transactions().inTransaction(() -> {
            winner.run();
            saved.countDown();
            try {
                commit.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        saved.await(10, TimeUnit.SECONDS);
        Future<?> lost = workers.submit(() -> database.transactions().inTransaction(() -> {
            loser.run();
            return null;
        }));
        Thread.sleep(500);
        assertFalse(lost.isDone(), "the loser waits for the winner's row lock");
        commit.countDown();
        won.get(10, TimeUnit.SECONDS);
        return lost;
    }

    /** A store at V12 with a connection and its change upgrades to V13, and both still read. */
    @ParameterizedTest
    @MethodSource("stores")
    void aV12StoreWithData_upgradesToV13(Supplier<TestDatabase> kind) {
        try (TestDatabase store = kind.get(); Database database = Database.open(store.settings())) {
            database.migrateOnlyTo("12");
            Connection connection = TestEvents.aConnection("j1");
            database.transactions().inTransaction(() -> {
                database.connections().save(connection);
                database.changes().record(List.of(new NewChange(Optional.empty(),
                        new com.titan.webhooks.application.port.ConnectionDetails(connection, List.of(), Optional.empty()),
                        new EventId("e1"))), Instant.now());
                return null;
            });

            assertEquals(1, database.migrate(), "V13 applied");

            assertEquals(1, database.connections().find(new ConnectionId("j1")).orElseThrow().version());
            assertEquals(1, database.changes().after(0, Set.of(), 10).size());
            AggregateStore<String, Booking> bookings = database.documents().store(BOOKINGS);
            bookings.save(Booking.aBooking("b4"));
            assertEquals(1, bookings.find("b4").orElseThrow().version());
            if (store.isPostgres()) {
                assertEquals("jsonb", database.jdbiTransactions().withHandle(handle -> handle.createQuery(
                        "SELECT data_type FROM information_schema.columns WHERE table_name = 'aggregate_documents'"
                                + " AND column_name = 'state'").mapTo(String.class).one()));
            }
        }
    }

    /** A document with an id, so that one aggregate class holds every shape of these tests. */
    interface Identified {
        String id();
    }

    /** The ticket as the release before wrote it. */
    record OldTicket(String id, String seat) implements Identified {
    }

    /** The ticket of the next release: it gained tags, copied as every record of the code base copies a list. */
    record Ticket(String id, String seat, List<String> tags) implements Identified {
        Ticket {
            Require.nonBlank(id, "id");
            tags = List.copyOf(tags);
        }
    }

    /** An aggregate whose whole state is its document, of any shape. */
    static final class Held<D extends Record & Identified> implements DocumentAggregate<Held<D>, D> {

        private final D document;
        private final long version;

        Held(D document, long version) {
            this.document = document;
            this.version = version;
        }

        @Override
        public String id() {
            return document.id();
        }

        @Override
        public D document() {
            return document;
        }

        @Override
        public Held<D> copy() {
            return new Held<>(document, version);
        }

        @Override
        public long version() {
            return version;
        }
    }
}
