package com.titan.webhooks.application.service;

import com.titan.webhooks.application.port.out.Inbox;
import java.time.Clock;
import java.time.Duration;

/**
 * Raw payloads are personal data: after the retention period, the bodies and headers of settled
 * events are blanked. What they did to the aggregates stays, and so does each event's record
 * (id, source, type, times, status); only a blanked event can no longer be replayed.
 */
public final class PayloadRetention {

    private final Inbox inbox;
    private final Clock clock;
    private final Duration keep;

    public PayloadRetention(Inbox inbox, Clock clock, Duration keep) {
        this.inbox = inbox;
        this.clock = clock;
        this.keep = keep;
    }

    /** Blanks what has passed the retention period; answers how many events it blanked. */
    public int expire() {
        return inbox.blankPayloadsReceivedBefore(clock.instant().minus(keep));
    }
}
