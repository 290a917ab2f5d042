package com.titan.webhooks.domain.delivery;

import com.titan.webhooks.domain.Require;
import java.time.Instant;

/**
 * What the service needs to know of a delivery to store it: the provider's event type and event
 * time, and the key that makes it idempotent. Read from the signed body, never from headers.
 */
public record Envelope(Source source, String eventType, Instant occurredAt, IdempotencyKey idempotencyKey) {

    public Envelope {
        Require.nonNull(source, "source");
        Require.nonBlank(eventType, "eventType");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(idempotencyKey, "idempotencyKey");
    }
}
