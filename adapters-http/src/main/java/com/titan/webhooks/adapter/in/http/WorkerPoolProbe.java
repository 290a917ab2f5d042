package com.titan.webhooks.adapter.in.http;

import java.util.concurrent.atomic.AtomicLong;
import org.glassfish.grizzly.threadpool.AbstractThreadPool;
import org.glassfish.grizzly.threadpool.ThreadPoolProbe;

/** Counts what Grizzly's worker pool is doing, for the HTTP pool metrics. */
public final class WorkerPoolProbe extends ThreadPoolProbe.Adapter {

    /** Busy worker threads, requests waiting for one, and the pool's maximum size. */
    public record Stats(long busy, long queued, int max) {
    }

    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong dequeued = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final int max;

    WorkerPoolProbe(int max) {
        this.max = max;
    }

    @Override
    public void onTaskQueueEvent(AbstractThreadPool threadPool, Runnable task) {
        queued.incrementAndGet();
    }

    @Override
    public void onTaskDequeueEvent(AbstractThreadPool threadPool, Runnable task) {
        dequeued.incrementAndGet();
    }

    @Override
    public void onTaskCompleteEvent(AbstractThreadPool threadPool, Runnable task) {
        completed.incrementAndGet();
    }

    Stats stats() {
        long taken = dequeued.get();
        return new Stats(Math.max(0, taken - completed.get()), Math.max(0, queued.get() - taken), max);
    }
}
