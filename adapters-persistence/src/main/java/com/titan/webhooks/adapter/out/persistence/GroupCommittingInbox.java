package com.titan.webhooks.adapter.out.persistence;

import com.titan.webhooks.application.port.out.Appended;
import com.titan.webhooks.application.port.out.EventFilter;
import com.titan.webhooks.application.port.out.Inbox;
import com.titan.webhooks.application.port.out.NewDelivery;
import com.titan.webhooks.application.port.out.Page;
import com.titan.webhooks.application.port.out.PageRequest;
import com.titan.webhooks.application.port.out.ReplaySelection;
import com.titan.webhooks.application.port.out.StoreUnavailableException;
import com.titan.webhooks.domain.delivery.EventId;
import com.titan.webhooks.domain.delivery.ProcessingStatus;
import com.titan.webhooks.domain.delivery.StoredEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Persistence adapter: the inbox with group commit. A durable commit costs a disk flush, so one
 * commit per delivery caps ingest at the store's single-insert rate. Instead, writer threads take
 * every delivery waiting at that moment, insert them in one transaction, and only after that
 * commit complete each delivery's answer: a 2xx still means committed, but a burst pays one flush
 * per batch, not per delivery. A batch that fails is retried one delivery at a time, so that one
 * bad row cannot fail its neighbours.
 */
public final class GroupCommittingInbox implements Inbox, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommittingInbox.class);

    private record Pending(NewDelivery delivery, CompletableFuture<Appended> answer) {
    }

    private final JdbiInbox inbox;
    private final BlockingQueue<Pending> waiting;
    private final int maxBatch;
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean closing;

    /**
     * @param writers  concurrent committing threads (one for SQLite, which has one writer anyway)
     * @param maxBatch the most deliveries one commit takes
     * @param capacity deliveries that may wait; beyond it, appends fail at once (503, retried later)
     */
    public GroupCommittingInbox(JdbiInbox inbox, int writers, int maxBatch, int capacity) {
        this.inbox = inbox;
        this.waiting = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
        for (int i = 0; i < writers; i++) {
            Thread writer = new Thread(this::write, "inbox-writer-" + i);
            writer.setDaemon(true);
            writer.start();
            this.writers.add(writer);
        }
    }

    @Override
    public CompletionStage<Appended> append(NewDelivery delivery) {
        CompletableFuture<Appended> answer = new CompletableFuture<>();
        if (closing || !waiting.offer(new Pending(delivery, answer))) {
            answer.completeExceptionally(new StoreUnavailableException("the inbox is not taking deliveries now", null));
        }
        return answer;
    }

    private void write() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (!closing || !waiting.isEmpty()) {
            try {
                Pending first = waiting.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, maxBatch - 1);
                commit(batch);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Pending> batch) {
        try {
            List<Appended> answers = inbox.appendAll(batch.stream().map(Pending::delivery).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).answer().complete(answers.get(i));
            }
        } catch (RuntimeException batchFailed) {
            if (batch.size() == 1) {
                batch.get(0).answer().completeExceptionally(batchFailed);
                return;
            }
            LOG.warn("a batch of {} deliveries failed ({}); committing them one by one", batch.size(),
                    batchFailed.getMessage());
            for (Pending pending : batch) {
                try {
                    pending.answer().complete(inbox.appendAll(List.of(pending.delivery())).get(0));
                } catch (RuntimeException failed) {
                    pending.answer().completeExceptionally(failed);
                }
            }
        }
    }

    /** Stops taking deliveries, commits those already waiting, then stops the writers. */
    @Override
    public void close() {
        closing = true;
        for (Thread writer : writers) {
            try {
                writer.join(10_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        Pending left;
        while ((left = waiting.poll()) != null) {
            left.answer().completeExceptionally(new StoreUnavailableException("the inbox closed", null));
        }
    }

    @Override
    public Optional<StoredEvent> find(EventId id) {
        return inbox.find(id);
    }

    @Override
    public List<StoredEvent> claimDue(Instant now, int limit) {
        return inbox.claimDue(now, limit);
    }

    @Override
    public void markProcessed(List<EventId> ids, ProcessingStatus status) {
        inbox.markProcessed(ids, status);
    }

    @Override
    public void markFailed(EventId id, int attempts, String error, Optional<Instant> retryAt) {
        inbox.markFailed(id, attempts, error, retryAt);
    }

    @Override
    public int blankPayloadsReceivedBefore(Instant before) {
        return inbox.blankPayloadsReceivedBefore(before);
    }

    @Override
    public List<EventId> requeue(ReplaySelection selection, Instant now) {
        return inbox.requeue(selection, now);
    }

    @Override
    public Page<StoredEvent> list(EventFilter filter, PageRequest page) {
        return inbox.list(filter, page);
    }

    @Override
    public Map<ProcessingStatus, Long> countByStatus() {
        return inbox.countByStatus();
    }
}
