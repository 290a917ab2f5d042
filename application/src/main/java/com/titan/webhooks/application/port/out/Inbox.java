package com.titan.webhooks.application.port.out;

import com.titan.webhooks.application.port.EventFilter;
import com.titan.webhooks.application.port.Page;
import com.titan.webhooks.application.port.PageRequest;
import com.titan.webhooks.application.port.StoreUnavailableException;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.delivery.ProcessingStatus;
import com.titan.webhooks.domain.delivery.Source;
import com.titan.webhooks.domain.delivery.StoredEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Outbound port: the durable inbox of every verified delivery. It keeps one event per (source,
 * idempotency key), enforced by the store itself so that concurrent duplicates cannot both win.
 */
public interface Inbox {

    /**
     * Stores a delivery; the answer completes only once it is committed. For a key already stored,
     * stores nothing and answers the first delivery's id with {@code duplicate = true}. Fails with
     * {@link StoreUnavailableException} if the store cannot take it, in which case nothing was
     * written. Asynchronous so that an implementation may commit many deliveries at once.
     */
    CompletionStage<Appended> append(NewDelivery delivery);

    Optional<StoredEvent> find(EventId id);

    /**
     * Claims up to {@code limit} events due for processing at {@code now} (received, or failed and
     * past their backoff), oldest first. Runs inside the caller's transaction; other workers on the
     * same store skip the claimed rows until it ends.
     */
    List<StoredEvent> claimDue(Instant now, int limit);

    void markProcessed(List<EventId> ids, ProcessingStatus status);

    /** Records a failed attempt: retried at {@code retryAt}, or parked when {@code retryAt} is empty. */
    void markFailed(EventId id, int attempts, String error, Optional<Instant> retryAt);

    /**
     * Blanks the raw body and headers of settled events (processed, ignored, malformed) received
     * before {@code before}, keeping their metadata; events still to be applied keep theirs.
     * Answers how many were blanked.
     */
    int blankPayloadsReceivedBefore(Instant before);

    /** Makes events due again now, with a fresh attempt count; answers those it re-queued. */
    List<EventId> requeue(ReplaySelection selection, Instant now);

    /** Stored events in the order they were received, from the page's cursor on. */
    Page<StoredEvent> list(EventFilter filter, PageRequest page);

    /** How many stored events are in each status now. */
    default Map<ProcessingStatus, Long> countByStatus() {
        return countByStatus(EventFilter.ANY);
    }

    /** How many stored events the filter selects in each status now (its own status criterion included). */
    Map<ProcessingStatus, Long> countByStatus(EventFilter filter);

    /**
     * The newest {@code limit} events from {@code source} whose raw body contains {@code text}, in
     * the order they were received: the candidates for the events about one aggregate, which the
     * caller decodes to tell. Events whose body was blanked are not among them.
     */
    List<StoredEvent> mentioning(Source source, String text, int limit);

    /**
     * The deliveries from {@code source} accepted (not malformed) since {@code since}, counted per
     * minute since the epoch; minutes without any are absent.
     */
    Map<Long, Long> acceptedPerMinute(Source source, Instant since);

    /** When the oldest event due for processing at {@code now} was received, if any is due. */
    Optional<Instant> oldestDueReceivedAt(Instant now);

    /** When the latest delivery from {@code source} that was accepted (not malformed) was received. */
    Optional<Instant> lastAcceptedAt(Source source);
}
