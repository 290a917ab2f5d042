package com.titan.webhooks.application.port;

import com.titan.webhooks.domain.Require;
import com.titan.webhooks.domain.delivery.EventId;
import java.time.Instant;
import java.util.Optional;

/**
 * One committed change of the feed, at its position: positions grow in commit order, without
 * gaps a reader could step past.
 */
public record Change(long position, Optional<AggregateSnapshot> before, AggregateSnapshot after, EventId eventId,
                     Instant committedAt) {

    public Change {
        Require.nonNull(before, "before");
        Require.nonNull(after, "after");
        Require.nonNull(eventId, "eventId");
        Require.nonNull(committedAt, "committedAt");
    }

    public ChangeKind kind() {
        return after.deleted() ? ChangeKind.DELETE : ChangeKind.UPSERT;
    }
}
