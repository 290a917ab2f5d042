package com.titan.webhooks.application.service;

import com.titan.webhooks.application.port.out.ChangeFeed;
import java.time.Clock;
import java.time.Duration;

/**
 * The change feed keeps its changes for a retention period: a reader that falls further behind
 * is told its cursor expired and resyncs from the list routes.
 */
public final class ChangeRetention {

    private final ChangeFeed feed;
    private final Clock clock;
    private final Duration keep;

    public ChangeRetention(ChangeFeed feed, Clock clock, Duration keep) {
        this.feed = feed;
        this.clock = clock;
        this.keep = keep;
    }

    /** Deletes the changes past the retention period; answers how many. */
    public int expire() {
        return feed.pruneCommittedBefore(clock.instant().minus(keep));
    }
}
