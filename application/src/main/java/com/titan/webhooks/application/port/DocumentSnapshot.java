package com.titan.webhooks.application.port;

import com.titan.webhooks.domain.Require;

/**
 * An aggregate stored as a document, in a change record: its id and its document, the record of
 * its whole state ({@code DocumentAggregate.document()}), shown as it is.
 */
public record DocumentSnapshot(AggregateType type, String id, Record document, boolean deleted)
        implements AggregateSnapshot {

    public DocumentSnapshot {
        Require.nonNull(type, "type");
        Require.nonBlank(id, "id");
        Require.nonNull(document, "document");
    }
}
