package com.titan.webhooks.application.port.in;

import com.titan.webhooks.domain.Require;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stored event as the domain reads it: the aggregate it changes, what kind of change, its
 * provider timestamp and the fields it carries (a null value clears a field).
 */
public record DecodedEvent(AggregateRef aggregate, String change, Instant occurredAt, Map<String, String> fields) {

    public DecodedEvent {
        Require.nonNull(aggregate, "aggregate");
        Require.nonBlank(change, "change");
        Require.nonNull(occurredAt, "occurredAt");
        fields = Collections.unmodifiableMap(new TreeMap<>(fields));
    }
}
