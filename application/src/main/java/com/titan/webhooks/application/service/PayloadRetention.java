package com.titan.webhooks.application.service;

import com.titan.webhooks.application.port.out.StoredEvents;
import java.time.Clock;
import java.time.Duration;

/**
 * Raw payloads are personal data: after the retention period, the bodies and headers of settled
 * events are blanked. What they did to the aggregates stays, and so does each event's record
 * (id, source, type, times, status); only a blanked event can no longer be replayed.
 */
public final class PayloadRetention {

    private final StoredEvents storedEvents;
    private final Clock clock;
    private final Duration keep;

    public PayloadRetention(StoredEvents storedEvents, Clock clock, Duration keep) {
        this.storedEvents = storedEvents;
        this.clock = clock;
        this.keep = keep;
    }

    /** Blanks what has passed the retention period; answers how many events it blanked. */
    public int expire() {
        return storedEvents.blankPayloadsReceivedBefore(clock.instant().minus(keep));
    }
}
