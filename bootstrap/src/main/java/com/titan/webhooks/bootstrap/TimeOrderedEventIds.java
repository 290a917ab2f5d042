package com.titan.webhooks.bootstrap;

import com.titan.webhooks.application.port.out.EventIds;
import com.titan.webhooks.domain.delivery.EventId;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Event ids as version-7 UUIDs (RFC 9562): 48 bits of milliseconds, then 74 random bits. Ids made
 * close in time sort close together, so inserts land at the end of the primary-key index instead
 * of all over it; and the random part comes from the thread's own generator, not the process-wide
 * SecureRandom that UUID.randomUUID() contends on. The ids are identifiers, not secrets.
 */
final class TimeOrderedEventIds implements EventIds {

    private final Clock clock;

    TimeOrderedEventIds(Clock clock) {
        this.clock = clock;
    }

    @Override
    public EventId next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = clock.millis();
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new EventId(new UUID(high, low).toString());
    }
}
