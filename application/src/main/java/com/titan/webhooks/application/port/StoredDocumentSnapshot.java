package com.titan.webhooks.application.port;

import com.titan.webhooks.domain.Require;

/**
 * An aggregate stored as a document, in a change record as the store read it back: its document as
 * the JSON the change feed shows, not its record. A change stays readable after the record changed
 * shape, and on an instance that does not register its kind (an older one, during a rolling
 * upgrade), so that no reader is ever handed a cursor past a change it could not read.
 */
public record StoredDocumentSnapshot(AggregateType type, String id, String json, boolean deleted)
        implements AggregateSnapshot {

    public StoredDocumentSnapshot {
        Require.nonNull(type, "type");
        Require.nonBlank(id, "id");
        Require.nonNull(json, "json");
    }
}
