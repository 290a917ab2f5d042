package com.titan.webhooks.application.service;

import com.titan.webhooks.application.port.in.BatchReport;
import com.titan.webhooks.application.port.in.ProjectEventsUseCase;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * The in-process worker that applies stored events: woken at once when a delivery is stored,
 * polling as a fallback (for events stored by another instance, or due after a backoff), and
 * draining batch after batch while there is work.
 *
 * <p>Ingest first: acknowledging a delivery is the service's promise, applying it can wait. While
 * deliveries queue to be stored, the worker holds back, so that the machine's cores answer
 * providers; but never longer than {@code holdBack} since it last caught up. After that it works
 * at full pace until it has caught up again: the hold-back is the most lag it adds. (Resting half
 * of each batch's time instead left the projection a quarter of the received rate on PostgreSQL.)
 * When deliveries arrive faster than the worker can apply them, the lag grows anyway. Caught up
 * means a claim found nothing due: a short batch (cut by its bytes, or by rows another instance
 * holds) is not the end of the backlog.
 */
public final class ProjectionWorker {

    private static final System.Logger LOG = System.getLogger(ProjectionWorker.class.getName());
    // how often a holding-back worker looks again: short next to a hold-back, long next to a commit
    private static final long HOLD_BACK_STEP_MILLIS = 5;

    private final ProjectEventsUseCase projection;
    private final PendingWork pendingWork;
    private final int batchSize;
    private final Duration pollInterval;
    private final long holdBackNanos;
    private volatile boolean running;
    private volatile long lastCompletedNanos = System.nanoTime();
    private volatile boolean stopping;
    private Thread thread;

    /** A worker that never holds back for ingest. */
    public ProjectionWorker(ProjectEventsUseCase projection, PendingWork pendingWork, int batchSize,
                            Duration pollInterval) {
        this(projection, pendingWork, batchSize, pollInterval, Duration.ZERO);
    }

    /**
     * @param holdBack the longest the worker waits for busy ingest, counted from when it last had
     *                 nothing left to apply; zero never waits
     */
    public ProjectionWorker(ProjectEventsUseCase projection, PendingWork pendingWork, int batchSize,
                            Duration pollInterval, Duration holdBack) {
        this.projection = projection;
        this.pendingWork = pendingWork;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.holdBackNanos = holdBack.toNanos();
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
        long caughtUpNanos = System.nanoTime();
        try {
            while (!stopping) {
                try {
                    holdBackWhileIngestIsBusy(caughtUpNanos);
                    BatchReport report = projection.projectNextBatch(batchSize);
                    lastCompletedNanos = System.nanoTime();
                    backoff = pollInterval;
                    if (report.claimed() == 0) {
                        pendingWork.await(pollInterval);
                        // caught up: what wakes the worker arrived since, so the hold-back counts from now
                        caughtUpNanos = System.nanoTime();
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

    private void holdBackWhileIngestIsBusy(long caughtUpNanos) throws InterruptedException {
        while (!stopping && pendingWork.ingestIsBusy() && System.nanoTime() - caughtUpNanos < holdBackNanos) {
            Thread.sleep(HOLD_BACK_STEP_MILLIS);
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
