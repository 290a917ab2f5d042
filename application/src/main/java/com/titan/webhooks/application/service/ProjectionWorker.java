package com.titan.webhooks.application.service;

import com.titan.webhooks.application.port.in.BatchReport;
import com.titan.webhooks.application.port.in.ProjectEventsUseCase;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * The in-process worker that applies stored events: woken at once when a delivery is stored,
 * polling as a fallback (for events stored by another instance, or due after a backoff), and
 * draining batch after batch while there is work.
 */
public final class ProjectionWorker {

    private static final System.Logger LOG = System.getLogger(ProjectionWorker.class.getName());

    private final ProjectEventsUseCase projection;
    private final PendingWork pendingWork;
    private final int batchSize;
    private final Duration pollInterval;
    private volatile boolean running;
    private volatile long lastCompletedNanos = System.nanoTime();
    private volatile boolean stopping;
    private Thread thread;

    public ProjectionWorker(ProjectEventsUseCase projection, PendingWork pendingWork, int batchSize,
                            Duration pollInterval) {
        this.projection = projection;
        this.pendingWork = pendingWork;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        stopping = false;
        lastCompletedNanos = System.nanoTime();
        thread = new Thread(this::run, "projection-worker");
        thread.setDaemon(true);
        running = true;
        thread.start();
    }

    /** Lets the current batch finish (its transaction commits or rolls back), then stops. */
    public synchronized void stop(Duration grace) throws InterruptedException {
        if (thread == null) {
            return;
        }
        stopping = true;
        pendingWork.signal();
        thread.join(Math.max(1, grace.toMillis()));
        if (thread.isAlive()) {
            thread.interrupt();
            thread.join(1_000);
        }
        thread = null;
    }

    public boolean isRunning() {
        return running;
    }

    /** How long since a batch last completed (committed, or found nothing due). */
    public Duration sinceLastCompletedBatch() {
        return Duration.ofNanos(System.nanoTime() - lastCompletedNanos);
    }

    private void run() {
        Duration backoff = pollInterval;
        try {
            while (!stopping) {
                try {
                    BatchReport report = projection.projectNextBatch(batchSize);
                    lastCompletedNanos = System.nanoTime();
                    backoff = pollInterval;
                    if (report.claimed() < batchSize) {
                        pendingWork.await(pollInterval);
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException failure) {
                    // the store is down or misbehaving: keep the worker alive and back off
                    LOG.log(Level.WARNING, "projection batch failed, retrying in {0} ms: {1}", backoff.toMillis(),
                            failure.toString());
                    sleep(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0
                            ? Duration.ofSeconds(5) : backoff.multipliedBy(2);
                }
            }
        } finally {
            running = false;
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }
}
