package com.titan.webhooks.application.service;

import com.titan.webhooks.domain.Require;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Exponential backoff for events whose application failed: the n-th failure waits
 * {@code firstDelay * 2^(n-1)}, at most {@code maxDelay}; after {@code maxAttempts} the event is
 * parked for an operator. Nothing is retried forever, nothing is dropped.
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Require.nonNull(firstDelay, "firstDelay");
        Require.nonNull(maxDelay, "maxDelay");
    }

    /** When to try again after {@code attempts} failures, or empty to park the event. */
    public Optional<Instant> nextAttempt(int attempts, Instant now) {
        if (attempts >= maxAttempts) {
            return Optional.empty();
        }
        long factor = 1L << Math.min(30, attempts - 1);
        Duration delay = firstDelay.multipliedBy(factor);
        return Optional.of(now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay));
    }
}
