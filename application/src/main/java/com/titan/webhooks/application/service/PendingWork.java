package com.titan.webhooks.application.service;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What passes between receiving and projecting. It wakes the projection worker as soon as a
 * delivery is stored, so that an event is applied within milliseconds instead of at the next poll
 * (signals coalesce: one wake-up serves many deliveries); and it tells the worker when deliveries
 * are queueing to be stored, so that the worker can hold back while acknowledging is what counts.
 */
public final class PendingWork {

    private final Object lock = new Object();
    private final AtomicInteger storing = new AtomicInteger();
    private final int busyAt;
    private boolean pending;

    /** Ingest never counts as busy: the worker never holds back. */
    public PendingWork() {
        this(Integer.MAX_VALUE);
    }

    /** @param busyAt deliveries being stored at once from which ingest counts as busy */
    public PendingWork(int busyAt) {
        if (busyAt < 1) {
            throw new IllegalArgumentException("busyAt must be positive: " + busyAt);
        }
        this.busyAt = busyAt;
    }

    public void signal() {
        synchronized (lock) {
            if (!pending) {
                pending = true;
                lock.notifyAll();
            }
        }
    }

    /** Waits until signalled or until {@code timeout} passes; consumes the signal. */
    public void await(Duration timeout) throws InterruptedException {
        synchronized (lock) {
            if (!pending) {
                lock.wait(Math.max(1, timeout.toMillis()));
            }
            pending = false;
        }
    }

    /** A delivery is on its way into the store; every call is followed by one {@link #stored()}. */
    public void storing() {
        storing.incrementAndGet();
    }

    /** A delivery announced by {@link #storing()} was stored, or failed to be. */
    public void stored() {
        storing.decrementAndGet();
    }

    /** Whether deliveries are queueing to be stored: more of them in flight than the store takes at once. */
    public boolean ingestIsBusy() {
        return storing.get() >= busyAt;
    }
}
