package com.titan.webhooks.application.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.titan.webhooks.application.port.EventFilter;
import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.application.port.StoreUnavailableException;
import com.titan.webhooks.application.port.out.Appended;
import com.titan.webhooks.application.port.out.Inbox;
import com.titan.webhooks.application.port.out.NewDelivery;
import com.titan.webhooks.application.port.out.PendingEvents;
import com.titan.webhooks.application.port.out.ReplaySelection;
import com.titan.webhooks.application.port.out.StoredEvents;
import com.titan.webhooks.domain.delivery.Envelope;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.delivery.IdempotencyKey;
import com.titan.webhooks.domain.delivery.ProcessingStatus;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.delivery.StoredEvent;
import com.titan.webhooks.domain.signature.SecretUsed;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract every store's inbox must pass, through its three ports: {@link Inbox} (appending),
 * {@link PendingEvents} (the worker's side) and {@link StoredEvents} (reading and retention),
 * which one store implements over the same events; one subclass per store.
 */
public abstract class InboxContract extends StoreContract {

    private static final Instant NOW = Instant.parse("2026-01-16T16:00:00Z");

    private Inbox inbox;
    private PendingEvents pendingEvents;
    private StoredEvents storedEvents;

    @BeforeAll
    void openInbox() {
        inbox = store.inbox();
        pendingEvents = store.pendingEvents();
        storedEvents = store.storedEvents();
    }

    @Test
    void append_thenFind_keepsTheBodyByteForByteAndTheHeaders() {
        byte[] body = {'{', '}', (byte) 0xC3, (byte) 0x28, 0, (byte) 0xFF};
        NewDelivery delivery = delivery(Source.TITANCARD, unique(), ProcessingStatus.RECEIVED, body);

        Appended appended = append(inbox, delivery);

        assertFalse(appended.duplicate());
        StoredEvent stored = storedEvents.find(appended.eventId()).orElseThrow();
        assertArrayEquals(body, stored.rawBody());
        assertEquals(Map.of("user-agent", "TitanCard-Webhooks/1.0"), stored.headers());
        assertEquals(Optional.of("connection.created"), stored.eventType());
        assertEquals(Optional.of(Instant.ofEpochMilli(1_705_420_800_000L)), stored.occurredAt());
        assertEquals(NOW, stored.receivedAt());
        assertEquals(ProcessingStatus.RECEIVED, stored.status());
        assertEquals(0, stored.attempts());
        assertEquals(Optional.of(new SecretUsed(2, "d0d87160")), stored.secretUsed(), "which secret verified it, never the secret");
    }

    @Test
    void append_sameKeyTwice_answersTheFirstDeliverysIdAsDuplicate() {
        String key = unique();
        Appended first = append(inbox, delivery(Source.TITANX, key, ProcessingStatus.RECEIVED, new byte[] {1}));
        Appended second = append(inbox, delivery(Source.TITANX, key, ProcessingStatus.RECEIVED, new byte[] {2}));

        assertTrue(second.duplicate());
        assertEquals(first.eventId(), second.eventId());
        assertArrayEquals(new byte[] {1}, storedEvents.find(first.eventId()).orElseThrow().rawBody());
    }

    /**
     * An append commits on its own: inside a unit of work it is refused at once, in every store,
     * rather than committed behind the unit of work's back (a group commit), rolled back with it
     * (in memory), or left waiting for the one connection the unit of work holds (SQLite).
     */
    @Test
    void append_insideAUnitOfWork_isRefusedAtOnce_storesNothing_andTheNextAppendIsStored() {
        NewDelivery inside = delivery(Source.TITANCARD, unique(), ProcessingStatus.RECEIVED, new byte[] {1});
        long started = System.nanoTime();

        assertThrows(IllegalStateException.class, () -> store.transactions().inTransaction(() -> append(inbox, inside)));

        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMillis < 1_000, "refused at once, not after " + tookMillis + " ms of waiting");
        assertFalse(storedEvents.find(inside.id()).isPresent(), "nothing stored");
        NewDelivery after = delivery(Source.TITANCARD, unique(), ProcessingStatus.RECEIVED, new byte[] {2});
        append(inbox, after);
        assertTrue(storedEvents.find(after.id()).isPresent(), "the next append, outside, is stored");
    }

    @Test
    void append_sameKeyFromTheOtherSource_isADifferentEvent() {
        String key = unique();
        append(inbox, delivery(Source.TITANX, key, ProcessingStatus.RECEIVED, new byte[] {1}));
        assertFalse(append(inbox, delivery(Source.TITANCARD, key, ProcessingStatus.RECEIVED, new byte[] {1})).duplicate());
    }

    @Test
    void append_malformedTwice_keepsBoth() {
        NewDelivery malformed = new NewDelivery(newId(), Source.TITANCARD, Optional.empty(), NOW, new byte[] {'x'},
                Map.of(), ProcessingStatus.MALFORMED, Optional.of("the body is not valid JSON"), Optional.empty());
        NewDelivery again = new NewDelivery(newId(), Source.TITANCARD, Optional.empty(), NOW, new byte[] {'x'},
                Map.of(), ProcessingStatus.MALFORMED, Optional.of("the body is not valid JSON"), Optional.empty());

        assertFalse(append(inbox, malformed).duplicate());
        assertFalse(append(inbox, again).duplicate());
        StoredEvent stored = storedEvents.find(again.id()).orElseThrow();
        assertEquals(ProcessingStatus.MALFORMED, stored.status());
        assertEquals(Optional.of("the body is not valid JSON"), stored.lastError());
        assertEquals(Optional.empty(), stored.eventType());
    }

    @Test
    void fiftyConcurrentAppends_ofOneEvent_storeItOnce() throws Exception {
        String key = unique();
        int senders = 50;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Appended>> results = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                Callable<Appended> send = () -> {
                    start.await();
                    return append(inbox, delivery(Source.TITANCARD, key, ProcessingStatus.RECEIVED, new byte[] {7}));
                };
                results.add(pool.submit(send));
            }
            start.countDown();
            int accepted = 0;
            List<EventId> ids = new ArrayList<>();
            for (Future<Appended> result : results) {
                Appended appended = result.get();
                accepted += appended.duplicate() ? 0 : 1;
                ids.add(appended.eventId());
            }
            assertEquals(1, accepted);
            assertEquals(1, ids.stream().distinct().count());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void manyAppendsAtOnce_mixingNewEventsDuplicatesAndMalformedOnes_storeEachEventOnce_andKeepEveryBody() {
        // sent without waiting, so that a store that commits in groups takes them in a few batches
        List<String> keys = new ArrayList<>();
        List<NewDelivery> sent = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            keys.add(unique());
        }
        for (int copy = 0; copy < 3; copy++) {
            for (int i = 0; i < keys.size(); i++) {
                sent.add(delivery(Source.TITANCARD, keys.get(i), ProcessingStatus.RECEIVED, new byte[] {(byte) i, (byte) copy}));
                if (i % 10 == 0) {
                    sent.add(new NewDelivery(newId(), Source.TITANCARD, Optional.empty(), NOW, new byte[] {'x', (byte) i},
                            Map.of(), ProcessingStatus.MALFORMED, Optional.of("not JSON"), Optional.empty()));
                }
            }
        }
        List<java.util.concurrent.CompletableFuture<Appended>> answers = new ArrayList<>();
        for (NewDelivery delivery : sent) {
            answers.add(inbox.append(delivery).toCompletableFuture());
        }

        // which copy of a key wins is the store's to decide (two commits may race); that one wins is not
        Map<String, EventId> storedByKey = new java.util.HashMap<>();
        Map<String, byte[]> bodyByKey = new java.util.HashMap<>();
        Map<String, List<EventId>> answeredByKey = new java.util.HashMap<>();
        int stored = 0;
        for (int i = 0; i < sent.size(); i++) {
            NewDelivery delivery = sent.get(i);
            Appended appended = answers.get(i).join();
            if (delivery.envelope().isEmpty()) {
                assertFalse(appended.duplicate(), "a malformed delivery is always kept");
                assertArrayEquals(delivery.body(), storedEvents.find(appended.eventId()).orElseThrow().rawBody());
                stored++;
                continue;
            }
            String key = delivery.envelope().orElseThrow().idempotencyKey().value();
            answeredByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(appended.eventId());
            if (!appended.duplicate()) {
                assertEquals(delivery.id(), appended.eventId());
                assertEquals(null, storedByKey.put(key, appended.eventId()), "stored twice: " + key);
                bodyByKey.put(key, delivery.body());
                stored++;
            }
        }
        assertEquals(100 + 30, stored);
        for (String key : keys) {
            EventId winner = storedByKey.get(key);
            assertEquals(List.of(winner, winner, winner), answeredByKey.get(key), "every copy answers the stored id");
            assertArrayEquals(bodyByKey.get(key), storedEvents.find(winner).orElseThrow().rawBody(), "the stored copy's body");
        }
    }

    @Test
    void claimDue_thenMark_walksAnEventThroughItsStatuses() {
        EventId ready = append(inbox, delivery(Source.TITANCARD, unique(), ProcessingStatus.RECEIVED, new byte[] {1})).eventId();
        EventId ignored = append(inbox, delivery(Source.TITANCARD, unique(), ProcessingStatus.IGNORED, new byte[] {1})).eventId();

        List<EventId> claimed = store.transactions().inTransaction(() ->
                pendingEvents.claimDue(NOW.plusSeconds(1), 10_000).stream().map(StoredEvent::id).toList());
        assertTrue(claimed.contains(ready));
        assertFalse(claimed.contains(ignored));

        pendingEvents.markFailed(ready, 1, "boom", Optional.of(NOW.plusSeconds(60)));
        assertEquals(ProcessingStatus.FAILED, storedEvents.find(ready).orElseThrow().status());
        assertFalse(dueIds(NOW.plusSeconds(59)).contains(ready), "not due before its backoff ends");
        assertTrue(dueIds(NOW.plusSeconds(61)).contains(ready), "due again after its backoff");

        pendingEvents.markFailed(ready, 2, "boom again", Optional.empty());
        StoredEvent parked = storedEvents.find(ready).orElseThrow();
        assertEquals(ProcessingStatus.PARKED, parked.status());
        assertEquals(2, parked.attempts());
        assertEquals(Optional.of("boom again"), parked.lastError());
        assertFalse(dueIds(Instant.parse("3000-01-01T00:00:00Z")).contains(ready), "a parked event is never due");

        List<EventId> requeued = pendingEvents.requeue(new ReplaySelection(Optional.of(ready), Optional.empty()), NOW);
        assertEquals(List.of(ready), requeued);
        assertEquals(ProcessingStatus.RECEIVED, storedEvents.find(ready).orElseThrow().status());
        assertEquals(0, storedEvents.find(ready).orElseThrow().attempts());

        pendingEvents.markProcessed(List.of(ready), ProcessingStatus.PROCESSED);
        assertEquals(ProcessingStatus.PROCESSED, storedEvents.find(ready).orElseThrow().status());
    }

    @Test
    void requeueByStatus_takesEveryEventInThatStatus_butNeverMalformedOnes() {
        EventId ignored = append(inbox, delivery(Source.TITANX, unique(), ProcessingStatus.IGNORED, new byte[] {1})).eventId();
        NewDelivery malformed = new NewDelivery(newId(), Source.TITANX, Optional.empty(), NOW, new byte[] {'x'},
                Map.of(), ProcessingStatus.MALFORMED, Optional.of("bad"), Optional.empty());
        append(inbox, malformed);

        List<EventId> requeued = pendingEvents.requeue(new ReplaySelection(Optional.empty(), Optional.of(ProcessingStatus.IGNORED)), NOW);

        assertTrue(requeued.contains(ignored));
        assertEquals(ProcessingStatus.RECEIVED, storedEvents.find(ignored).orElseThrow().status());
        assertEquals(List.of(), pendingEvents.requeue(new ReplaySelection(Optional.of(malformed.id()), Optional.empty()), NOW));
        assertEquals(ProcessingStatus.MALFORMED, storedEvents.find(malformed.id()).orElseThrow().status());
    }

    @Test
    void list_filtersBySourceAndStatus_inReceiptOrder_andCountsByStatus() {
        Map<ProcessingStatus, Long> before = storedEvents.countByStatus();
        List<EventId> appended = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            appended.add(append(inbox, delivery(Source.TITANX, unique(), ProcessingStatus.IGNORED, new byte[] {1})).eventId());
        }
        EventFilter ignoredTitanX = new EventFilter(Optional.of(Source.TITANX), Optional.of("connection.created"),
                Optional.of(ProcessingStatus.IGNORED), Optional.of(NOW));
        List<EventId> listed = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<StoredEvent> page = storedEvents.list(ignoredTitanX, new PageRequest(cursor, 2));
            page.items().forEach(e -> listed.add(e.id()));
            cursor = page.nextCursor();
        } while (cursor.isPresent());

        assertEquals(appended, listed.subList(listed.size() - 3, listed.size()));
        assertEquals(before.get(ProcessingStatus.IGNORED) + 3, storedEvents.countByStatus().get(ProcessingStatus.IGNORED));
        assertEquals(List.of(), storedEvents.list(new EventFilter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(NOW.plusSeconds(1))), PageRequest.first(10)).items());
    }

    @Test
    void retention_blanksSettledPayloads_keepsTheirRecord_andSparesEventsStillToApply() {
        NewDelivery settled = delivery(Source.TITANCARD, unique(), ProcessingStatus.IGNORED, new byte[] {'{', '}'});
        NewDelivery waiting = delivery(Source.TITANCARD, unique(), ProcessingStatus.RECEIVED, new byte[] {'{', '}'});
        append(inbox, settled);
        append(inbox, waiting);

        assertTrue(storedEvents.blankPayloadsReceivedBefore(NOW.plusSeconds(1)) >= 1);

        StoredEvent blanked = storedEvents.find(settled.id()).orElseThrow();
        assertArrayEquals(new byte[0], blanked.rawBody());
        assertEquals(Map.of(), blanked.headers());
        assertEquals(Optional.of("connection.created"), blanked.eventType(), "the record stays");
        assertArrayEquals(new byte[] {'{', '}'}, storedEvents.find(waiting.id()).orElseThrow().rawBody());
        assertEquals(0, storedEvents.blankPayloadsReceivedBefore(NOW.minusSeconds(1)), "nothing younger is touched");
    }

    @Test
    void unitOfWork_thatThrows_undoesWhatThePortsDidInIt_evenWorkThatWouldBeAUnitOfItsOwn() {
        EventId parked = append(inbox, delivery(Source.TITANCARD, unique(), ProcessingStatus.PARKED, new byte[] {1})).eventId();
        EventId due = append(inbox, delivery(Source.TITANCARD, unique(), ProcessingStatus.RECEIVED, new byte[] {1})).eventId();
        ReplaySelection replayParked = new ReplaySelection(Optional.of(parked), Optional.empty());

        assertThrows(IllegalStateException.class, () -> store.transactions().inTransaction(() -> {
            // alone, a re-queue is a unit of work of its own; here it must join the caller's
            assertEquals(List.of(parked), pendingEvents.requeue(replayParked, NOW));
            store.transactions().inTransaction(() -> {
                pendingEvents.markProcessed(List.of(due), ProcessingStatus.PROCESSED);
                return null;
            });
            assertEquals(ProcessingStatus.RECEIVED, storedEvents.find(parked).orElseThrow().status(),
                    "the work reads what it wrote");
            assertEquals(ProcessingStatus.PROCESSED, storedEvents.find(due).orElseThrow().status(),
                    "the work reads what a unit of work nested in it wrote");
            throw new IllegalStateException("the work fails after the re-queue and the nested unit of work");
        }));

        assertEquals(ProcessingStatus.PARKED, storedEvents.find(parked).orElseThrow().status());
        assertEquals(ProcessingStatus.RECEIVED, storedEvents.find(due).orElseThrow().status());
        assertEquals(List.of(parked), pendingEvents.requeue(replayParked, NOW), "outside one, a re-queue commits");
        assertEquals(ProcessingStatus.RECEIVED, storedEvents.find(parked).orElseThrow().status());
    }

    @Test
    void append_onAClosedStore_failsAsUnavailable() {
        StoreUnderTest closed = closedStore();
        CompletionException failed = assertThrows(CompletionException.class, () -> append(closed.inbox(),
                delivery(Source.TITANX, unique(), ProcessingStatus.RECEIVED, new byte[] {1})));
        assertTrue(failed.getCause() instanceof StoreUnavailableException, failed.toString());
    }

    /**
     * Ports on a store of the kind under test that has been closed. By default a new store, closed;
     * a store that is slow to create may answer other ports on the store under test instead.
     */
    protected StoreUnderTest closedStore() {
        StoreUnderTest closed = openStore();
        closed.close();
        return closed;
    }

    /** The append's answer, which completes once the delivery is committed. */
    static Appended append(Inbox inbox, NewDelivery delivery) {
        return inbox.append(delivery).toCompletableFuture().join();
    }

    private List<EventId> dueIds(Instant at) {
        return store.transactions().inTransaction(() ->
                pendingEvents.claimDue(at, 10_000).stream().map(StoredEvent::id).toList());
    }

    @Test
    void mentioning_findsTheNewestBodiesHoldingTheText_ofOneSource_inReceiptOrder() {
        String id = unique();
        EventId first = append(inbox, delivery(Source.TITANCARD, unique(), ProcessingStatus.PROCESSED,
                utf8("{\"id\":\"" + id + "\"}"))).eventId();
        append(inbox, delivery(Source.TITANCARD, unique(), ProcessingStatus.PROCESSED, utf8("{\"id\":\"other\"}")));
        EventId second = append(inbox, delivery(Source.TITANCARD, unique(), ProcessingStatus.PARKED,
                utf8("{\"connection_id\":\"" + id + "\",\"n\":1}"))).eventId();
        append(inbox, delivery(Source.TITANX, unique(), ProcessingStatus.PROCESSED, utf8("{\"id\":\"" + id + "\"}")));

        assertEquals(List.of(first, second), ids(storedEvents.mentioning(Source.TITANCARD, id, 10)));
        assertEquals(List.of(second), ids(storedEvents.mentioning(Source.TITANCARD, id, 1)), "the newest, when there are more");
        String accented = "Zoë-" + unique();
        EventId third = append(inbox, delivery(Source.TITANCARD, unique(), ProcessingStatus.PROCESSED,
                utf8("{\"name\":\"" + accented + "\"}"))).eventId();
        assertEquals(List.of(third), ids(storedEvents.mentioning(Source.TITANCARD, accented, 10)), "searched as UTF-8 bytes");
    }

    @Test
    void acceptedPerMinute_countsWhatWasAcceptedInEachMinute_butNotMalformedDeliveries() {
        long minute = NOW.toEpochMilli() / 60_000;
        long before = storedEvents.acceptedPerMinute(Source.TITANX, NOW).getOrDefault(minute, 0L);
        append(inbox, delivery(Source.TITANX, unique(), ProcessingStatus.RECEIVED, new byte[] {1}));
        append(inbox, delivery(Source.TITANX, unique(), ProcessingStatus.IGNORED, new byte[] {1}));
        append(inbox, new NewDelivery(newId(), Source.TITANX, Optional.empty(), NOW, new byte[] {1}, Map.of(),
                ProcessingStatus.MALFORMED, Optional.of("not JSON"), Optional.empty()));

        assertEquals(before + 2, storedEvents.acceptedPerMinute(Source.TITANX, NOW).get(minute));
        assertEquals(Map.of(), storedEvents.acceptedPerMinute(Source.TITANX, NOW.plusSeconds(60)), "nothing since");
    }

    /**
     * What the health and metrics read: how long the oldest due event has waited (only events due
     * now: received, or failed with their backoff over) and when each source last got an accepted
     * delivery (a malformed one does not count). On a store of its own: the times are the test's.
     */
    @Test
    void oldestDueReceivedAt_andLastAcceptedAt_readOnlyWhatTheyName() {
        try (StoreUnderTest own = openStore()) {
            assertEquals(Optional.empty(), own.pendingEvents().oldestDueReceivedAt(NOW), "an empty store has none due");
            assertEquals(Optional.empty(), own.storedEvents().lastAcceptedAt(Source.TITANX));

            NewDelivery oldest = at(Source.TITANX, ProcessingStatus.RECEIVED, NOW.minusSeconds(300));
            NewDelivery younger = at(Source.TITANCARD, ProcessingStatus.RECEIVED, NOW.minusSeconds(60));
            NewDelivery done = at(Source.TITANX, ProcessingStatus.PROCESSED, NOW.minusSeconds(900));
            NewDelivery ignored = at(Source.TITANX, ProcessingStatus.IGNORED, NOW.minusSeconds(30));
            NewDelivery malformed = new NewDelivery(newId(), Source.TITANX, Optional.empty(), NOW.minusSeconds(10),
                    new byte[] {'x'}, Map.of(), ProcessingStatus.MALFORMED, Optional.of("not JSON"), Optional.empty());
            for (NewDelivery each : List.of(done, oldest, younger, ignored, malformed)) {
                append(own.inbox(), each);
            }

            assertEquals(Optional.of(NOW.minusSeconds(300)), own.pendingEvents().oldestDueReceivedAt(NOW),
                    "the oldest received one; a processed older one is not due");
            own.pendingEvents().markFailed(oldest.id(), 1, "boom", Optional.of(NOW.plusSeconds(60)));
            assertEquals(Optional.of(NOW.minusSeconds(60)), own.pendingEvents().oldestDueReceivedAt(NOW),
                    "a failed one waiting out its backoff is not due yet");
            assertEquals(Optional.of(NOW.minusSeconds(300)), own.pendingEvents().oldestDueReceivedAt(NOW.plusSeconds(61)),
                    "and is again once it is over");

            assertEquals(Optional.of(NOW.minusSeconds(30)), own.storedEvents().lastAcceptedAt(Source.TITANX),
                    "an ignored delivery was accepted; the later malformed one was not");
            assertEquals(Optional.of(NOW.minusSeconds(60)), own.storedEvents().lastAcceptedAt(Source.TITANCARD),
                    "each source its own");
        }
    }

    private static NewDelivery at(Source source, ProcessingStatus status, Instant receivedAt) {
        NewDelivery delivery = delivery(source, unique(), status, new byte[] {1});
        return new NewDelivery(delivery.id(), source, delivery.envelope(), receivedAt, delivery.body(),
                delivery.headers(), status, delivery.error(), delivery.secretUsed());
    }

    @Test
    void countByStatus_followsTheFilter() {
        EventFilter parkedCards = new EventFilter(Optional.of(Source.TITANCARD), Optional.of("connection.created"),
                Optional.of(ProcessingStatus.PARKED), Optional.of(NOW));
        EventFilter parkedTitanX = new EventFilter(Optional.of(Source.TITANX), Optional.empty(),
                Optional.of(ProcessingStatus.PARKED), Optional.empty());
        long cards = storedEvents.countByStatus(parkedCards).get(ProcessingStatus.PARKED);
        long titanX = storedEvents.countByStatus(parkedTitanX).get(ProcessingStatus.PARKED);
        append(inbox, delivery(Source.TITANCARD, unique(), ProcessingStatus.PARKED, new byte[] {1}));
        append(inbox, delivery(Source.TITANCARD, unique(), ProcessingStatus.PARKED, new byte[] {1}));

        Map<ProcessingStatus, Long> counted = storedEvents.countByStatus(parkedCards);
        assertEquals(cards + 2, counted.get(ProcessingStatus.PARKED));
        assertEquals(0L, counted.get(ProcessingStatus.PROCESSED), "every status is present, and the status filter holds");
        assertEquals(titanX, storedEvents.countByStatus(parkedTitanX).get(ProcessingStatus.PARKED));
        assertEquals(0L, storedEvents.countByStatus(new EventFilter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(NOW.plusSeconds(1)))).values().stream().mapToLong(Long::longValue).sum());
    }

    private static List<EventId> ids(List<StoredEvent> events) {
        return events.stream().map(StoredEvent::id).toList();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static NewDelivery delivery(Source source, String key, ProcessingStatus status, byte[] body) {
        Envelope envelope = new Envelope(source, "connection.created", Instant.ofEpochMilli(1_705_420_800_000L),
                new IdempotencyKey(key));
        return new NewDelivery(newId(), source, Optional.of(envelope), NOW, body,
                Map.of("user-agent", "TitanCard-Webhooks/1.0"), status, Optional.empty(),
                Optional.of(new SecretUsed(2, "d0d87160")));
    }

    static EventId newId() {
        return new EventId(UUID.randomUUID().toString());
    }

    static String unique() {
        return UUID.randomUUID().toString();
    }
}
