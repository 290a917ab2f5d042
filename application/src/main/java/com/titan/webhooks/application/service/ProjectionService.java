package com.titan.webhooks.application.service;

import com.titan.webhooks.application.port.StoreUnavailableException;
import com.titan.webhooks.application.port.in.BatchReport;
import com.titan.webhooks.application.port.in.ProjectEventsUseCase;
import com.titan.webhooks.application.port.out.ChangeFeed;
import com.titan.webhooks.application.port.out.ConcurrentUpdateException;
import com.titan.webhooks.application.port.out.EventDecoder;
import com.titan.webhooks.application.port.out.MalformedPayloadException;
import com.titan.webhooks.application.port.out.NewChange;
import com.titan.webhooks.application.port.out.PendingEvents;
import com.titan.webhooks.application.port.out.ProjectionListener;
import com.titan.webhooks.application.port.out.Transactions;
import com.titan.webhooks.domain.LimitReachedException;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.delivery.ProcessingStatus;
import com.titan.webhooks.domain.delivery.StoredEvent;
import com.titan.webhooks.domain.event.ProviderEvent;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Use case: apply a batch of stored events in one transaction: claim them, load each aggregate
 * once, apply, save, record what changed in the change feed, and mark the events, all committed
 * together. An event that cannot be applied is retried with backoff and finally parked, without
 * holding up the others. When another worker saved one of the aggregates first, the whole batch is
 * rolled back and run again, which is safe because applying an event twice changes nothing.
 */
public final class ProjectionService implements ProjectEventsUseCase {

    private static final System.Logger LOG = System.getLogger(ProjectionService.class.getName());
    private static final int CONFLICT_RETRIES = 10;
    private static final int MAX_REASON = 500;

    private final Transactions transactions;
    private final PendingEvents pendingEvents;
    private final EventDecoder decoder;
    private final Projections projections;
    private final ConnectionStates.Stores servedFrom;
    private final ChangeFeed changes;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final ProjectionListener listener;

    /**
     * @throws IllegalStateException if an event the decoder's catalogue can produce has no
     *         projection, so that the service does not start and park such events one by one
     */
    public ProjectionService(Transactions transactions, PendingEvents pendingEvents, EventDecoder decoder,
                             Projections projections, ChangeFeed changes, RetryPolicy retryPolicy, Clock clock,
                             ProjectionListener listener) {
        projections.requireAll(decoder.catalogue());
        this.transactions = transactions;
        this.pendingEvents = pendingEvents;
        this.decoder = decoder;
        this.projections = projections;
        this.servedFrom = ConnectionStates.stores(projections);
        this.changes = changes;
        this.retryPolicy = retryPolicy;
        this.clock = clock;
        this.listener = listener;
    }

    @Override
    public BatchReport projectNextBatch(int limit) {
        try {
            return committed(() -> runBatch(limit, new AtomicReference<>()));
        } catch (RuntimeException failure) {
            // loading, saving or marking failed for the batch as a whole: find the event that causes it
            LOG.log(Level.WARNING, "a batch of up to {0} events failed ({1}); applying them one at a time", limit,
                    describe(failure));
            return oneAtATime(limit);
        }
    }

    /**
     * Applies up to {@code limit} events, each in a transaction of its own, so that an event whose
     * aggregate cannot be loaded or saved is charged with the failure (retried with backoff, then
     * parked) while every other event is applied. When the failure is the store's own (it cannot
     * even claim, or cannot record the failure), it propagates, and the worker backs off.
     */
    private BatchReport oneAtATime(int limit) {
        BatchReport total = BatchReport.EMPTY;
        for (int i = 0; i < limit; i++) {
            AtomicReference<StoredEvent> claimed = new AtomicReference<>();
            BatchReport one;
            try {
                one = committed(() -> runBatch(1, claimed));
            } catch (RuntimeException failure) {
                // a conflict that outlasts its retries with one event alone is no race: it is charged too
                StoredEvent culprit = claimed.get();
                if (culprit == null) {
                    throw failure;
                }
                one = committed(() -> chargeFailure(culprit, failure));
            }
            if (one.claimed() == 0) {
                break;
            }
            total = total.plus(one);
        }
        return total;
    }

    private Settled chargeFailure(StoredEvent event, RuntimeException failure) {
        Map<StoredEvent, String> results = new LinkedHashMap<>();
        boolean parked = recordFailure(event, failure, clock.instant(), results);
        return new Settled(new BatchReport(1, 0, 0, parked ? 0 : 1, parked ? 1 : 0), results, List.of());
    }

    /** Runs one transaction, again if it conflicted with another worker, and tells the listener after the commit. */
    private BatchReport committed(Supplier<Settled> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                Settled settled = transactions.inTransaction(work);
                Instant committed = clock.instant();
                settled.results().forEach((event, result) -> listener.settled(event, result, committed));
                if (!settled.changes().isEmpty()) {
                    listener.changesCommitted(settled.changes());
                }
                return settled.report();
            } catch (ConcurrentUpdateException conflict) {
                if (attempt == CONFLICT_RETRIES) {
                    throw conflict;
                }
                LOG.log(Level.DEBUG, "batch conflicted with another worker, retrying: {0}", conflict.getMessage());
            }
        }
    }

    /** What a committed batch did, told to the listener only after the commit. */
    private record Settled(BatchReport report, Map<StoredEvent, String> results, List<NewChange> changes) {
    }

    private Settled runBatch(int limit, AtomicReference<StoredEvent> claimed) {
        Instant now = clock.instant();
        List<StoredEvent> due = pendingEvents.claimDue(now, limit);
        if (due.isEmpty()) {
            return new Settled(BatchReport.EMPTY, Map.of(), List.of());
        }
        claimed.set(due.get(0));
        Map<StoredEvent, String> results = new LinkedHashMap<>();
        AggregateBatch batch = new AggregateBatch(projections, servedFrom);
        List<EventId> processed = new ArrayList<>();
        List<EventId> ignored = new ArrayList<>();
        int failed = 0;
        int parked = 0;
        // each delivery is decoded once; all the aggregates the batch touches are loaded together
        Map<StoredEvent, ProviderEvent> decoded = new LinkedHashMap<>();
        Map<StoredEvent, RuntimeException> failures = new LinkedHashMap<>();
        for (StoredEvent event : due) {
            String type = event.eventType().orElse("");
            if (!decoder.handles(event.source(), type)) {
                ignored.add(event.id());
                results.put(event, "ignored");
                continue;
            }
            try {
                decoded.put(event, decoder.decodeEvent(event));
            } catch (RuntimeException undecodable) {
                failures.put(event, undecodable);
            }
        }
        batch.load(new ArrayList<>(decoded.values()));
        for (Map.Entry<StoredEvent, ProviderEvent> entry : decoded.entrySet()) {
            try {
                batch.apply(entry.getKey().id(), entry.getValue());
                processed.add(entry.getKey().id());
                results.put(entry.getKey(), "processed");
            } catch (ConcurrentUpdateException | StoreUnavailableException storeTrouble) {
                throw storeTrouble;
            } catch (RuntimeException failure) {
                if (decoded.size() > 1) {
                    // a refused event may leave its aggregate half-changed, with the batch's other events
                    // for it already applied: roll back, and apply the batch one event at a time
                    throw failure;
                }
                batch.discardAll();
                failures.put(entry.getKey(), failure);
            }
        }
        for (Map.Entry<StoredEvent, RuntimeException> entry : failures.entrySet()) {
            if (recordFailure(entry.getKey(), entry.getValue(), now, results)) {
                parked++;
            } else {
                failed++;
            }
        }
        List<NewChange> changed = batch.saveAll();
        pendingEvents.markProcessed(processed, ProcessingStatus.PROCESSED);
        pendingEvents.markProcessed(ignored, ProcessingStatus.IGNORED);
        if (!changed.isEmpty()) {
            // last, because it takes the lock that orders the commits of every worker's changes
            changes.record(changed, clock.instant());
        }
        return new Settled(new BatchReport(due.size(), processed.size(), ignored.size(), failed, parked), results,
                changed);
    }

    /**
     * Records a failed attempt: retried with backoff, or parked once its attempts are spent. An
     * event that cannot be decoded is parked at once: its bytes will not decode differently on a
     * later attempt, only after a fix and a replay; nor will one that an aggregate's bounds refuse.
     * Answers whether it was parked.
     */
    private boolean recordFailure(StoredEvent event, RuntimeException failure, Instant now,
                                  Map<StoredEvent, String> results) {
        int attempts = event.attempts() + 1;
        boolean sameEveryTime = failure instanceof MalformedPayloadException || failure instanceof LimitReachedException;
        Optional<Instant> retryAt = sameEveryTime ? Optional.empty() : retryPolicy.nextAttempt(attempts, now);
        String reason = describe(failure);
        pendingEvents.markFailed(event.id(), attempts, reason, retryAt);
        results.put(event, retryAt.isPresent() ? "failed" : "parked");
        LOG.log(Level.WARNING, "event {0} ({1}) failed attempt {2}{3}: {4}", event.id(),
                event.eventType().orElse(""), attempts, retryAt.isPresent() ? "" : " and is parked", reason);
        return retryAt.isEmpty();
    }

    /** The failure's kind and message, without its stack, bounded: it is stored with the event. */
    private static String describe(RuntimeException failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root && !(root instanceof MalformedPayloadException)) {
            root = root.getCause();
        }
        String message = failure == root ? failure.getMessage()
                : failure.getMessage() + " (" + root.getClass().getSimpleName() + ")";
        String text = failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "...";
    }
}
