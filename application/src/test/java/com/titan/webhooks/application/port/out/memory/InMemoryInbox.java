package com.titan.webhooks.application.port.out.memory;

import com.titan.webhooks.application.port.EventFilter;
import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.application.port.out.Appended;
import com.titan.webhooks.application.port.out.Inbox;
import com.titan.webhooks.application.port.out.NewDelivery;
import com.titan.webhooks.application.port.out.ReplaySelection;
import com.titan.webhooks.domain.delivery.Envelope;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.delivery.ProcessingStatus;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.delivery.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The inbox in memory; times are kept to the millisecond, as the SQL stores keep them. */
final class InMemoryInbox implements Inbox {

    private static final Set<ProcessingStatus> SETTLED =
            EnumSet.of(ProcessingStatus.PROCESSED, ProcessingStatus.IGNORED, ProcessingStatus.MALFORMED);

    private final InMemoryStore store;
    private final IssuedCursors cursors;

    InMemoryInbox(InMemoryStore store, IssuedCursors cursors) {
        this.store = store;
        this.cursors = cursors;
    }

    @Override
    public CompletionStage<Appended> append(NewDelivery delivery) {
        try {
            return CompletableFuture.completedFuture(store.write(state -> append(state, delivery)));
        } catch (RuntimeException failure) {
            return CompletableFuture.failedFuture(failure);
        }
    }

    private static Appended append(StoreState state, NewDelivery delivery) {
        Optional<Envelope> envelope = delivery.envelope();
        Optional<String> key = envelope.map(e -> delivery.source().wireName() + "\n" + e.idempotencyKey().value());
        if (key.isPresent() && state.firstByKey.containsKey(key.get())) {
            StoredEvent first = state.events.get(state.firstByKey.get(key.get())).event();
            return new Appended(first.id(), true);
        }
        long seq = ++state.lastSeq;
        Instant receivedAt = Millis.of(delivery.receivedAt());
        StoredEvent event = new StoredEvent(delivery.id(), delivery.source(), envelope.map(Envelope::eventType),
                envelope.map(Envelope::idempotencyKey), envelope.map(e -> Millis.of(e.occurredAt())), receivedAt,
                delivery.body().clone(), delivery.headers(), delivery.status(), 0, delivery.error(),
                delivery.secretUsed());
        state.events.put(seq, new EventRow(seq, event, receivedAt));
        state.seqById.put(delivery.id().value(), seq);
        key.ifPresent(k -> state.firstByKey.put(k, seq));
        return new Appended(delivery.id(), false);
    }

    @Override
    public Optional<StoredEvent> find(EventId id) {
        return store.read(state -> row(state, id).map(EventRow::event));
    }

    private static Optional<EventRow> row(StoreState state, EventId id) {
        return Optional.ofNullable(state.seqById.get(id.value())).map(state.events::get);
    }

    @Override
    public List<StoredEvent> claimDue(Instant now, int limit) {
        return store.read(state -> state.events.values().stream().filter(row -> row.isDueAt(Millis.of(now))).limit(limit)
                .map(EventRow::event).toList());
    }

    @Override
    public void markProcessed(List<EventId> ids, ProcessingStatus status) {
        store.update(state -> ids.forEach(id -> row(state, id)
                .ifPresent(row -> state.events.put(row.seq(), row.withStatus(status)))));
    }

    @Override
    public void markFailed(EventId id, int attempts, String error, Optional<Instant> retryAt) {
        ProcessingStatus status = retryAt.isPresent() ? ProcessingStatus.FAILED : ProcessingStatus.PARKED;
        store.update(state -> row(state, id).ifPresent(row -> state.events.put(row.seq(),
                row.with(status, attempts, Optional.of(error), retryAt.map(Millis::of).orElse(EventRow.NEVER)))));
    }

    @Override
    public int blankPayloadsReceivedBefore(Instant before) {
        return store.write(state -> {
            List<EventRow> blanked = state.events.values().stream()
                    .filter(row -> row.event().receivedAt().isBefore(Millis.of(before)) && SETTLED.contains(row.event().status())
                            && row.event().rawBody().length > 0)
                    .map(EventRow::blanked)
                    .toList();
            blanked.forEach(row -> state.events.put(row.seq(), row));
            return blanked.size();
        });
    }

    @Override
    public List<EventId> requeue(ReplaySelection selection, Instant now) {
        return store.write(state -> {
            List<EventRow> replayable = selection.eventId().isPresent()
                    ? row(state, selection.eventId().get()).stream().toList()
                    : state.events.values().stream()
                            .filter(row -> row.event().status() == selection.status().orElseThrow()).toList();
            List<EventId> requeued = new ArrayList<>();
            for (EventRow row : replayable) {
                if (row.event().status() != ProcessingStatus.MALFORMED) {
                    state.events.put(row.seq(), row.with(ProcessingStatus.RECEIVED, 0, row.event().lastError(),
                            Millis.of(now)));
                    requeued.add(row.event().id());
                }
            }
            return requeued;
        });
    }

    @Override
    public Page<StoredEvent> list(EventFilter filter, PageRequest page) {
        return store.read(state -> cursors.page(state.events, Long.class, page, row -> matches(row.event(), filter),
                EventRow::event));
    }

    private static boolean matches(StoredEvent event, EventFilter filter) {
        return filter.source().map(source -> source == event.source()).orElse(true)
                && filter.type().map(type -> event.eventType().equals(Optional.of(type))).orElse(true)
                && filter.status().map(status -> status == event.status()).orElse(true)
                && filter.since().map(since -> !event.receivedAt().isBefore(Millis.of(since))).orElse(true);
    }

    @Override
    public Map<ProcessingStatus, Long> countByStatus(EventFilter filter) {
        return store.read(state -> {
            Map<ProcessingStatus, Long> counts = new EnumMap<>(ProcessingStatus.class);
            for (ProcessingStatus status : ProcessingStatus.values()) {
                counts.put(status, 0L);
            }
            state.events.values().stream().filter(row -> matches(row.event(), filter))
                    .forEach(row -> counts.merge(row.event().status(), 1L, Long::sum));
            return counts;
        });
    }

    @Override
    public List<StoredEvent> mentioning(Source source, String text, int limit) {
        byte[] wanted = text.getBytes(StandardCharsets.UTF_8);
        return store.read(state -> {
            List<StoredEvent> all = state.events.values().stream()
                    .filter(row -> row.event().source() == source && contains(row.event().rawBody(), wanted))
                    .map(EventRow::event).toList();
            return all.subList(Math.max(0, all.size() - limit), all.size());
        });
    }

    /** Byte for byte, as the SQL stores search the raw body. */
    private static boolean contains(byte[] body, byte[] wanted) {
        outer:
        for (int start = 0; start <= body.length - wanted.length; start++) {
            for (int i = 0; i < wanted.length; i++) {
                if (body[start + i] != wanted[i]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public Map<Long, Long> acceptedPerMinute(Source source, Instant since) {
        Instant from = Millis.of(since);
        return store.read(state -> {
            Map<Long, Long> counts = new HashMap<>();
            state.events.values().stream().map(EventRow::event)
                    .filter(event -> event.source() == source && !event.receivedAt().isBefore(from)
                            && event.status() != ProcessingStatus.MALFORMED)
                    .forEach(event -> counts.merge(event.receivedAt().toEpochMilli() / 60_000, 1L, Long::sum));
            return counts;
        });
    }

    @Override
    public Optional<Instant> oldestDueReceivedAt(Instant now) {
        return store.read(state -> state.events.values().stream().filter(row -> row.isDueAt(Millis.of(now))).findFirst()
                .map(row -> row.event().receivedAt()));
    }

    @Override
    public Optional<Instant> lastAcceptedAt(Source source) {
        return store.read(state -> state.events.descendingMap().values().stream()
                .map(EventRow::event)
                .filter(event -> event.source() == source && event.status() != ProcessingStatus.MALFORMED)
                .findFirst()
                .map(StoredEvent::receivedAt));
    }
}
