package com.titan.webhooks.domain.event;

import java.time.Instant;
import java.util.Optional;

/**
 * The latest creation and the latest deletion of an aggregate. It is deleted when its latest
 * deletion is later than its latest creation: an older event never resurrects it, a newer
 * creation does. Both are maxima, so the verdict does not depend on arrival order.
 */
public record TombstoneClock(Stamp created, Stamp deleted) {

    public static final TombstoneClock NEVER_SEEN = new TombstoneClock(null, null);

    public TombstoneClock created(Stamp stamp) {
        return new TombstoneClock(Stamp.latest(created, stamp), deleted);
    }

    public TombstoneClock deleted(Stamp stamp) {
        return new TombstoneClock(created, Stamp.latest(deleted, stamp));
    }

    public boolean isDeleted() {
        return deleted != null && deleted.isAfter(created);
    }

    public Optional<Instant> deletedAt() {
        return isDeleted() ? Optional.of(deleted.at()) : Optional.empty();
    }

    public Stamp latestStamp() {
        return Stamp.latest(created, deleted);
    }
}
