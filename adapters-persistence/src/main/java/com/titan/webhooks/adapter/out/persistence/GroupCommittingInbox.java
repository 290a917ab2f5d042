package com.titan.webhooks.adapter.out.persistence;

import com.titan.webhooks.application.port.StoreUnavailableException;
import com.titan.webhooks.application.port.out.Appended;
import com.titan.webhooks.application.port.out.Inbox;
import com.titan.webhooks.application.port.out.NewDelivery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
    private Thread drainer;
    private final Optional<DeliverySpool> spool;
    private final Object spoolLock = new Object();
    // while anything is spooled, new deliveries queue behind it, so that the store receives them in order
    private volatile boolean spooling;
    // with a spool, deliveries wait in it until the store is migrated: the service starts during an outage
    private volatile boolean storeReady;
    private volatile boolean closing;
    private final AtomicLong setAside = new AtomicLong();
    private final WriteHealth health = new WriteHealth();

    /**
     * @param writers  concurrent committing threads (one for SQLite, which has one writer anyway)
     * @param maxBatch the most deliveries one commit takes
     * @param capacity deliveries that may wait; beyond it, appends fail at once (503, retried later)
     * @param spool    where deliveries go whenever the store cannot be reached, if anywhere
     */
    GroupCommittingInbox(JdbiInbox inbox, int writers, int maxBatch, int capacity, Optional<DeliverySpool> spool) {
        this.inbox = inbox;
        this.waiting = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
        this.spool = spool;
        if (spool.isPresent()) {
            try {
                spooling = !spool.get().isEmpty();
            } catch (java.io.IOException unreadable) {
                throw new IllegalStateException("the spool folder cannot be read", unreadable);
            }
            drainer = new Thread(this::drain, "spool-drainer");
            drainer.setDaemon(true);
            drainer.start();
        }
        for (int i = 0; i < writers; i++) {
            Thread writer = new Thread(this::write, "inbox-writer-" + i);
            writer.setDaemon(true);
            writer.start();
            this.writers.add(writer);
        }
    }

    @Override
    public CompletionStage<Appended> append(NewDelivery delivery) {
        if (inbox.callerInUnitOfWork()) {
            // a writer thread commits it, on a connection of its own: on SQLite, the one the caller holds
            throw new IllegalStateException("an append commits on its own: call it outside a unit of work");
        }
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
        if (spooling || (spool.isPresent() && !storeReady)) {
            spool(batch);
            return;
        }
        try {
            List<Appended> answers = inbox.appendAll(batch.stream().map(Pending::delivery).toList());
            health.succeeded();
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).answer().complete(answers.get(i));
            }
        } catch (RuntimeException batchFailed) {
            if (spool.isPresent() && StoreFailures.isUnreachable(batchFailed)) {
                LOG.warn("the store is unreachable ({}); spooling deliveries locally until it returns",
                        batchFailed.getMessage());
                spool(batch);
                return;
            }
            if (batch.size() == 1) {
                health.failed(batchFailed);
                batch.get(0).answer().completeExceptionally(batchFailed);
                return;
            }
            LOG.warn("a batch of {} deliveries failed ({}); committing them one by one", batch.size(),
                    batchFailed.getMessage());
            for (Pending pending : batch) {
                try {
                    pending.answer().complete(inbox.appendAll(List.of(pending.delivery())).get(0));
                    health.succeeded();
                } catch (RuntimeException failed) {
                    health.failed(failed);
                    pending.answer().completeExceptionally(failed);
                }
            }
        }
    }

    /** Flushed to the spool before any answer: a 202 from the spool is as durable as one from the store. */
    private void spool(List<Pending> batch) {
        try {
            synchronized (spoolLock) {
                spool.orElseThrow().write(batch.stream().map(Pending::delivery).toList());
                spooling = true;
            }
            health.succeeded();
            batch.forEach(pending -> pending.answer().complete(new Appended(pending.delivery().id(), false)));
        } catch (java.io.IOException | RuntimeException cannotSpool) {
            health.failed(cannotSpool);
            LOG.error("cannot spool {} deliveries: {}", batch.size(), cannotSpool.getMessage());
            StoreUnavailableException unavailable = new StoreUnavailableException("store and spool unavailable", cannotSpool);
            batch.forEach(pending -> pending.answer().completeExceptionally(unavailable));
        }
    }

    /** Replays spooled deliveries into the store, oldest segment first, once it answers again. */
    private void drain() {
        DeliverySpool local = spool.orElseThrow();
        while (!closing) {
            try {
                Thread.sleep(250);
                if (!spooling || !storeReady) {
                    continue;
                }
                Optional<java.nio.file.Path> segment = local.oldest();
                if (segment.isEmpty()) {
                    synchronized (spoolLock) {
                        spooling = !local.isEmpty();
                    }
                    continue;
                }
                List<NewDelivery> deliveries = DeliverySpool.read(segment.get());
                for (int from = 0; from < deliveries.size(); from += maxBatch) {
                    // a delivery drained twice (after a crash mid-drain) is a duplicate the store ignores
                    drain(deliveries.subList(from, Math.min(deliveries.size(), from + maxBatch)), local);
                }
                local.delete(segment.get());
                LOG.info("drained {} spooled deliveries into the store", deliveries.size());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.io.IOException | RuntimeException notYet) {
                LOG.debug("the spool cannot be drained yet: {}", notYet.getMessage());
                sleepQuietly();
            }
        }
    }

    /**
     * Stores spooled deliveries. One the store refuses (rather than one it cannot be reached for)
     * would otherwise stop the drain for good, and with it every delivery spooled after it: it is
     * set aside in the spool folder, reported, and the rest drains.
     */
    private void drain(List<NewDelivery> deliveries, DeliverySpool local) throws java.io.IOException {
        try {
            inbox.appendAll(deliveries);
            return;
        } catch (RuntimeException failed) {
            if (StoreFailures.isUnreachable(failed)) {
                throw failed;
            }
        }
        for (NewDelivery delivery : deliveries) {
            try {
                inbox.appendAll(List.of(delivery));
            } catch (RuntimeException refused) {
                if (StoreFailures.isUnreachable(refused)) {
                    throw refused;
                }
                local.setAside(delivery, refused.getMessage());
                setAside.incrementAndGet();
                LOG.error("the store refused spooled delivery {} ({}); it is set aside in {}", delivery.id().value(),
                        refused.getMessage(), local.setAsideFile());
            }
        }
    }

    /** Deliveries the store refused while draining the spool, set aside since start-up. */
    public long setAsideCount() {
        return setAside.get();
    }

    /** Why deliveries cannot be accepted right now, if they cannot (see {@link WriteHealth}). */
    public Optional<String> writeProblem() {
        return health.problem();
    }

    /** The store is migrated: deliveries go to it (after the spool has drained) rather than to the spool. */
    void storeReady() {
        storeReady = true;
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    boolean hasSpool() {
        return spool.isPresent();
    }

    /** Whether deliveries are waiting in the local spool for the store to return. */
    public boolean isSpooling() {
        return spooling;
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
        if (spool.isPresent()) {
            closeSpool(spool.get());
        }
    }

    /** After the drainer's last segment: a segment it is storing is deleted only once all of it is stored. */
    private void closeSpool(DeliverySpool local) {
        try {
            drainer.join(10_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        try {
            local.close();
        } catch (java.io.IOException unclosable) {
            LOG.warn("the spool folder could not be closed: {}", unclosable.getMessage());
        }
    }

    /** Whether every writer thread still runs: one that died would leave deliveries unanswered. */
    public boolean writersAlive() {
        return closing || writers.stream().allMatch(Thread::isAlive);
    }
}
