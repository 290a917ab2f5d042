package com.titan.webhooks.adapter.out.persistence;

import java.time.Duration;
import java.util.Optional;

/**
 * Whether deliveries can be written right now, judged by the latest attempts: after a write that
 * failed (a full disk, a store that refuses, a full spool), the inbox reports the problem until a
 * write succeeds, or for {@link #REMEMBERED} at most, so that a load balancer that took the
 * instance out of rotation lets it try again.
 */
final class WriteHealth {

    static final Duration REMEMBERED = Duration.ofSeconds(10);

    private volatile String problem;
    private volatile long failedAtNanos;

    void succeeded() {
        problem = null;
    }

    void failed(Throwable failure) {
        failedAtNanos = System.nanoTime();
        problem = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    Optional<String> problem() {
        String current = problem;
        if (current == null || System.nanoTime() - failedAtNanos > REMEMBERED.toNanos()) {
            return Optional.empty();
        }
        return Optional.of("deliveries cannot be written: " + current);
    }
}
