package com.titan.webhooks.application.service;

import com.titan.webhooks.application.port.in.BatchReport;
import com.titan.webhooks.application.port.in.ProjectEventsUseCase;
import com.titan.webhooks.application.port.out.Cards;
import com.titan.webhooks.application.port.out.ConcurrentUpdateException;
import com.titan.webhooks.application.port.out.Connections;
import com.titan.webhooks.application.port.out.Contacts;
import com.titan.webhooks.application.port.out.EventDecoder;
import com.titan.webhooks.application.port.out.Inbox;
import com.titan.webhooks.application.port.out.ProjectionListener;
import com.titan.webhooks.application.port.out.Reminders;
import com.titan.webhooks.application.port.out.ScoringJobs;
import com.titan.webhooks.application.port.out.StoreUnavailableException;
import com.titan.webhooks.application.port.out.Transactions;
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

/**
 * Use case: apply a batch of stored events in one transaction: claim them, load each aggregate
 * once, apply, save, and mark the events, all committed together. An event that cannot be applied
 * is retried with backoff and finally parked, without holding up the others. When another worker
 * saved one of the aggregates first, the whole batch is rolled back and run again, which is safe
 * because applying an event twice changes nothing.
 */
public final class ProjectionService implements ProjectEventsUseCase {

    private static final System.Logger LOG = System.getLogger(ProjectionService.class.getName());
    private static final int CONFLICT_RETRIES = 10;

    private final Transactions transactions;
    private final Inbox inbox;
    private final EventDecoder decoder;
    private final Connections connections;
    private final Cards cards;
    private final Reminders reminders;
    private final Contacts contacts;
    private final ScoringJobs jobs;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final ProjectionListener listener;

    public ProjectionService(Transactions transactions, Inbox inbox, EventDecoder decoder, Connections connections,
                             Cards cards, Reminders reminders, Contacts contacts, ScoringJobs jobs,
                             RetryPolicy retryPolicy, Clock clock, ProjectionListener listener) {
        this.transactions = transactions;
        this.inbox = inbox;
        this.decoder = decoder;
        this.connections = connections;
        this.cards = cards;
        this.reminders = reminders;
        this.contacts = contacts;
        this.jobs = jobs;
        this.retryPolicy = retryPolicy;
        this.clock = clock;
        this.listener = listener;
    }

    @Override
    public BatchReport projectNextBatch(int limit) {
        for (int attempt = 1; ; attempt++) {
            try {
                Settled settled = transactions.inTransaction(() -> runBatch(limit));
                Instant committed = clock.instant();
                settled.results().forEach((event, result) -> listener.settled(event, result, committed));
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
    private record Settled(BatchReport report, Map<StoredEvent, String> results) {
    }

    private Settled runBatch(int limit) {
        Instant now = clock.instant();
        List<StoredEvent> due = inbox.claimDue(now, limit);
        if (due.isEmpty()) {
            return new Settled(BatchReport.EMPTY, Map.of());
        }
        Map<StoredEvent, String> results = new LinkedHashMap<>();
        AggregateBatch batch = new AggregateBatch(connections, cards, reminders, contacts, jobs);
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
                batch.apply(entry.getValue());
                processed.add(entry.getKey().id());
                results.put(entry.getKey(), "processed");
            } catch (ConcurrentUpdateException | StoreUnavailableException storeTrouble) {
                throw storeTrouble;
            } catch (RuntimeException failure) {
                failures.put(entry.getKey(), failure);
            }
        }
        for (Map.Entry<StoredEvent, RuntimeException> entry : failures.entrySet()) {
            StoredEvent event = entry.getKey();
            RuntimeException failure = entry.getValue();
            int attempts = event.attempts() + 1;
            Optional<Instant> retryAt = retryPolicy.nextAttempt(attempts, now);
            inbox.markFailed(event.id(), attempts, describe(failure), retryAt);
            if (retryAt.isPresent()) {
                failed++;
                results.put(event, "failed");
            } else {
                parked++;
                results.put(event, "parked");
            }
            LOG.log(Level.WARNING, "event {0} ({1}) failed attempt {2}: {3}", event.id(),
                    event.eventType().orElse(""), attempts, describe(failure));
        }
        batch.saveAll();
        inbox.markProcessed(processed, ProcessingStatus.PROCESSED);
        inbox.markProcessed(ignored, ProcessingStatus.IGNORED);
        return new Settled(new BatchReport(due.size(), processed.size(), ignored.size(), failed, parked), results);
    }

    private static String describe(RuntimeException failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
