package com.titan.webhooks.application.port.out.memory;

import com.titan.webhooks.domain.delivery.ProcessingStatus;
import com.titan.webhooks.domain.delivery.StoredEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** One inbox entry: the stored event, its place in receipt order, and when it is next due. */
record EventRow(long seq, StoredEvent event, Instant nextAttemptAt) {

    /** A parked event is never due: the SQL stores put it at the end of time. */
    static final Instant NEVER = Instant.ofEpochMilli(Long.MAX_VALUE);

    boolean isDueAt(Instant now) {
        ProcessingStatus status = event.status();
        return (status == ProcessingStatus.RECEIVED || status == ProcessingStatus.FAILED)
                && !nextAttemptAt.isAfter(now);
    }

    EventRow with(ProcessingStatus status, int attempts, Optional<String> lastError, Instant nextAttempt) {
        StoredEvent e = event;
        return new EventRow(seq, new StoredEvent(e.id(), e.source(), e.eventType(), e.idempotencyKey(), e.occurredAt(),
                e.receivedAt(), e.rawBody(), e.headers(), status, attempts, lastError, e.secretUsed()), nextAttempt);
    }

    EventRow withStatus(ProcessingStatus status) {
        return with(status, event.attempts(), event.lastError(), nextAttemptAt);
    }

    EventRow blanked() {
        StoredEvent e = event;
        return new EventRow(seq, new StoredEvent(e.id(), e.source(), e.eventType(), e.idempotencyKey(), e.occurredAt(),
                e.receivedAt(), new byte[0], Map.of(), e.status(), e.attempts(), e.lastError(), e.secretUsed()),
                nextAttemptAt);
    }
}
