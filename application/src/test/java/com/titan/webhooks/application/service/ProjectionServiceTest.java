package com.titan.webhooks.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.titan.webhooks.application.port.AggregateType;
import com.titan.webhooks.application.port.Change;
import com.titan.webhooks.application.port.ChangeKind;
import com.titan.webhooks.application.port.DocumentSnapshot;
import com.titan.webhooks.application.port.StoreUnavailableException;
import com.titan.webhooks.application.port.in.BatchReport;
import com.titan.webhooks.application.port.in.ReplayCommand;
import com.titan.webhooks.application.port.out.ConcurrentUpdateException;
import com.titan.webhooks.application.port.out.DocumentKind;
import com.titan.webhooks.application.port.out.MalformedPayloadException;
import com.titan.webhooks.application.port.out.NewDelivery;
import com.titan.webhooks.application.port.out.ProjectionListener;
import com.titan.webhooks.application.port.out.memory.InMemoryStore;
import com.titan.webhooks.domain.TestEvents;
import com.titan.webhooks.domain.booking.Booking;
import com.titan.webhooks.domain.booking.BookingChanged;
import com.titan.webhooks.domain.connection.Connection;
import com.titan.webhooks.domain.connection.ConnectionField;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.contact.ContactKey;
import com.titan.webhooks.domain.delivery.Envelope;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.delivery.IdempotencyKey;
import com.titan.webhooks.domain.delivery.ProcessingStatus;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.delivery.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The projection's rules, on the in-memory store: what is applied, ignored, retried, parked and
 * replayed, and that after every odd event the next ordinary one is still applied.
 */
class ProjectionServiceTest {

    private static final Instant START = Instant.parse("2026-01-16T16:00:00Z");
    /** Three attempts: after 1 s, then 2 s, then parked. */
    private static final RetryPolicy RETRIES = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofMinutes(5));

    private final InMemoryStore store = new InMemoryStore();
    private final SettableClock clock = new SettableClock(START);
    private final KnownEvents decoder = new KnownEvents();
    private final RefusingConnections connections = new RefusingConnections(store.connections());
    /** What the listener was told, as "key=result", in order. */
    private final List<String> settled = Collections.synchronizedList(new ArrayList<>());
    private final ProjectionListener listener = (event, result, at) ->
            settled.add(event.idempotencyKey().orElseThrow().value() + "=" + result);
    private final ProjectionService projection = new ProjectionService(store.transactions(), store.pendingEvents(),
            decoder, TestProjections.of(store, connections), store.changes(), RETRIES, clock, listener);

    @Test
    void anEvent_isApplied_markedProcessed_andItsChangeRecorded() {
        EventId created = connectionCreated("k1", "c1");

        assertEquals(new BatchReport(1, 1, 0, 0, 0), projection.projectNextBatch(10));

        assertEquals(ProcessingStatus.PROCESSED, event(created).status());
        assertEquals(Optional.of("new"), connection("c1").orElseThrow().field(ConnectionField.STATUS));
        List<Change> changes = store.changes().after(0, Set.of(), 10);
        assertEquals(1, changes.size());
        assertEquals(created, changes.get(0).eventId());
        assertEquals(AggregateType.CONNECTION, changes.get(0).after().type());
        assertEquals(List.of("k1=processed"), settled);
        assertEquals(BatchReport.EMPTY, projection.projectNextBatch(10), "nothing is left due");
    }

    @Test
    void anEventOfAnAggregateStoredAsADocument_isApplied_andItsChangesShowItsDocument() {
        decoder.decode("k1", () -> new BookingChanged("b1", TestEvents.stamp(1_000), "Main hall", START,
                List.of(new Booking.Guest("Jane Doe", 2)), false));
        EventId booked = stored("booking.changed", "k1");
        assertEquals(new BatchReport(1, 1, 0, 0, 0), projection.projectNextBatch(10));
        decoder.decode("k2", () -> new BookingChanged("b1", TestEvents.stamp(2_000), null, null, List.of(), true));
        EventId cancelled = stored("booking.changed", "k2");
        assertEquals(new BatchReport(1, 1, 0, 0, 0), projection.projectNextBatch(10));

        Booking stored = store.documents().store(new DocumentKind<>(TestProjections.BOOKING, Booking.Document.class,
                Booking::reconstitute)).find("b1").orElseThrow();
        assertTrue(stored.isDeleted());
        assertEquals(2, stored.version());
        List<Change> changes = store.changes().after(0, Set.of(TestProjections.BOOKING), 10);
        assertEquals(List.of(booked, cancelled), changes.stream().map(Change::eventId).toList());
        DocumentSnapshot first = (DocumentSnapshot) changes.get(0).after();
        assertEquals(new Booking.Document("b1", "Main hall", START, List.of(new Booking.Guest("Jane Doe", 2)),
                Map.of("changes", 1L), true, null, TestEvents.stamp(1_000)), first.document());
        assertEquals(ChangeKind.UPSERT, changes.get(0).kind());
        assertEquals(Optional.of(first), changes.get(1).before());
        assertEquals(ChangeKind.DELETE, changes.get(1).kind());
        assertEquals(stored.document(), ((DocumentSnapshot) changes.get(1).after()).document());
    }

    @Test
    void anEventOfAnUnhandledType_isMarkedIgnored_andChangesNothing() {
        EventId exported = stored("connection.exported", "k1");

        assertEquals(new BatchReport(1, 0, 1, 0, 0), projection.projectNextBatch(10));

        assertEquals(ProcessingStatus.IGNORED, event(exported).status());
        assertEquals(0, store.changes().window().last());
        assertEquals(List.of("k1=ignored"), settled);
        assertNextOrdinaryEventIsApplied();
    }

    @Test
    void aFailingEvent_isRetriedWithBackoff_thenParkedWithItsReason() {
        EventId failing = storedFailing("k1", new IllegalStateException("the enrichment lookup timed out"));
        String reason = "IllegalStateException: the enrichment lookup timed out";

        assertEquals(new BatchReport(1, 0, 0, 1, 0), projection.projectNextBatch(10));
        assertFailed(failing, ProcessingStatus.FAILED, 1, reason);

        clock.advance(Duration.ofMillis(999));
        assertEquals(BatchReport.EMPTY, projection.projectNextBatch(10), "not due before its first backoff (1 s) ends");
        clock.advance(Duration.ofMillis(1));
        assertEquals(new BatchReport(1, 0, 0, 1, 0), projection.projectNextBatch(10));
        assertFailed(failing, ProcessingStatus.FAILED, 2, reason);

        clock.advance(Duration.ofMillis(1_999));
        assertEquals(BatchReport.EMPTY, projection.projectNextBatch(10), "not due before its second backoff (2 s) ends");
        clock.advance(Duration.ofMillis(1));
        assertEquals(new BatchReport(1, 0, 0, 0, 1), projection.projectNextBatch(10));
        assertFailed(failing, ProcessingStatus.PARKED, 3, reason);

        clock.advance(Duration.ofDays(365));
        assertEquals(BatchReport.EMPTY, projection.projectNextBatch(10), "a parked event is never due");
        assertEquals(List.of("k1=failed", "k1=failed", "k1=parked"), settled);
        assertEquals(Optional.empty(), connection("c1"));
        assertNextOrdinaryEventIsApplied();
    }

    @Test
    void aMalformedPayload_isParkedAtOnce() {
        EventId malformed = storedFailing("k1", new MalformedPayloadException("data.connection_id is missing"));

        assertEquals(new BatchReport(1, 0, 0, 0, 1), projection.projectNextBatch(10));

        assertFailed(malformed, ProcessingStatus.PARKED, 1, "MalformedPayloadException: data.connection_id is missing");
        assertEquals(List.of("k1=parked"), settled);
        assertNextOrdinaryEventIsApplied();
    }

    @Test
    void aConflictWithAnotherWorker_isRetried_andTheEventAppliedOnce() {
        connections.refuse("c1", 2, () -> new ConcurrentUpdateException("connection c1 changed since it was loaded"));
        EventId created = connectionCreated("k1", "c1");

        assertEquals(new BatchReport(1, 1, 0, 0, 0), projection.projectNextBatch(10));

        assertEquals(2, connections.refusals());
        StoredEvent applied = event(created);
        assertEquals(ProcessingStatus.PROCESSED, applied.status());
        assertEquals(0, applied.attempts(), "a conflict is no failure of the event");
        assertEquals(Optional.empty(), applied.lastError());
        assertTrue(connection("c1").isPresent());
        List<Change> changes = store.changes().after(0, Set.of(), 10);
        assertEquals(1, changes.size(), "the rolled-back attempts recorded nothing");
        assertEquals(1, changes.get(0).position(), "and took no position");
        assertEquals(List.of("k1=processed"), settled, "the listener is told once, after the commit");
    }

    /** A save that keeps failing: a conflict that outlasts every retry, or a store that refuses the row. */
    static Stream<RuntimeException> failingSaves() {
        return Stream.of(new ConcurrentUpdateException("connection c2 changed"),
                new StoreUnavailableException("the store refused the row", null));
    }

    @ParameterizedTest
    @MethodSource("failingSaves")
    void aBatchWithOneFailingSave_isAppliedOneEventAtATime_andOnlyThatEventIsCharged(RuntimeException failure) {
        connections.refuse("c2", Integer.MAX_VALUE, () -> failure);
        EventId first = connectionCreated("k1", "c1");
        EventId refused = connectionCreated("k2", "c2");
        EventId third = connectionCreated("k3", "c3");

        assertEquals(new BatchReport(3, 2, 0, 1, 0), projection.projectNextBatch(10));

        assertEquals(ProcessingStatus.PROCESSED, event(first).status());
        assertEquals(ProcessingStatus.PROCESSED, event(third).status());
        assertFailed(refused, ProcessingStatus.FAILED, 1,
                failure.getClass().getSimpleName() + ": " + failure.getMessage());
        assertTrue(connection("c1").isPresent());
        assertTrue(connection("c3").isPresent());
        assertEquals(Optional.empty(), connection("c2"));
        List<Change> changes = store.changes().after(0, Set.of(), 10);
        assertEquals(List.of(first, third), changes.stream().map(Change::eventId).toList(),
                "the batch that failed whole left no change behind");
        assertEquals(List.of(1L, 2L), changes.stream().map(Change::position).toList());

        connections.refuse("c2", 0, () -> new IllegalStateException("no more refusals"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(new BatchReport(1, 1, 0, 0, 0), projection.projectNextBatch(10), "applied once it is due again");
        assertTrue(connection("c2").isPresent());
    }

    @Test
    void anEventItsAggregateRefuses_isParkedAtOnce_andTheBatchsOtherEventsAreApplied() {
        Map<String, String> tooMany = new HashMap<>();
        for (int i = 0; i <= 500; i++) {
            tooMany.put("attribute" + i, "value");
        }
        EventId first = connectionCreated("k1", "c1");
        decoder.decode("k2", () -> TestEvents.contactScored("contact-1", TestEvents.stamp(1_000), tooMany));
        EventId refused = stored("contact.scored", "k2");
        EventId third = connectionCreated("k3", "c3");

        assertEquals(new BatchReport(3, 2, 0, 0, 1), projection.projectNextBatch(10));

        assertEquals(ProcessingStatus.PROCESSED, event(first).status());
        assertEquals(ProcessingStatus.PROCESSED, event(third).status());
        StoredEvent parked = event(refused);
        assertEquals(ProcessingStatus.PARKED, parked.status());
        assertTrue(parked.lastError().orElseThrow().startsWith("LimitReachedException: contact contact-1"),
                parked.lastError().toString());
        assertEquals(Optional.empty(), store.contacts().find(new ContactKey("contact-1")));
    }

    @Test
    void replay_makesAParkedEventDueAgain_andItIsApplied() {
        EventId parked = storedFailing("k1", new MalformedPayloadException("data.connection_id is missing"));
        projection.projectNextBatch(10);
        assertEquals(ProcessingStatus.PARKED, event(parked).status());
        // the decoder is fixed and deployed; the operator replays the event
        decoder.decode("k1", () -> TestEvents.connectionCreated("c1", TestEvents.stamp(1_000),
                TestEvents.connectionFields(ConnectionField.STATUS, "new"), List.of()));
        ReplayService replay = new ReplayService(store.pendingEvents(), clock, new PendingWork());

        assertEquals(List.of(parked), replay.replay(ReplayCommand.status(ProcessingStatus.PARKED)));

        assertEquals(ProcessingStatus.RECEIVED, event(parked).status());
        assertEquals(0, event(parked).attempts());
        assertEquals(new BatchReport(1, 1, 0, 0, 0), projection.projectNextBatch(10));
        assertEquals(ProcessingStatus.PROCESSED, event(parked).status());
        assertEquals(Optional.of("new"), connection("c1").orElseThrow().field(ConnectionField.STATUS));
        assertEquals(List.of(), replay.replay(ReplayCommand.status(ProcessingStatus.PARKED)), "nothing is parked now");
    }

    private void assertNextOrdinaryEventIsApplied() {
        EventId next = connectionCreated("k-next", "c-next");
        assertEquals(new BatchReport(1, 1, 0, 0, 0), projection.projectNextBatch(10), "the next ordinary event is applied");
        assertEquals(ProcessingStatus.PROCESSED, event(next).status());
        assertTrue(connection("c-next").isPresent());
    }

    private void assertFailed(EventId id, ProcessingStatus status, int attempts, String reason) {
        StoredEvent stored = event(id);
        assertEquals(status, stored.status());
        assertEquals(attempts, stored.attempts());
        assertEquals(Optional.of(reason), stored.lastError());
    }

    /** Stores a connection.created for {@code connectionId} under {@code key}, as the receiving path would. */
    private EventId connectionCreated(String key, String connectionId) {
        decoder.decode(key, () -> TestEvents.connectionCreated(connectionId, TestEvents.stamp(1_000),
                TestEvents.connectionFields(ConnectionField.FULL_NAME, "Jane Doe", ConnectionField.STATUS, "new"),
                List.of("conference")));
        return stored("connection.created", key);
    }

    /** Stores a connection.created under {@code key} whose decoding fails with {@code failure}. */
    private EventId storedFailing(String key, RuntimeException failure) {
        decoder.decode(key, () -> {
            throw failure;
        });
        return stored("connection.created", key);
    }

    private EventId stored(String type, String key) {
        Source source = Source.TITANCARD;
        NewDelivery delivery = new NewDelivery(new EventId("event-" + key), source,
                Optional.of(new Envelope(source, type, clock.instant(), new IdempotencyKey(key))), clock.instant(),
                key.getBytes(StandardCharsets.UTF_8), Map.of(), ProcessingStatus.RECEIVED, Optional.empty(),
                Optional.empty());
        return store.inbox().append(delivery).toCompletableFuture().join().eventId();
    }

    private StoredEvent event(EventId id) {
        return store.storedEvents().find(id).orElseThrow();
    }

    private Optional<Connection> connection(String id) {
        return store.connections().find(new ConnectionId(id));
    }
}
