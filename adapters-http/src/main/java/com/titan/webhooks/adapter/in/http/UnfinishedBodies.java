package com.titan.webhooks.adapter.in.http;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * What a body still arriving may cost: it holds no thread (bodies are read without blocking), it
 * must be complete within {@code deadline} of the request's start, and one client address may have
 * at most {@code maxPerClient} of them at once. Shared by every webhook endpoint.
 */
public final class UnfinishedBodies {

    private final int maxPerClient;
    private final Duration deadline;
    private final ScheduledExecutorService timer;
    private final ConcurrentHashMap<String, Integer> held = new ConcurrentHashMap<>();

    /** @param timer runs the deadlines; its tasks only write a short answer */
    public UnfinishedBodies(int maxPerClient, Duration deadline, ScheduledExecutorService timer) {
        if (maxPerClient < 1 || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("maxPerClient must be positive and the deadline longer than zero");
        }
        this.maxPerClient = maxPerClient;
        this.deadline = deadline;
        this.timer = timer;
    }

    /** Takes one of {@code client}'s places; false when it already has them all. */
    boolean hold(String client) {
        boolean[] taken = {false};
        held.compute(client, (address, count) -> {
            int current = count == null ? 0 : count;
            taken[0] = current < maxPerClient;
            return taken[0] ? current + 1 : current == 0 ? null : current;
        });
        return taken[0];
    }

    void release(String client) {
        held.computeIfPresent(client, (address, count) -> count <= 1 ? null : count - 1);
    }

    /** Runs {@code onExpiry} once the deadline of a request that started {@code startedNanos} passes. */
    ScheduledFuture<?> expireAt(long startedNanos, Runnable onExpiry) {
        long remaining = deadline.toNanos() - (System.nanoTime() - startedNanos);
        return timer.schedule(onExpiry, Math.max(0, remaining), TimeUnit.NANOSECONDS);
    }
}
