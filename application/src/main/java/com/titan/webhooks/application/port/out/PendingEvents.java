package com.titan.webhooks.application.port.out;

import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.delivery.ProcessingStatus;
import com.titan.webhooks.domain.delivery.StoredEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Outbound port: the inbox's events still to be applied, as the projection worker takes them:
 * claimed when due, marked once applied or failed, and made due again on replay.
 */
public interface PendingEvents {

    /**
     * Claims up to {@code limit} events due for processing at {@code now} (received, or failed and
     * past their backoff), oldest first. Runs inside the caller's transaction; other workers on the
     * same store skip the claimed rows until it ends.
     */
    List<StoredEvent> claimDue(Instant now, int limit);

    void markProcessed(List<EventId> ids, ProcessingStatus status);

    /** Records a failed attempt: retried at {@code retryAt}, or parked when {@code retryAt} is empty. */
    void markFailed(EventId id, int attempts, String error, Optional<Instant> retryAt);

    /** Makes events due again now, with a fresh attempt count; answers those it re-queued. */
    List<EventId> requeue(ReplaySelection selection, Instant now);

    /** When the oldest event due for processing at {@code now} was received, if any is due. */
    Optional<Instant> oldestDueReceivedAt(Instant now);
}
