package com.titan.webhooks.application.port.in;

import com.titan.webhooks.domain.Require;
import com.titan.webhooks.domain.delivery.EventId;
import java.time.Instant;
import java.util.Optional;

/**
 * The event behind a value: its idempotency key and provider timestamp, as the aggregate's stamp
 * keeps them, and its id in the inbox when it is still found there (its body may have been blanked).
 */
public record EventOrigin(String eventKey, Instant occurredAt, Optional<EventId> eventId) {

    public EventOrigin {
        Require.nonBlank(eventKey, "eventKey");
        Require.nonNull(occurredAt, "occurredAt");
        Require.nonNull(eventId, "eventId");
    }
}
