package com.titan.webhooks.application.port.out;

import com.titan.webhooks.application.port.AggregateSnapshot;
import com.titan.webhooks.application.port.ChangeKind;
import com.titan.webhooks.domain.Require;
import com.titan.webhooks.domain.delivery.EventId;
import java.util.Optional;

/**
 * A change a projection transaction is about to commit: the aggregate's state before it (empty
 * for a creation) and after it, and the last event of the transaction that changed it.
 */
public record NewChange(Optional<AggregateSnapshot> before, AggregateSnapshot after, EventId eventId) {

    public NewChange {
        Require.nonNull(before, "before");
        Require.nonNull(after, "after");
        Require.nonNull(eventId, "eventId");
    }

    public ChangeKind kind() {
        return after.deleted() ? ChangeKind.DELETE : ChangeKind.UPSERT;
    }
}
