package com.titan.webhooks.application.service;

import com.titan.webhooks.application.port.Change;
import com.titan.webhooks.application.port.out.ChangeFeed;
import com.titan.webhooks.application.port.out.ChangeTopic;
import com.titan.webhooks.application.port.out.ChangeWindow;
import com.titan.webhooks.application.port.out.Publications;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Publishes the change feed to a {@link ChangeTopic}, in feed order, at least once and without a
 * gap: it reads the changes after the last confirmed position, publishes them, and records the new
 * position only once the topic has confirmed them all. After a failure, a restart or a take-over,
 * publishing resumes at the recorded position; what was published but not yet recorded is
 * published again, with the same positions, for consumers to dedupe.
 *
 * <p>With several instances on one store, exactly one publishes: the holder of the destination's
 * lease, which renews it on every round. The others try to take it every {@code round}; when the
 * holder dies its lease runs out after {@code lease} and one of them takes over.
 */
public final class ChangePublisher {

    private static final System.Logger LOG = System.getLogger(ChangePublisher.class.getName());
    private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(10);

    private final ChangeFeed feed;
    private final Publications publications;
    private final ChangeTopic topic;
    private final Clock clock;
    private final String holder;
    private final Duration lease;
    private final Duration round;
    private final int batchSize;
    private final PendingWork changes = new PendingWork();
    private volatile boolean stopping;
    private volatile boolean publishing;
    private volatile long confirmed;
    private Thread thread;

    /**
     * @param holder    this instance's name in the lease, unique among the instances
     * @param lease     how long a lease lasts unless renewed: how long a dead publisher is waited for
     * @param round     how often the lease is renewed, and an idle publisher looks for changes
     *                  committed by other instances; well under {@code lease}
     * @param batchSize the most changes published before waiting for their confirmation
     */
    public ChangePublisher(ChangeFeed feed, Publications publications, ChangeTopic topic, Clock clock, String holder,
                           Duration lease, Duration round, int batchSize) {
        this.feed = feed;
        this.publications = publications;
        this.topic = topic;
        this.clock = clock;
        this.holder = holder;
        this.lease = lease;
        this.round = round;
        this.batchSize = batchSize;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        stopping = false;
        thread = new Thread(this::run, "change-publisher");
        thread.setDaemon(true);
        thread.start();
    }

    /** New changes were committed here: publish them now rather than at the next round. */
    public void changesCommitted() {
        changes.signal();
    }

    /** Whether this instance holds the lease and publishes. */
    public boolean isPublishing() {
        return publishing;
    }

    /** The last position the topic confirmed, as far as this instance knows. */
    public long confirmedPosition() {
        return confirmed;
    }

    /** Lets the batch in flight be confirmed, gives up the lease and closes the topic. */
    public synchronized void stop(Duration grace) throws InterruptedException {
        if (thread == null) {
            return;
        }
        stopping = true;
        changes.signal();
        thread.join(Math.max(1, grace.toMillis()));
        if (thread.isAlive()) {
            thread.interrupt();
            thread.join(1_000);
        }
        thread = null;
    }

    private void run() {
        Duration backoff = round;
        try {
            while (!stopping) {
                try {
                    if (publishRound()) {
                        continue;
                    }
                    backoff = round;
                    changes.await(round);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException failure) {
                    // the topic or the store failed: publish again from the recorded position after a pause
                    LOG.log(Level.WARNING, "publishing the change feed to {0} failed, retrying in {1} ms: {2}",
                            topic.destination(), backoff.toMillis(), failure.toString());
                    Thread.sleep(backoff.toMillis());
                    backoff = backoff.multipliedBy(2).compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF
                            : backoff.multipliedBy(2);
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            letGo();
        }
    }

    /** One round: hold the lease, publish the next batch; answers whether there may be more at once. */
    private boolean publishRound() {
        String destination = topic.destination();
        Instant now = clock.instant();
        if (!publications.lease(destination, holder, now, now.plus(lease))) {
            if (publishing) {
                LOG.log(Level.WARNING, "another instance publishes the change feed to {0} now", destination);
            }
            publishing = false;
            return false;
        }
        if (!publishing) {
            LOG.log(Level.INFO, "this instance publishes the change feed to {0}", destination);
            publishing = true;
        }
        long from = publications.confirmed(destination);
        ChangeWindow window = feed.window();
        if (window.pruned() > from) {
            // retention deleted changes that were never published: say so, and go on from what is left
            LOG.log(Level.ERROR, "changes {0} to {1} were deleted by retention before they were published to {2}",
                    from + 1, window.pruned(), destination);
            from = window.pruned();
        }
        confirmed = from;
        List<Change> batch = feed.after(from, Set.of(), batchSize);
        // nothing to publish still opens the destination, so that consumers may bind before the first change
        topic.publish(batch);
        if (batch.isEmpty()) {
            return false;
        }
        long last = batch.get(batch.size() - 1).position();
        if (!publications.confirm(destination, holder, last)) {
            LOG.log(Level.WARNING, "the lease on {0} ran out while publishing; another instance goes on", destination);
            publishing = false;
            return false;
        }
        confirmed = last;
        return batch.size() == batchSize || last < window.last();
    }

    private void letGo() {
        try {
            if (publishing) {
                publications.release(topic.destination(), holder);
            }
        } catch (RuntimeException storeGone) {
            // the lease runs out by itself
        }
        publishing = false;
        topic.close();
    }
}
