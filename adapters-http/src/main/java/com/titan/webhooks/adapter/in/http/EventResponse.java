package com.titan.webhooks.adapter.in.http;

import com.titan.webhooks.domain.delivery.IdempotencyKey;
import com.titan.webhooks.domain.delivery.StoredEvent;
import com.titan.webhooks.domain.signature.SecretUsed;
import java.time.Instant;

/**
 * What every answer about a stored event says of it; the list and the event's own route each add
 * their part ({@link ListedEventResponse}, {@link EventDetailsResponse}).
 */
public record EventResponse(String id, String source, String type, String status, int attempts, String lastError,
                            SecretUsedResponse secretUsed, String idempotencyKey, Instant occurredAt,
                            Instant receivedAt) {

    static EventResponse from(StoredEvent event) {
        return new EventResponse(event.id().value(), event.source().wireName(), event.eventType().orElse(null),
                event.status().wireName(), event.attempts(), event.lastError().orElse(null),
                event.secretUsed().map(SecretUsedResponse::from).orElse(null),
                event.idempotencyKey().map(IdempotencyKey::value).orElse(null), event.occurredAt().orElse(null),
                event.receivedAt());
    }

    /** Which configured secret verified the delivery: its position and fingerprint, never the secret. */
    public record SecretUsedResponse(int position, String fingerprint) {

        static SecretUsedResponse from(SecretUsed used) {
            return new SecretUsedResponse(used.position(), used.fingerprint());
        }
    }
}
