package com.titan.webhooks.application.service;

import com.titan.webhooks.application.port.Change;
import com.titan.webhooks.application.port.UnknownCursorException;
import com.titan.webhooks.application.port.in.ChangePage;
import com.titan.webhooks.application.port.in.ChangeQuery;
import com.titan.webhooks.application.port.in.CursorExpiredException;
import com.titan.webhooks.application.port.in.ReadChangesUseCase;
import com.titan.webhooks.application.port.in.TooManyWaitersException;
import com.titan.webhooks.application.port.out.ChangeFeed;
import com.titan.webhooks.application.port.out.ChangeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Use case: read the change feed. A reader that asks to wait is parked here, not on a request
 * thread: one scheduler thread looks again when this instance commits changes (told by the
 * projection's listener) and at every poll (for changes another instance committed), and answers
 * each waiter as soon as there is something for it, or empty when its wait ends.
 */
public final class ChangeFeedService implements ReadChangesUseCase {

    private final ChangeFeed feed;
    private final ScheduledExecutorService scheduler;
    private final int maxWaiters;
    /** Touched only on the scheduler's thread. */
    private final List<Waiter> waiters = new ArrayList<>();
    private final AtomicBoolean lookPending = new AtomicBoolean();
    private final AtomicInteger waiting = new AtomicInteger();

    /**
     * @param scheduler    a single thread that runs every look and timeout, so that they need no locks
     * @param pollInterval how often to look for other instances' changes while someone waits
     * @param maxWaiters   how many readers may wait at once; more are refused
     */
    public ChangeFeedService(ChangeFeed feed, ScheduledExecutorService scheduler, Duration pollInterval,
                             int maxWaiters) {
        this.feed = feed;
        this.scheduler = scheduler;
        this.maxWaiters = maxWaiters;
        scheduler.scheduleWithFixedDelay(this::look, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public ChangePage read(ChangeQuery query) {
        ChangeWindow window = feed.window();
        long after = query.after().orElse(window.pruned());
        if (after > window.last()) {
            throw new UnknownCursorException();
        }
        if (after < window.pruned()) {
            throw expired();
        }
        List<Change> changes = feed.after(after, query.types(), query.aggregateId(), query.limit());
        if (query.after().isPresent() && after < feed.window().pruned()) {
            throw expired(); // retention deleted some of what this read was about to return
        }
        long lastRead = changes.isEmpty() ? after : changes.get(changes.size() - 1).position();
        // A short page holds everything committed up to the window read before it, filtered or not,
        // unless the store cut it short for the size of its states: then more follow the last one.
        boolean whole = changes.size() == query.limit() || changes.isEmpty()
                || feed.after(lastRead, query.types(), query.aggregateId(), 1).isEmpty();
        long next = changes.size() < query.limit() && whole ? Math.max(lastRead, window.last()) : lastRead;
        return new ChangePage(changes, next);
    }

    private static CursorExpiredException expired() {
        return new CursorExpiredException("the changes after this cursor were deleted by retention; "
                + "resync from the list routes, then follow the feed from its oldest change");
    }

    @Override
    public CompletionStage<ChangePage> readOrWait(ChangeQuery query, Duration wait) {
        ChangePage page = read(query);
        if (!page.changes().isEmpty() || wait.isZero() || wait.isNegative()) {
            return CompletableFuture.completedFuture(page);
        }
        if (waiting.incrementAndGet() > maxWaiters) {
            waiting.decrementAndGet();
            throw new TooManyWaitersException(maxWaiters + " readers are already waiting for changes");
        }
        Waiter waiter = new Waiter(query.from(page.next()));
        scheduler.execute(() -> {
            waiters.add(waiter);
            waiter.timeout = scheduler.schedule(() -> finish(waiter, new ChangePage(List.of(), waiter.query.after()
                    .getAsLong())), wait.toMillis(), TimeUnit.MILLISECONDS);
        });
        return waiter.answer;
    }

    /** Changes were committed here: look for waiters to answer now rather than at the next poll. */
    public void changesCommitted() {
        if (lookPending.compareAndSet(false, true)) {
            try {
                scheduler.execute(this::look);
            } catch (RejectedExecutionException stopping) {
                lookPending.set(false); // the service is stopping: nobody is left waiting
            }
        }
    }

    /** How many readers are waiting now. */
    public int waiting() {
        return waiting.get();
    }

    private void look() {
        lookPending.set(false);
        if (waiters.isEmpty()) {
            return;
        }
        long last;
        try {
            last = feed.window().last();
        } catch (RuntimeException unavailable) {
            return; // the next poll tries again; each waiter still ends at its deadline
        }
        for (Waiter waiter : List.copyOf(waiters)) {
            if (waiter.query.after().getAsLong() >= last) {
                continue;
            }
            try {
                ChangePage page = read(waiter.query);
                if (!page.changes().isEmpty()) {
                    finish(waiter, page);
                } else {
                    // other aggregates' changes: wait on from past them
                    waiter.query = waiter.query.from(page.next());
                }
            } catch (RuntimeException failure) {
                if (waiters.remove(waiter)) {
                    waiting.decrementAndGet();
                    waiter.timeout.cancel(false);
                    waiter.answer.completeExceptionally(failure);
                }
            }
        }
    }

    private void finish(Waiter waiter, ChangePage page) {
        if (waiters.remove(waiter)) {
            waiting.decrementAndGet();
            if (waiter.timeout != null) {
                waiter.timeout.cancel(false);
            }
            waiter.answer.complete(page);
        }
    }

    /** A reader waiting for changes after its query's position. */
    private static final class Waiter {
        private ChangeQuery query;
        private ScheduledFuture<?> timeout;
        private final CompletableFuture<ChangePage> answer = new CompletableFuture<>();

        private Waiter(ChangeQuery query) {
            this.query = query;
        }
    }
}
