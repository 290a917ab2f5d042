package com.titan.webhooks.application.service;

import java.time.Duration;

/**
 * Wakes the projection worker as soon as a delivery is stored, so that an event is applied within
 * milliseconds instead of at the next poll. Signals coalesce: one wake-up serves many deliveries.
 */
public final class PendingWork {

    private final Object lock = new Object();
    private boolean pending;

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
}
