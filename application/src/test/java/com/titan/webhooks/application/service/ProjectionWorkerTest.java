package com.titan.webhooks.application.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.titan.webhooks.application.port.StoreUnavailableException;
import com.titan.webhooks.application.port.in.ProjectEventsUseCase;
import com.titan.webhooks.application.port.out.NewDelivery;
import com.titan.webhooks.application.port.out.ProjectionListener;
import com.titan.webhooks.application.port.out.memory.InMemoryStore;
import com.titan.webhooks.domain.TestEvents;
import com.titan.webhooks.domain.connection.ConnectionField;
import com.titan.webhooks.domain.connection.ConnectionId;
import com.titan.webhooks.domain.delivery.Envelope;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.delivery.IdempotencyKey;
import com.titan.webhooks.domain.delivery.ProcessingStatus;
import com.titan.webhooks.domain.delivery.Source;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The worker that drives the projection, on the in-memory store: it applies what is stored as soon
 * as it is woken, and outlives a store that fails. Waits are bounded; no timing is asserted.
 */
class ProjectionWorkerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final InMemoryStore store = new InMemoryStore();
    private final KnownEvents decoder = new KnownEvents();
    private final PendingWork pendingWork = new PendingWork();
    private final ProjectionService projection = new ProjectionService(store.transactions(), store.pendingEvents(),
            decoder, TestProjections.of(store), store.changes(), new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofMinutes(5)), Clock.systemUTC(),
            ProjectionListener.NONE);
    private ProjectionWorker worker;

    @AfterEach
    void stopWorker() throws InterruptedException {
        if (worker != null) {
            worker.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void aStoredEvent_isApplied_whenTheWorkerIsWoken_longBeforeItsNextPoll() throws InterruptedException {
        worker = new ProjectionWorker(projection, pendingWork, 100, Duration.ofHours(1));
        worker.start();

        EventId created = storeConnectionCreated("k1", "c1");
        pendingWork.signal();

        assertTrue(awaitStatus(created, ProcessingStatus.PROCESSED), "applied within " + PATIENCE);
        assertTrue(store.connections().find(new ConnectionId("c1")).isPresent());
        assertTrue(worker.isRunning());
    }

    @Test
    void aStoreThatFails_doesNotStopTheWorker_andWhatWaitedIsAppliedOnceItAnswers() throws InterruptedException {
        AtomicInteger failuresLeft = new AtomicInteger(3);
        ProjectEventsUseCase failingAtFirst = limit -> {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new StoreUnavailableException("the store cannot be reached", null);
            }
            return projection.projectNextBatch(limit);
        };
        EventId created = storeConnectionCreated("k1", "c1");
        worker = new ProjectionWorker(failingAtFirst, pendingWork, 100, Duration.ofMillis(10));

        worker.start();

        assertTrue(awaitStatus(created, ProcessingStatus.PROCESSED), "applied within " + PATIENCE);
        assertTrue(failuresLeft.get() < 0, "every failure was met first");
        assertTrue(worker.isRunning());
    }

    @Test
    void stop_endsTheWorker() throws InterruptedException {
        worker = new ProjectionWorker(projection, pendingWork, 100, Duration.ofHours(1));
        worker.start();
        assertTrue(worker.isRunning());

        worker.stop(Duration.ofSeconds(5));

        assertFalse(worker.isRunning());
    }

    @Test
    void whileDeliveriesQueueToBeStored_theWorkerHoldsBack_andAppliesOnceIngestQuietens() throws InterruptedException {
        PendingWork busyAtOne = new PendingWork(1);
        worker = new ProjectionWorker(projection, busyAtOne, 100, Duration.ofMillis(10), Duration.ofHours(1));
        EventId created = storeConnectionCreated("k1", "c1");
        busyAtOne.storing();
        worker.start();
        busyAtOne.signal();

        Thread.sleep(300);
        assertTrue(store.storedEvents().find(created).orElseThrow().status() == ProcessingStatus.RECEIVED,
                "held back while a delivery was being stored");

        busyAtOne.stored();
        assertTrue(awaitStatus(created, ProcessingStatus.PROCESSED), "applied within " + PATIENCE);
    }

    @Test
    void ingestThatNeverQuietens_doesNotStarveTheProjection() throws InterruptedException {
        PendingWork busyAtOne = new PendingWork(1);
        busyAtOne.storing();
        worker = new ProjectionWorker(projection, busyAtOne, 100, Duration.ofMillis(10), Duration.ofMillis(50));
        worker.start();

        for (int i = 0; i < 3; i++) {
            EventId created = storeConnectionCreated("k" + i, "c" + i);
            busyAtOne.signal();
            assertTrue(awaitStatus(created, ProcessingStatus.PROCESSED), "applied within " + PATIENCE);
        }
        assertTrue(busyAtOne.ingestIsBusy());
    }

    private boolean awaitStatus(EventId id, ProcessingStatus status) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (store.storedEvents().find(id).orElseThrow().status() == status) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    private EventId storeConnectionCreated(String key, String connectionId) {
        decoder.decode(key, () -> TestEvents.connectionCreated(connectionId, TestEvents.stamp(1_000),
                TestEvents.connectionFields(ConnectionField.STATUS, "new"), List.of()));
        Source source = Source.TITANCARD;
        Instant now = Instant.now();
        NewDelivery delivery = new NewDelivery(new EventId("event-" + key), source,
                Optional.of(new Envelope(source, "connection.created", now, new IdempotencyKey(key))), now,
                new byte[] {'{', '}'}, Map.of(), ProcessingStatus.RECEIVED, Optional.empty(), Optional.empty());
        return store.inbox().append(delivery).toCompletableFuture().join().eventId();
    }
}
