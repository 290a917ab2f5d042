package com.titan.webhooks.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.titan.webhooks.application.port.AggregateType;
import com.titan.webhooks.application.port.in.BatchReport;
import com.titan.webhooks.application.port.out.ProjectionListener;
import com.titan.webhooks.application.port.out.memory.InMemoryStore;
import com.titan.webhooks.domain.booking.Booking;
import com.titan.webhooks.domain.booking.BookingChanged;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionEvent;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.contact.ContactScored;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The projection registry's start-up checks: an event the decoder's catalogue can produce without
 * a projection, or a family registered twice, stops the service before it takes a delivery.
 */
class ProjectionsTest {

    private final InMemoryStore store = new InMemoryStore();
    private final KnownEvents decoder = new KnownEvents();

    @Test
    void catalogueEntry_withoutItsProjection_failsTheBoot_namingIt() {
        List<Projection<?, ?, ?>> registered = TestProjections.all(store, store.connections());
        registered.removeIf(projection -> projection.family() == ContactScored.class);

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> start(registered));

        assertEquals("no projection takes titanx contact.scored (" + ContactScored.class.getName()
                + "): register the aggregate they change with its Projection", refused.getMessage());
    }

    @Test
    void everyCatalogueEntryRegistered_starts_andProjects() {
        ProjectionService projection = start(TestProjections.all(store, store.connections()));

        assertEquals(BatchReport.EMPTY, projection.projectNextBatch(10));
    }

    @Test
    void aFamilyRegisteredTwice_isRefused() {
        List<Projection<?, ?, ?>> registered = TestProjections.all(store, store.connections());
        registered.add(new Projection<>(AggregateType.CONNECTION, ConnectionEvent.class, ConnectionEvent::connectionId,
                ConnectionId::value, Connection::unseen, Connection::apply, store.connections(), Optional.empty()));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new Projections(registered));

        assertEquals("two projections take ConnectionEvent: register each event family once", refused.getMessage());
    }

    @Test
    void twoAggregatesOfOneName_areRefused() {
        List<Projection<?, ?, ?>> registered = TestProjections.all(store, store.connections());
        registered.add(Projection.document(store.documents(), AggregateType.CARD, BookingChanged.class,
                BookingChanged::bookingId, Booking::unseen, Booking::apply, Booking.Document.class, Booking::reconstitute));
        registered.removeIf(projection -> projection.type().equals(TestProjections.BOOKING));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new Projections(registered));

        assertEquals("two projections are named card: give each aggregate a name of its own", refused.getMessage());
    }

    @Test
    void theRegisteredTypes_areEveryAggregatesName_inRegistrationOrder() {
        assertEquals(List.of("connection", "card", "reminder", "contact", "scoring_job", "booking"),
                TestProjections.of(store).types().stream().map(AggregateType::wireName).toList());
    }

    private ProjectionService start(List<Projection<?, ?, ?>> registered) {
        return new ProjectionService(store.transactions(), store.pendingEvents(), decoder, new Projections(registered),
                store.changes(), new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofMinutes(5)), Clock.systemUTC(),
                ProjectionListener.NONE);
    }
}
