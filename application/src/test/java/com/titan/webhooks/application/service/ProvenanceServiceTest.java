package com.titan.webhooks.application.service;

import static com.titan.webhooks.domain.TestEvents.connectionCreated;
import static com.titan.webhooks.domain.TestEvents.connectionFields;
import static com.titan.webhooks.domain.TestEvents.connectionUpdated;
import static com.titan.webhooks.domain.TestEvents.stamp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.titan.webhooks.application.port.AggregateType;
import com.titan.webhooks.application.port.in.AggregateRef;
import com.titan.webhooks.application.port.in.EventOrigin;
import com.titan.webhooks.application.port.in.Provenance;
import com.titan.webhooks.application.port.out.Cards;
import com.titan.webhooks.application.port.out.Connections;
import com.titan.webhooks.application.port.out.Contacts;
import com.titan.webhooks.application.port.out.EventDecoder;
import com.titan.webhooks.application.port.out.Reminders;
import com.titan.webhooks.application.port.out.StoredEvents;
import com.titan.webhooks.application.port.out.memory.InMemoryStore;
import com.titan.webhooks.domain.booking.BookingChanged;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionEvent;
import com.titan.webhooks.domain.connection.ConnectionField;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.delivery.IdempotencyKey;
import com.titan.webhooks.domain.delivery.ProcessingStatus;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.delivery.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Provenance from the stored stamps and a replay in arrival order, over fake ports. */
class ProvenanceServiceTest {

    private static final String ID = "c-1";

    private final StoredEvents storedEvents = mock(StoredEvents.class);
    private final EventDecoder decoder = mock(EventDecoder.class);
    private final Connections connections = mock(Connections.class);
    private final ProvenanceService provenance = new ProvenanceService(connections, mock(Cards.class),
            mock(Reminders.class), mock(Contacts.class), storedEvents, decoder, TestProjections.of(new InMemoryStore()));
    private final List<StoredEvent> arrived = new ArrayList<>();

    private final ConnectionEvent.Updated update = connectionUpdated(ID, stamp(2_000, "k-update"),
            connectionFields(ConnectionField.FULL_NAME, "Ada New"));
    private final ConnectionEvent.Created creation = connectionCreated(ID, stamp(1_000, "k-create"),
            connectionFields(ConnectionField.FULL_NAME, "Ada Old", ConnectionField.EMAIL, "ada@example.com"), List.of("vip"));

    @Test
    void olderCreation_arrivingAfterTheUpdate_losesItsName_andKeepsTheFieldsOnlyItCarried() {
        EventId updated = arrives(update, ProcessingStatus.PROCESSED);
        EventId created = arrives(creation, ProcessingStatus.PROCESSED);
        stored(update, creation);

        Provenance traced = provenance.trace(new AggregateRef(AggregateType.CONNECTION, ID)).orElseThrow();

        assertEquals(Optional.of(updated), origin(traced, "full_name").eventId());
        assertEquals(Instant.ofEpochMilli(2_000), origin(traced, "full_name").occurredAt());
        assertEquals(Optional.of(created), origin(traced, "email").eventId());
        assertEquals(Optional.of(created), origin(traced, "tags").eventId());
        assertEquals(1, traced.lost().size());
        Provenance.LostValue lost = traced.lost().get(0);
        assertEquals("full_name", lost.field());
        assertEquals("Ada Old", lost.value());
        assertEquals(created, lost.event().id());
        assertEquals(Optional.of(updated), lost.lostTo().eventId());
        assertEquals(Optional.of(created), traced.created().orElseThrow().eventId());
        assertFalse(traced.isDeleted());
        assertTrue(traced.complete());
    }

    @Test
    void inArrivalOrder_nothingLoses() {
        arrives(creation, ProcessingStatus.PROCESSED);
        arrives(update, ProcessingStatus.PROCESSED);
        stored(creation, update);

        assertEquals(List.of(), provenance.trace(new AggregateRef(AggregateType.CONNECTION, ID)).orElseThrow().lost());
    }

    @Test
    void anEventNoLongerInTheInbox_showsAsItsKeyAndTime_withoutAnId() {
        arrives(update, ProcessingStatus.PROCESSED);
        stored(update, creation);

        Provenance traced = provenance.trace(new AggregateRef(AggregateType.CONNECTION, ID)).orElseThrow();

        assertEquals(Optional.empty(), origin(traced, "email").eventId());
        assertEquals("k-create", origin(traced, "email").eventKey());
        assertEquals(Instant.ofEpochMilli(1_000), origin(traced, "email").occurredAt());
    }

    @Test
    void aParkedEvent_isListed_butNeitherWinsNorLoses() {
        arrives(creation, ProcessingStatus.PROCESSED);
        EventId parked = arrives(connectionUpdated(ID, stamp(500, "k-parked"),
                connectionFields(ConnectionField.FULL_NAME, "Never applied")), ProcessingStatus.PARKED);
        stored(creation);

        Provenance traced = provenance.trace(new AggregateRef(AggregateType.CONNECTION, ID)).orElseThrow();

        assertEquals(List.of(), traced.lost());
        assertTrue(traced.events().stream().anyMatch(event -> event.id().equals(parked)));
    }

    @Test
    void anAggregateNotStored_hasNoProvenance() {
        when(connections.find(new ConnectionId(ID))).thenReturn(Optional.empty());
        assertEquals(Optional.empty(), provenance.trace(new AggregateRef(AggregateType.CONNECTION, ID)));
        assertEquals(Optional.empty(), provenance.trace(new AggregateRef(AggregateType.SCORING_JOB, "job-1")));
    }

    @Test
    void aDecodedEvent_namesTheAggregateItsRegistrationTakesItTo() {
        arrives(creation, ProcessingStatus.PROCESSED);
        BookingChanged booked = new BookingChanged("b-1", stamp(3_000, "k-booked"), "Annex", Instant.EPOCH, List.of(),
                false);
        StoredEvent booking = arrived.get(0);
        when(decoder.decodeEvent(booking)).thenReturn(booked);

        assertEquals(new AggregateRef(TestProjections.BOOKING, "b-1"), provenance.decode(booking).orElseThrow().aggregate());
        when(decoder.decodeEvent(booking)).thenReturn(creation);
        assertEquals(new AggregateRef(AggregateType.CONNECTION, ID), provenance.decode(booking).orElseThrow().aggregate());
    }

    private EventId arrives(ConnectionEvent event, ProcessingStatus status) {
        EventId id = new EventId("e-" + (arrived.size() + 1));
        StoredEvent stored = new StoredEvent(id, Source.TITANCARD, Optional.of("connection.x"),
                Optional.of(new IdempotencyKey(event.stamp().eventKey())), Optional.of(event.stamp().at()),
                Instant.ofEpochSecond(arrived.size() + 1), ("{\"id\":\"" + ID + "\"}").getBytes(StandardCharsets.UTF_8),
                Map.of(), status, 1, Optional.empty(), Optional.empty());
        arrived.add(stored);
        when(decoder.handles(Source.TITANCARD, "connection.x")).thenReturn(true);
        when(decoder.decodeEvent(stored)).thenReturn(event);
        when(storedEvents.mentioning(eq(Source.TITANCARD), eq(ID), anyInt())).thenReturn(List.copyOf(arrived));
        return id;
    }

    /** The connection as the projection stored it: every processed event applied, in whatever order. */
    private void stored(ConnectionEvent... applied) {
        Connection connection = Connection.unseen(new ConnectionId(ID));
        for (ConnectionEvent event : applied) {
            connection.apply(event);
        }
        when(connections.find(any())).thenReturn(Optional.of(connection));
    }

    private static EventOrigin origin(Provenance traced, String field) {
        return traced.fields().stream().filter(f -> f.field().equals(field)).findFirst().orElseThrow().setBy();
    }
}
