package com.titan.webhooks.application.port.out.memory;

import com.titan.webhooks.application.port.out.PendingEvents;
import com.titan.webhooks.application.port.out.ReplaySelection;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.delivery.ProcessingStatus;
import com.titan.webhooks.domain.delivery.StoredEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The inbox's events still to be applied, in memory. */
final class InMemoryPendingEvents implements PendingEvents {

    private final InMemoryStore store;

    InMemoryPendingEvents(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public List<StoredEvent> claimDue(Instant now, int limit) {
        return store.read(state -> state.events.values().stream().filter(row -> row.isDueAt(Millis.of(now))).limit(limit)
                .map(EventRow::event).toList());
    }

    @Override
    public void markProcessed(List<EventId> ids, ProcessingStatus status) {
        store.update(state -> ids.forEach(id -> state.event(id)
                .ifPresent(row -> state.events.put(row.seq(), row.withStatus(status)))));
    }

    @Override
    public void markFailed(EventId id, int attempts, String error, Optional<Instant> retryAt) {
        ProcessingStatus status = retryAt.isPresent() ? ProcessingStatus.FAILED : ProcessingStatus.PARKED;
        store.update(state -> state.event(id).ifPresent(row -> state.events.put(row.seq(),
                row.with(status, attempts, Optional.of(error), retryAt.map(Millis::of).orElse(EventRow.NEVER)))));
    }

    @Override
    public List<EventId> requeue(ReplaySelection selection, Instant now) {
        return store.write(state -> {
            List<EventRow> replayable = selection.eventId().isPresent()
                    ? state.event(selection.eventId().get()).stream().toList()
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
    public Optional<Instant> oldestDueReceivedAt(Instant now) {
        return store.read(state -> state.events.values().stream().filter(row -> row.isDueAt(Millis.of(now))).findFirst()
                .map(row -> row.event().receivedAt()));
    }
}
