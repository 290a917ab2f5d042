package com.titan.webhooks.domain.event;

import com.titan.webhooks.domain.Require;
import java.time.Instant;
import java.util.Comparator;

/**
 * When a provider says an event happened, plus the event's idempotency key as a tie-breaker.
 *
 * <p>Stamps are totally ordered: first by the provider's timestamp, then, for two different
 * events with the same timestamp, by the idempotency key in lexicographic order. The order never
 * depends on when an event arrived, which is what makes every aggregate's state independent of
 * delivery order. Two stamps are equal only for the same event, so applying it twice is harmless.
 */
public record Stamp(Instant at, String eventKey) implements Comparable<Stamp> {

    private static final Comparator<Stamp> ORDER =
            Comparator.comparing(Stamp::at).thenComparing(Stamp::eventKey);

    public Stamp {
        Require.nonNull(at, "at");
        Require.nonBlank(eventKey, "eventKey");
    }

    @Override
    public int compareTo(Stamp other) {
        return ORDER.compare(this, other);
    }

    public boolean isAfter(Stamp other) {
        return other == null || compareTo(other) > 0;
    }

    /** The later of two stamps, either of which may be absent (null). */
    public static Stamp latest(Stamp a, Stamp b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }
}
