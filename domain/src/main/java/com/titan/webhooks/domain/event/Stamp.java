package com.titan.webhooks.domain.event;

import com.titan.webhooks.domain.Require;
import java.time.Instant;
import java.util.Comparator;

/**
 * When a provider says an event happened, where the event stands in its aggregate's lifecycle, and
 * the event's idempotency key.
 *
 * <p>Stamps are totally ordered: first by the provider's timestamp; for the same timestamp by
 * {@link Phase} (a creation first, then changes, a deletion last, so that a deletion wins a tie);
 * and only then, for two changes of the same millisecond, by the idempotency key in lexicographic
 * order, an arbitrary but fixed choice. The order never depends on when an event arrived, which is
 * what makes every aggregate's state independent of delivery order. Two stamps are equal only for
 * the same event, so applying it twice is harmless.
 */
public record Stamp(Instant at, Phase phase, String eventKey) implements Comparable<Stamp> {

    private static final Comparator<Stamp> ORDER =
            Comparator.comparing(Stamp::at).thenComparing(Stamp::phase).thenComparing(Stamp::eventKey);

    public Stamp {
        Require.nonNull(at, "at");
        Require.nonNull(phase, "phase");
        Require.nonBlank(eventKey, "eventKey");
    }

    /** The stamp of a change: neither a creation nor a deletion. */
    public Stamp(Instant at, String eventKey) {
        this(at, Phase.CHANGE, eventKey);
    }

    /** The same moment and event, in {@code lifecycle}'s place. */
    public Stamp in(Phase lifecycle) {
        return lifecycle == phase ? this : new Stamp(at, lifecycle, eventKey);
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
