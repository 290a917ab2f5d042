package com.titan.webhooks.application.port.out.memory;

import com.titan.webhooks.application.port.out.Appended;
import com.titan.webhooks.application.port.out.Inbox;
import com.titan.webhooks.application.port.out.NewDelivery;
import com.titan.webhooks.domain.delivery.Envelope;
import com.titan.webhooks.domain.delivery.StoredEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The inbox in memory; times are kept to the millisecond, as the SQL stores keep them. */
final class InMemoryInbox implements Inbox {

    private final InMemoryStore store;

    InMemoryInbox(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public CompletionStage<Appended> append(NewDelivery delivery) {
        if (store.inUnitOfWork()) {
            throw new IllegalStateException("an append commits on its own: call it outside a unit of work");
        }
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
}
