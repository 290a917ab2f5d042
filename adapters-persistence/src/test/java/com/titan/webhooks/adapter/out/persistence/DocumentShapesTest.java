package com.titan.webhooks.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.titan.webhooks.application.port.AggregateType;
import com.titan.webhooks.application.port.CardSnapshot;
import com.titan.webhooks.application.port.Change;
import com.titan.webhooks.application.port.DocumentSnapshot;
import com.titan.webhooks.application.port.StoredDocumentSnapshot;
import com.titan.webhooks.application.port.out.AggregateStore;
import com.titan.webhooks.application.port.out.DocumentKind;
import com.titan.webhooks.application.port.out.NewChange;
import com.titan.webhooks.domain.TestEvents;
import com.titan.webhooks.domain.booking.Booking;
import com.titan.webhooks.domain.card.Card;
import com.titan.webhooks.domain.delivery.EventId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Documents across releases, on both stores: one stored before its record changed shape still
 * reads (a member the record no longer has is skipped, one it gained reads as null, 0 or false), as
 * the README promises whoever changes an aggregate stored as a document; and a change of such a kind
 * is read as it was stored, by an instance that registers the kind or not.
 */
class DocumentShapesTest {

    private static final DocumentKind<Booking, Booking.Document> BOOKINGS =
            new DocumentKind<>(new AggregateType("booking"), Booking.Document.class, Booking::reconstitute);
    private static final String INSERT = """
            INSERT INTO aggregate_documents (aggregate, id, version, state) VALUES ('booking', :id, 4, :state)
            """;

    static Stream<Supplier<TestDatabase>> stores() {
        return Stream.of(TestDatabase::sqlite, TestDatabase::postgres);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aDocumentOfAnOlderShape_reads_skippingWhatWentAndWithNothingForWhatCame(Supplier<TestDatabase> kind) {
        try (TestDatabase store = kind.get(); Database database = store.openMigrated()) {
            // as an older Booking.Document wrote it: a "room" it has since dropped, no "confirmed" or "latest" yet
            String older = """
                    {"id": "b-old", "venue": "Main hall", "room": "4.01", "startsAt": "2026-03-02T09:30:00Z",
                     "guests": [{"name": "Jane Doe", "seats": 2, "dietary": "none"}], "counts": {"changes": 3},
                     "cancelledAt": null}
                    """;
            database.transactions().inTransaction(() -> database.jdbiTransactions().withHandle(handle -> handle
                    .createUpdate(INSERT).bind("id", "b-old").bind("state", new JsonState(older)).execute()));
            AggregateStore<String, Booking> bookings = database.documents().store(BOOKINGS);

            Booking read = bookings.find("b-old").orElseThrow();

            assertEquals("Main hall", read.document().venue());
            assertEquals(List.of(new Booking.Guest("Jane Doe", 2)), read.document().guests());
            assertEquals(Map.of("changes", 3L), read.document().counts());
            assertEquals(false, read.document().confirmed());
            assertNull(read.document().latest());
            assertEquals(4, read.version());
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void theChangesOfAKindNotRegistered_areReadAsStored_byEveryReader_andTheNextChangeToo(Supplier<TestDatabase> kind) {
        try (TestDatabase store = kind.get(); Database before = store.openMigrated();
             Database after = Database.open(store.settings())) {
            before.documents().store(BOOKINGS);
            Booking booking = Booking.aBooking("b-gone");
            Card card = TestEvents.aCard("c-kept");
            before.transactions().inTransaction(() -> {
                before.changes().record(List.of(
                        new NewChange(Optional.empty(), new DocumentSnapshot(BOOKINGS.type(), "b-gone", booking.document(),
                                false), new EventId("e1")),
                        new NewChange(Optional.empty(), new CardSnapshot(card), new EventId("e2"))), Instant.now());
                return null;
            });

            // an instance that does not register the booking (older, newer, or its record changed shape) reads
            // its change as stored: a cursor it hands out never passes a change another instance would show
            List<Change> read = after.changes().after(0, Set.of(), 10);

            assertEquals(List.of(new EventId("e1"), new EventId("e2")), read.stream().map(Change::eventId).toList());
            StoredDocumentSnapshot stored = (StoredDocumentSnapshot) read.get(0).after();
            assertEquals("b-gone", stored.id());
            assertTrue(stored.json().contains("\"venue\":\"Main hall\""), stored.json());
            assertTrue(stored.json().contains("\"starts_at\":\"2026-03-02T09:30:00.123456Z\""), stored.json());
            assertEquals(read, before.changes().after(0, Set.of(), 10), "the instance that registers it reads the same");
        }
    }
}
